import { and, eq } from "drizzle-orm";
import { newId } from "../../db/ids";
import { communityMembers, follows, posts } from "../../db/schema";
import { loadCommunity } from "../communities/access";
import { markdownToPlainText, renderMarkdown } from "../content/markdown";
import type { Guilde } from "../context";
import { write } from "../events";
import { NotFound } from "../errors";
import { notifyAboutPost, notifyMentions } from "../notifications/notify";
import { can, ensureCan, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { questionSchema, type QuestionInput } from "./schemas";

/**
 * An employee asks in a community. Their site is recorded with the question; the community's monitors
 * are called in, and anyone @mentioned is told. The asker follows their question.
 */
export async function askQuestion(
  guilde: Guilde,
  { viewer, communityId, input }: { viewer: Viewer; communityId: string; input: Untrusted<QuestionInput> },
): Promise<{ questionId: string }> {
  const data = parseInput(questionSchema, input);
  const bodyHtml = renderMarkdown(data.body);
  return write(guilde, async (tx, emit) => {
    const loaded = await loadCommunity(tx, viewer, { id: communityId });
    if (!loaded || !can(viewer, { action: "community.read", community: loaded.access })) throw new NotFound();
    ensureCan(viewer, { action: "community.post", community: loaded.access });

    const questionId = newId();
    const [post] = await tx
      .insert(posts)
      .values({ id: questionId, kind: "question", communityId, authorId: viewer.id, originSiteId: viewer.siteId, ...data, bodyHtml })
      .returning();
    await tx.insert(follows).values({ userId: viewer.id, postId: questionId });

    const monitors = await tx
      .select({ userId: communityMembers.userId })
      .from(communityMembers)
      .where(and(eq(communityMembers.communityId, communityId), eq(communityMembers.role, "monitor"), eq(communityMembers.status, "active")));
    const summary = { title: post.title, excerpt: markdownToPlainText(data.body, 160) };
    await notifyAboutPost(tx, {
      emit,
      recipientIds: monitors.map((row) => row.userId),
      post,
      community: loaded.community,
      draft: { kind: "question_in_community", actorId: viewer.id, summary },
    });
    await notifyMentions(tx, { emit, markdown: data.body, post, community: loaded.community, actorId: viewer.id });
    emit({ type: "question.asked", communityId, questionId, authorId: viewer.id });
    return { questionId };
  });
}
