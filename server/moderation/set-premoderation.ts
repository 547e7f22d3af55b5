import { eq } from "drizzle-orm";
import { communities } from "../../db/schema";
import { recordAudit } from "../audit/record";
import { loadCommunity } from "../communities/access";
import type { Guilde } from "../context";
import { write } from "../events";
import { NotFound } from "../errors";
import { can, ensureCan, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { premoderationSchema, type PremoderationInput } from "./schemas";

/** A moderator chooses whose new posts wait for approval in their community. */
export async function setPremoderation(
  guilde: Guilde,
  { viewer, communityId, input }: { viewer: Viewer; communityId: string; input: Untrusted<PremoderationInput> },
): Promise<void> {
  const data = parseInput(premoderationSchema, input);
  await write(guilde, async (tx, emit) => {
    const loaded = await loadCommunity(tx, viewer, { id: communityId });
    if (!loaded || !can(viewer, { action: "community.view", community: loaded.access })) throw new NotFound();
    ensureCan(viewer, { action: "community.moderate", community: loaded.access });
    if (loaded.community.premoderation === data.premoderation) return;
    await tx.update(communities).set({ premoderation: data.premoderation }).where(eq(communities.id, communityId));
    emit({ type: "community.changed", communityId });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "community.premoderation",
      targetKind: "community",
      targetId: communityId,
      communityId,
      details: { from: loaded.community.premoderation, to: data.premoderation },
    });
  });
}
