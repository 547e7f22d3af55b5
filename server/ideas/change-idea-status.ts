import { eq } from "drizzle-orm";
import { newId } from "../../db/ids";
import { ideas, ideaStatusChanges, posts } from "../../db/schema";
import { recordAudit } from "../audit/record";
import type { Guilde } from "../context";
import { write } from "../events";
import { Invalid } from "../errors";
import { ensureCan, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { viewableIdea } from "./access";
import { statusChangeSchema, type StatusChangeInput } from "./schemas";
import { tellFollowers } from "./tell-followers";

/**
 * A moderator of the idea's community moves it along the workflow, with a note (the reason, when
 * declining). The change joins the idea's public timeline and the audit log, and its author and followers are told.
 * Moderators may also move an idea back (a plan that fell through): any other status is allowed.
 */
export async function changeIdeaStatus(
  guilde: Guilde,
  { viewer, ideaId, input }: { viewer: Viewer; ideaId: string; input: Untrusted<StatusChangeInput> },
): Promise<void> {
  const { status, note } = parseInput(statusChangeSchema, input);
  await write(guilde, async (tx, emit) => {
    const loaded = await viewableIdea(tx, viewer, ideaId, { lock: "update" });
    ensureCan(viewer, { action: "idea.changeStatus", idea: loaded.access });
    if (loaded.idea.status === status) throw new Invalid({ status: ["ideas.errors.sameStatus"] });

    const now = new Date();
    await tx.update(ideas).set({ status, statusChangedAt: now }).where(eq(ideas.postId, ideaId));
    await tx.update(posts).set({ lastActivityAt: now }).where(eq(posts.id, ideaId));
    await tx.insert(ideaStatusChanges).values({ id: newId(), ideaId, actorId: viewer.id, fromStatus: loaded.idea.status, toStatus: status, note, createdAt: now });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "idea.status",
      targetKind: "idea",
      targetId: ideaId,
      communityId: loaded.community.id,
      reason: note,
      details: { from: loaded.idea.status, to: status },
    });
    await tellFollowers(tx, {
      emit,
      post: loaded.post,
      community: loaded.community,
      draft: { kind: "idea_status_changed", actorId: viewer.id, summary: { title: loaded.post.title, note, decision: status } },
    });
    emit({ type: "idea.changed", communityId: loaded.community.id, ideaId, change: "status" });
  });
}
