import { eq, sql } from "drizzle-orm";
import { newId } from "../../db/ids";
import { follows, posts, replies } from "../../db/schema";
import { markdownToPlainText, renderMarkdown } from "../content/markdown";
import type { Guilde } from "../context";
import { write } from "../events";
import { NotFound } from "../errors";
import { notifyAboutPost, notifyMentions } from "../notifications/notify";
import { can, ensureCan, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { loadPost } from "./access";
import { answerSchema, type AnswerInput } from "./schemas";

/** Answers a question: its followers are told, and the one who answers now follows it too. */
export async function answerQuestion(
  guilde: Guilde,
  { viewer, questionId, input }: { viewer: Viewer; questionId: string; input: Untrusted<AnswerInput> },
): Promise<{ answerId: string }> {
  const data = parseInput(answerSchema, input);
  const bodyHtml = renderMarkdown(data.body);
  return write(guilde, async (tx, emit) => {
    const loaded = await loadPost(tx, viewer, questionId);
    if (!loaded || loaded.post.kind !== "question" || !can(viewer, { action: "post.view", post: loaded.access })) throw new NotFound();
    ensureCan(viewer, { action: "post.answer", post: loaded.access });

    const answerId = newId();
    const now = new Date();
    await tx.insert(replies).values({
      id: answerId,
      postId: questionId,
      kind: "answer",
      authorId: viewer.id,
      originSiteId: viewer.siteId,
      body: data.body,
      bodyHtml,
      createdAt: now,
    });
    await tx
      .update(posts)
      .set({ answerCount: sql`${posts.answerCount} + 1`, lastActivityAt: now })
      .where(eq(posts.id, questionId));
    const followers = await tx.select({ userId: follows.userId }).from(follows).where(eq(follows.postId, questionId));
    await tx.insert(follows).values({ userId: viewer.id, postId: questionId }).onConflictDoNothing();

    await notifyAboutPost(tx, {
      emit,
      recipientIds: followers.map((row) => row.userId),
      post: loaded.post,
      community: loaded.community,
      draft: {
        kind: "answer_on_followed",
        actorId: viewer.id,
        replyId: answerId,
        summary: { title: loaded.post.title, excerpt: markdownToPlainText(data.body, 160) },
      },
    });
    await notifyMentions(tx, { emit, markdown: data.body, post: loaded.post, community: loaded.community, actorId: viewer.id, replyId: answerId });
    emit({ type: "reply.posted", communityId: loaded.community.id, questionId, replyId: answerId, kind: "answer", authorId: viewer.id });
    return { answerId };
  });
}
