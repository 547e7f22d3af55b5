import { eq } from "drizzle-orm";
import { posts } from "../../db/schema";
import { recordAudit } from "../audit/record";
import type { Guilde } from "../context";
import { write } from "../events";
import { NotFound } from "../errors";
import { can, ensureCan, type Viewer } from "../policy";
import { loadTutorial } from "./access";

/**
 * Deletes a tutorial (a draft too), softly as a question is: it leaves lists, search and citations'
 * cards, and only moderators still open it (its video with it). By its author or a moderator, whose
 * deletion is in the audit log.
 */
export async function deleteTutorial(guilde: Guilde, { viewer, tutorialId }: { viewer: Viewer; tutorialId: string }): Promise<{ communitySlug: string }> {
  return write(guilde, async (tx, emit) => {
    const loaded = await loadTutorial(tx, viewer, tutorialId, { forUpdate: true });
    if (!loaded || !can(viewer, { action: "tutorial.view", tutorial: loaded.access })) throw new NotFound();
    ensureCan(viewer, { action: "tutorial.delete", tutorial: loaded.access });
    const { post, community, access } = loaded;
    await tx.update(posts).set({ deletedAt: new Date() }).where(eq(posts.id, tutorialId));
    // A draft was never announced: nobody but its author knew of it.
    if (!access.draft) emit({ type: "tutorial.changed", communityId: community.id, tutorialId, change: "deleted" });
    if (post.authorId !== viewer.id) {
      await recordAudit(tx, { actorId: viewer.id, action: "tutorial.delete", targetKind: "tutorial", targetId: tutorialId, communityId: community.id });
    }
    return { communitySlug: community.slug };
  });
}
