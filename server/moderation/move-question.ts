import { eq } from "drizzle-orm";
import { flags, notifications, posts } from "../../db/schema";
import { recordAudit } from "../audit/record";
import { loadCommunity } from "../communities/access";
import type { Guilde } from "../context";
import { write } from "../events";
import { Invalid, NotFound } from "../errors";
import { can, ensureCan, type Viewer } from "../policy";
import { loadPost } from "../questions/access";
import { parseInput, type Untrusted } from "../validation";
import { moveSchema, type MoveInput } from "./schemas";

/**
 * A moderator of both communities moves a question, with its answers and comments, to the other one.
 * Its flags and notifications follow it, so that who may see them is decided by where it now is.
 */
export async function moveQuestion(
  guilde: Guilde,
  { viewer, questionId, input }: { viewer: Viewer; questionId: string; input: Untrusted<MoveInput> },
): Promise<{ slug: string }> {
  const data = parseInput(moveSchema, input);
  return write(guilde, async (tx, emit) => {
    const loaded = await loadPost(tx, viewer, questionId, { forUpdate: true });
    if (!loaded || loaded.post.kind !== "question" || !can(viewer, { action: "post.view", post: loaded.access })) throw new NotFound();
    ensureCan(viewer, { action: "post.moderate", post: loaded.access });
    const destination = await loadCommunity(tx, viewer, { id: data.communityId });
    if (!destination || !can(viewer, { action: "community.view", community: destination.access }) || destination.community.id === loaded.community.id) {
      throw new Invalid({ communityId: ["errors.moveDestinationInvalid"] });
    }
    ensureCan(viewer, { action: "post.move", post: loaded.access, destination: destination.access });

    const from = loaded.community;
    const to = destination.community;
    await tx.update(posts).set({ communityId: to.id }).where(eq(posts.id, questionId));
    await tx.update(flags).set({ communityId: to.id }).where(eq(flags.postId, questionId));
    await tx.update(notifications).set({ communityId: to.id }).where(eq(notifications.postId, questionId));
    // Both communities' lists, feeds and search results change.
    emit({ type: "question.changed", communityId: from.id, questionId, change: "moved" });
    emit({ type: "question.changed", communityId: to.id, questionId, change: "moved" });
    const details = { from: { id: from.id, slug: from.slug }, to: { id: to.id, slug: to.slug } };
    // One entry in each community's log: the moderators of both see the move.
    for (const communityId of [from.id, to.id]) {
      await recordAudit(tx, { actorId: viewer.id, action: "question.move", targetKind: "question", targetId: questionId, communityId, details });
    }
    return { slug: to.slug };
  });
}
