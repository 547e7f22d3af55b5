import type { Transaction } from "../../db/client";
import { newId } from "../../db/ids";
import { follows, posts, type Community, type Post } from "../../db/schema";
import { loadCommunity } from "../communities/access";
import { markdownToPlainText, renderMarkdown } from "../content/markdown";
import type { Guilde } from "../context";
import { write, type Emit } from "../events";
import { NotFound } from "../errors";
import { mustHold, notifyModeratorsOfHeldContent } from "../moderation/premoderation";
import { notifyMentions, textNotice } from "../notifications/notify";
import { can, ensureCan, type Viewer } from "../policy";
import { routeQuestion } from "../routing/route-question";
import type { RoutingSettings } from "../routing/waves";
import { parseInput, type Untrusted } from "../validation";
import { questionSchema, type QuestionInput } from "./schemas";

/**
 * Someone asks in a community. Their site is recorded with the question and they follow it. Published
 * at once, it is routed to the monitors who know its topic and anyone @mentioned is told; held for approval
 * (pre-moderation), only the moderators hear of it until one approves it.
 */
export async function askQuestion(
  guilde: Guilde,
  { viewer, communityId, input }: { viewer: Viewer; communityId: string; input: Untrusted<QuestionInput> },
): Promise<{ questionId: string; held: boolean }> {
  const data = parseInput(questionSchema, input);
  const bodyHtml = renderMarkdown(data.body);
  return write(guilde, async (tx, emit) => {
    const loaded = await loadCommunity(tx, viewer, { id: communityId });
    if (!loaded || !can(viewer, { action: "community.read", community: loaded.access })) throw new NotFound();
    ensureCan(viewer, { action: "community.post", community: loaded.access });

    const held = await mustHold(tx, { viewer, community: loaded.community, access: loaded.access });
    const questionId = newId();
    const [post] = await tx
      .insert(posts)
      .values({
        id: questionId,
        kind: "question",
        communityId,
        authorId: viewer.id,
        originSiteId: viewer.siteId,
        ...data,
        bodyHtml,
        ...(held ? { hiddenAt: new Date(), hiddenReason: "awaiting_approval" as const } : {}),
      })
      .returning();
    await tx.insert(follows).values({ userId: viewer.id, postId: questionId });

    if (held) {
      const excerpt = markdownToPlainText(data.body, 160);
      await notifyModeratorsOfHeldContent(tx, { emit, community: loaded.community, postId: questionId, actorId: viewer.id, title: post.title, excerpt });
    } else {
      await announceQuestion(tx, { post, community: loaded.community, emit, routing: guilde.config.routing });
    }
    return { questionId, held };
  });
}

/**
 * What publishing a question sets off, when it is asked or when a moderator approves it: it is routed
 * to the monitors who know its topic (and escalates later if nobody answers, server/routing/), anyone
 * @mentioned is told, and the community hears of it.
 */
export async function announceQuestion(
  tx: Transaction,
  { post, community, emit, routing }: { post: Post; community: Community; emit: Emit; routing: RoutingSettings },
): Promise<void> {
  await routeQuestion(tx, { post, community, emit, settings: routing });
  await notifyMentions(tx, { emit, notice: textNotice(post.body), post, community, actorId: post.authorId });
  emit({ type: "question.asked", communityId: community.id, questionId: post.id, authorId: post.authorId });
}
