import { and, eq, sql } from "drizzle-orm";
import { posts, replies, votes } from "../../db/schema";
import type { Guilde } from "../context";
import { write } from "../events";
import { NotFound } from "../errors";
import { can, ensureCan, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { loadQuestion, loadReply } from "./access";
import { voteSchema, type VoteInput } from "./schemas";

/**
 * Votes up (+1) or down (-1) on a question or an answer, or withdraws the vote (0). One vote per person,
 * changeable, never on one's own post. The score moves by the difference, in the same transaction.
 */
export async function vote(
  guilde: Guilde,
  { viewer, targetId, input }: { viewer: Viewer; targetId: string; input: Untrusted<VoteInput> },
): Promise<{ score: number; myVote: number; questionId: string }> {
  const { value } = parseInput(voteSchema, input);
  return write(guilde, async (tx, emit) => {
    // Votes on one thread are serialised by locking its question row, so that concurrent clicks count once.
    const question = await loadQuestion(tx, viewer, targetId, { forUpdate: true });
    let questionId: string;
    let communityId: string;
    if (question) {
      if (!can(viewer, { action: "post.view", post: question.access })) throw new NotFound();
      ensureCan(viewer, { action: "post.vote", post: question.access });
      questionId = question.post.id;
      communityId = question.community.id;
    } else {
      const answer = await loadReply(tx, viewer, targetId, { forUpdate: true });
      if (!answer || answer.reply.kind !== "answer" || !can(viewer, { action: "reply.view", reply: answer.replyAccess })) throw new NotFound();
      ensureCan(viewer, { action: "reply.vote", reply: answer.replyAccess });
      questionId = answer.post.id;
      communityId = answer.community.id;
    }

    const [previous] = await tx
      .select({ value: votes.value })
      .from(votes)
      .where(and(eq(votes.userId, viewer.id), eq(votes.targetId, targetId)));
    const delta = value - (previous?.value ?? 0);
    if (value === 0) {
      await tx.delete(votes).where(and(eq(votes.userId, viewer.id), eq(votes.targetId, targetId)));
    } else {
      await tx
        .insert(votes)
        .values({ userId: viewer.id, targetId, value })
        .onConflictDoUpdate({ target: [votes.userId, votes.targetId], set: { value, createdAt: new Date() } });
    }
    const table = question ? posts : replies;
    const [updated] = await tx
      .update(table)
      .set({ score: sql`${table.score} + ${delta}` })
      .where(eq(table.id, targetId))
      .returning({ score: table.score });
    emit({ type: "vote.changed", communityId, questionId, targetId, score: updated.score });
    return { score: updated.score, myVote: value, questionId };
  });
}
