import { eq } from "drizzle-orm";
import { posts } from "../../db/schema";
import { recordAudit } from "../audit/record";
import type { Guilde } from "../context";
import { write } from "../events";
import { ensureCan, type Viewer } from "../policy";
import { viewableIdea } from "./access";

/**
 * Deletes an idea, softly as a question is: it leaves every list, search and notification, and only
 * moderators still open it. By its author or a moderator (whose deletion is in the audit log).
 */
export async function deleteIdea(guilde: Guilde, { viewer, ideaId }: { viewer: Viewer; ideaId: string }): Promise<{ communitySlug: string }> {
  return write(guilde, async (tx, emit) => {
    const { post, community, access } = await viewableIdea(tx, viewer, ideaId, { lock: "update" });
    ensureCan(viewer, { action: "post.delete", post: access });
    await tx.update(posts).set({ deletedAt: new Date() }).where(eq(posts.id, ideaId));
    emit({ type: "idea.changed", communityId: community.id, ideaId, change: "deleted" });
    if (post.authorId !== viewer.id) {
      await recordAudit(tx, { actorId: viewer.id, action: "idea.delete", targetKind: "idea", targetId: ideaId, communityId: community.id });
    }
    return { communitySlug: community.slug };
  });
}
