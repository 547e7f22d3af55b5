import { eq, sql } from "drizzle-orm";
import { newId } from "../../db/ids";
import { follows, ideas, ideaStatusChanges, ideaVotes, posts, replies } from "../../db/schema";
import { recordAudit } from "../audit/record";
import type { Guilde } from "../context";
import { write } from "../events";
import { Invalid } from "../errors";
import { can, ensureCan, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { loadIdea, viewableIdea } from "./access";
import { mergeSchema, type MergeInput } from "./schemas";
import { tellFollowers } from "./tell-followers";

/**
 * A moderator merges a duplicate idea into another of the same community. The duplicate's votes
 * (a person who voted on both counts once, and the surviving idea's author's own vote is dropped),
 * comments and followers move to the surviving idea, whose count is taken again from its votes; the
 * duplicate then leads there. Followers of the surviving idea hear of it; the audit log records it.
 */
export async function mergeIdeas(
  guilde: Guilde,
  { viewer, ideaId, input }: { viewer: Viewer; ideaId: string; input: Untrusted<MergeInput> },
): Promise<{ intoId: string }> {
  const { intoId, note } = parseInput(mergeSchema, input);
  return write(guilde, async (tx, emit) => {
    const duplicate = await viewableIdea(tx, viewer, ideaId);
    ensureCan(viewer, { action: "idea.changeStatus", idea: duplicate.access });
    if (intoId === ideaId) throw new Invalid({ intoId: ["ideas.errors.mergeIntoItself"] });

    // Both rows are locked, always in the same order, so that two merges (or a merge and a status change) never deadlock.
    const [first, second] = [ideaId, intoId].sort();
    const locked = new Map<string, Awaited<ReturnType<typeof loadIdea>>>();
    for (const id of [first, second]) locked.set(id, await loadIdea(tx, viewer, id, { lock: "update" }));
    // Found unlocked just above, and ideas are never deleted from the table.
    const from = locked.get(ideaId)!;
    const into = locked.get(intoId);
    if (!into || !can(viewer, { action: "post.view", post: into.access })) throw new Invalid({ intoId: ["ideas.errors.mergeTargetNotFound"] });
    if (into.community.id !== from.community.id) throw new Invalid({ intoId: ["ideas.errors.mergeAcrossCommunities"] });
    if (into.access.merged || into.access.deleted || into.access.hidden) throw new Invalid({ intoId: ["ideas.errors.mergeTargetClosed"] });
    ensureCan(viewer, { action: "idea.merge", idea: from.access, into: into.access });

    await tx.execute(sql`
      insert into ${ideaVotes} (idea_id, user_id, created_at)
      select ${intoId}, user_id, created_at from ${ideaVotes} where idea_id = ${ideaId} and user_id <> ${into.post.authorId}
      on conflict do nothing`);
    await tx.delete(ideaVotes).where(eq(ideaVotes.ideaId, ideaId));
    const [counted] = await tx
      .update(ideas)
      .set({ voteCount: sql`(select count(*)::int from ${ideaVotes} where ${ideaVotes.ideaId} = ${intoId})` })
      .where(eq(ideas.postId, intoId))
      .returning({ voteCount: ideas.voteCount });
    await tx.update(ideas).set({ voteCount: 0, mergedIntoId: intoId }).where(eq(ideas.postId, ideaId));
    // Ideas merged into the duplicate earlier now lead straight to the surviving one.
    await tx.update(ideas).set({ mergedIntoId: intoId }).where(eq(ideas.mergedIntoId, ideaId));

    await tx.update(replies).set({ postId: intoId }).where(eq(replies.postId, ideaId));
    await tx.execute(sql`
      insert into ${follows} (user_id, post_id, created_at)
      select user_id, ${intoId}, created_at from ${follows} where post_id = ${ideaId}
      on conflict do nothing`);
    await tx.delete(follows).where(eq(follows.postId, ideaId));

    const now = new Date();
    await tx.update(posts).set({ lastActivityAt: now }).where(eq(posts.id, intoId));
    await tx.insert(ideaStatusChanges).values({
      id: newId(),
      ideaId: intoId,
      actorId: viewer.id,
      fromStatus: into.idea.status,
      toStatus: into.idea.status,
      note,
      mergedIdeaId: ideaId,
      createdAt: now,
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "idea.merge",
      targetKind: "idea",
      targetId: ideaId,
      communityId: from.community.id,
      reason: note || null,
      details: { intoId, votesAfter: counted.voteCount },
    });
    await tellFollowers(tx, {
      emit,
      post: into.post,
      community: into.community,
      draft: { kind: "idea_merged", actorId: viewer.id, summary: { title: into.post.title, excerpt: from.post.title, note } },
    });
    emit({ type: "idea.changed", communityId: into.community.id, ideaId: intoId, change: "merged", voteCount: counted.voteCount });
    emit({ type: "idea.changed", communityId: from.community.id, ideaId, change: "merged" });
    return { intoId };
  });
}
