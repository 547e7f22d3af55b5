/** The writes that hiding, restoring and approving share, whatever the content. */
import { and, eq, sql } from "drizzle-orm";
import type { Transaction } from "../../db/client";
import { flags, posts, replies, type HiddenReason } from "../../db/schema";
import type { Emit } from "../events";
import type { ModeratedContent } from "./content";

export interface Visibility {
  hiddenAt: Date | null;
  hiddenReason: HiddenReason | null;
  hiddenNote: string | null;
}

/** Sets whether the content is hidden (and why); a published answer counts on its question only while visible. */
export async function setVisibility(tx: Transaction, content: ModeratedContent, visibility: Visibility): Promise<void> {
  if (!content.reply) {
    await tx.update(posts).set(visibility).where(eq(posts.id, content.id));
    return;
  }
  await tx.update(replies).set(visibility).where(eq(replies.id, content.id));
  // A held answer was never counted: approving it counts it when it is announced (announceAnswer).
  const wasCounted = content.hiddenAt === null;
  const counts = visibility.hiddenAt === null;
  if (content.kind === "answer" && content.hiddenReason !== "awaiting_approval" && wasCounted !== counts) {
    await tx
      .update(posts)
      .set({ answerCount: counts ? sql`${posts.answerCount} + 1` : sql`greatest(${posts.answerCount} - 1, 0)` })
      .where(eq(posts.id, content.post.id));
  }
}

/** Closes the open flags on the content; answers how many there were. */
export async function closeOpenFlags(
  tx: Transaction,
  { contentId, moderatorId, status, note }: { contentId: string; moderatorId: string; status: "resolved" | "dismissed"; note: string | null },
): Promise<number> {
  const closed = await tx
    .update(flags)
    .set({ status, decidedById: moderatorId, decidedAt: new Date(), decisionNote: note })
    .where(and(eq(flags.targetId, contentId), eq(flags.status, "open")))
    .returning({ id: flags.id });
  return closed.length;
}

/** Tells the subscribers (live pages, the search index) that the content's visibility changed. */
export function emitVisibilityChange(emit: Emit, content: ModeratedContent, change: "hidden" | "restored"): void {
  const communityId = content.community.id;
  if (content.kind === "question") emit({ type: "question.changed", communityId, questionId: content.id, change });
  else if (content.kind === "idea") emit({ type: "idea.changed", communityId, ideaId: content.id, change });
  else if (content.kind === "tutorial") emit({ type: "tutorial.changed", communityId, tutorialId: content.id, change });
  // An idea's page hears of its comments through the idea (a tutorial's comments are a question's replies).
  else if (content.post.kind === "idea") emit({ type: "idea.changed", communityId, ideaId: content.post.id, change: "comment" });
  else emit({ type: "reply.changed", communityId, questionId: content.post.id, replyId: content.id, change });
}
