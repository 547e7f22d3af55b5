import { eq } from "drizzle-orm";
import { communities } from "../../db/schema";
import { recordAudit } from "../audit/record";
import type { Guilde } from "../context";
import { write } from "../events";
import { Invalid, NotFound } from "../errors";
import { ensureCan, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { loadCommunity } from "./access";
import { communitySchema, type CommunityInput } from "./schemas";

export async function updateCommunity(
  guilde: Guilde,
  { viewer, communityId, input }: { viewer: Viewer; communityId: string; input: Untrusted<CommunityInput> },
): Promise<{ slug: string }> {
  const data = parseInput(communitySchema, input);
  return write(guilde, async (tx, emit) => {
    const loaded = await loadCommunity(tx, viewer, { id: communityId });
    if (!loaded) throw new NotFound();
    ensureCan(viewer, { action: "community.view", community: loaded.access }, "hide");
    ensureCan(viewer, { action: "community.moderate", community: loaded.access });
    const [sameSlug] = await tx.select({ id: communities.id }).from(communities).where(eq(communities.slug, data.slug));
    if (sameSlug && sameSlug.id !== communityId) throw new Invalid({ slug: ["errors.slugTaken"] });
    await tx.update(communities).set(data).where(eq(communities.id, communityId));
    emit({ type: "community.changed", communityId });
    const changed = Object.keys(data).filter((key) => String(data[key as keyof typeof data]) !== String(loaded.community[key as keyof typeof data]));
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "community.update",
      targetKind: "community",
      targetId: communityId,
      communityId,
      details: { changed, ...(data.visibility !== loaded.community.visibility ? { visibility: { from: loaded.community.visibility, to: data.visibility } } : {}) },
    });
    return { slug: data.slug };
  });
}

/** Archiving keeps everything readable but frozen: no new posts, votes or members. Never a delete. */
export async function setCommunityArchived(
  guilde: Guilde,
  { viewer, communityId, archived }: { viewer: Viewer; communityId: string; archived: boolean },
): Promise<void> {
  await write(guilde, async (tx, emit) => {
    const loaded = await loadCommunity(tx, viewer, { id: communityId });
    if (!loaded) throw new NotFound();
    ensureCan(viewer, { action: "community.view", community: loaded.access }, "hide");
    ensureCan(viewer, { action: "community.moderate", community: loaded.access });
    await tx.update(communities).set({ archivedAt: archived ? new Date() : null }).where(eq(communities.id, communityId));
    emit({ type: "community.changed", communityId });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: archived ? "community.archive" : "community.unarchive",
      targetKind: "community",
      targetId: communityId,
      communityId,
    });
  });
}
