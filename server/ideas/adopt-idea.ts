import { and, eq } from "drizzle-orm";
import { ideaAdoptions, sites } from "../../db/schema";
import type { Guilde } from "../context";
import { write } from "../events";
import { Conflict } from "../errors";
import { ensureCan, type Viewer } from "../policy";
import { viewableIdea } from "./access";
import { tellFollowers } from "./tell-followers";

/**
 * An employee marks that their site adopted an implemented idea (or takes the mark back). One mark per
 * site, whoever gives it; the idea's author and followers hear of a new one.
 */
export async function adoptIdea(
  guilde: Guilde,
  { viewer, ideaId, adopted }: { viewer: Viewer; ideaId: string; adopted: boolean },
): Promise<void> {
  await write(guilde, async (tx, emit) => {
    const loaded = await viewableIdea(tx, viewer, ideaId);
    if (loaded.idea.status !== "implemented") throw new Conflict("ideas.errors.notImplemented");
    ensureCan(viewer, { action: "idea.adopt", idea: loaded.access });
    // The policy lets only someone with a site adopt.
    const siteId = viewer.siteId!;
    if (!adopted) {
      const removed = await tx
        .delete(ideaAdoptions)
        .where(and(eq(ideaAdoptions.ideaId, ideaId), eq(ideaAdoptions.siteId, siteId)))
        .returning({ siteId: ideaAdoptions.siteId });
      if (removed.length === 0) throw new Conflict("ideas.errors.notAdopted");
    } else {
      const added = await tx
        .insert(ideaAdoptions)
        .values({ ideaId, siteId, adoptedById: viewer.id })
        .onConflictDoNothing()
        .returning({ siteId: ideaAdoptions.siteId });
      if (added.length === 0) throw new Conflict("ideas.errors.alreadyAdopted");
      const [site] = await tx.select({ name: sites.name }).from(sites).where(eq(sites.id, siteId));
      await tellFollowers(tx, {
        emit,
        post: loaded.post,
        community: loaded.community,
        draft: { kind: "idea_adopted", actorId: viewer.id, summary: { title: loaded.post.title, excerpt: site?.name ?? "" } },
      });
    }
    emit({ type: "idea.changed", communityId: loaded.community.id, ideaId, change: "adopted" });
  });
}
