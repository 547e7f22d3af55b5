import { loadCommunity } from "../communities/access";
import type { Guilde } from "../context";
import { NotFound } from "../errors";
import { can, ensureCan, type Viewer } from "../policy";

/** The community the write form is for: not found when the viewer may not read it, forbidden when they may not write there. */
export async function findCommunityToWriteIn(guilde: Guilde, { viewer, slug }: { viewer: Viewer; slug: string }) {
  const loaded = await loadCommunity(guilde.db, viewer, { slug });
  if (!loaded || !can(viewer, { action: "community.read", community: loaded.access })) throw new NotFound();
  ensureCan(viewer, { action: "tutorial.write", community: loaded.access });
  return { id: loaded.community.id, slug: loaded.community.slug, name: loaded.community.name };
}
