import { and, eq, isNull, sql } from "drizzle-orm";
import { ideas, ideaVotes } from "../../db/schema";
import type { Guilde } from "../context";
import { write } from "../events";
import { Conflict } from "../errors";
import { ensureCan, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { viewableIdea } from "./access";
import { ideaVoteSchema, type IdeaVoteInput } from "./schemas";

/**
 * Votes for an idea (`vote: true`) or withdraws one's vote (`false`): one vote per person, never on
 * one's own idea. Voting twice, or withdrawing a vote one has not given, is refused (409).
 *
 * Counted exactly once under concurrency without serialising voters on a lock taken up front: the vote
 * row's primary key decides who voted (`on conflict do nothing`), and the count moves in the same
 * transaction by an UPDATE that re-reads the row it changes. A merge that committed meanwhile makes
 * that UPDATE find no open idea, and the vote is rolled back.
 */
export async function voteOnIdea(
  guilde: Guilde,
  { viewer, ideaId, input }: { viewer: Viewer; ideaId: string; input: Untrusted<IdeaVoteInput> },
): Promise<{ voteCount: number; voted: boolean }> {
  const { vote } = parseInput(ideaVoteSchema, input);
  return write(guilde, async (tx, emit) => {
    const loaded = await viewableIdea(tx, viewer, ideaId);
    ensureCan(viewer, { action: "idea.vote", idea: loaded.access });

    const changed = vote
      ? await tx.insert(ideaVotes).values({ ideaId, userId: viewer.id }).onConflictDoNothing().returning({ userId: ideaVotes.userId })
      : await tx
          .delete(ideaVotes)
          .where(and(eq(ideaVotes.ideaId, ideaId), eq(ideaVotes.userId, viewer.id)))
          .returning({ userId: ideaVotes.userId });
    if (changed.length === 0) throw new Conflict(vote ? "ideas.errors.alreadyVoted" : "ideas.errors.notVoted");

    const [counted] = await tx
      .update(ideas)
      .set({ voteCount: sql`${ideas.voteCount} + ${vote ? 1 : -1}` })
      .where(and(eq(ideas.postId, ideaId), isNull(ideas.mergedIntoId)))
      .returning({ voteCount: ideas.voteCount });
    if (!counted) throw new Conflict("ideas.errors.merged");
    emit({ type: "idea.changed", communityId: loaded.community.id, ideaId, change: "vote", voteCount: counted.voteCount });
    return { voteCount: counted.voteCount, voted: vote };
  });
}
