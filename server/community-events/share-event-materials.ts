import { eq } from "drizzle-orm";
import { communityEvents } from "../../db/schema";
import type { Guilde } from "../context";
import { write } from "../events";
import { Invalid } from "../errors";
import { can, ensureCan, type Viewer } from "../policy";
import { loadTutorial } from "../tutorials/access";
import { tutorialIdFrom } from "../tutorials/cite-tutorial";
import { parseInput, type Untrusted } from "../validation";
import { viewableEvent } from "./access";
import { materialsSchema, type MaterialsInput } from "./schemas";

/**
 * What an event leaves behind, kept on its page once it is over: a link to its slides and a tutorial
 * written after it. The tutorial must be a published one of the event's own community, so that whoever
 * may read the event may read it too.
 */
export async function shareEventMaterials(
  guilde: Guilde,
  { viewer, eventId, input, now = new Date() }: { viewer: Viewer; eventId: string; input: Untrusted<MaterialsInput>; now?: Date },
): Promise<void> {
  const materials = parseInput(materialsSchema, input);
  await write(guilde, async (tx) => {
    const loaded = await viewableEvent(tx, viewer, eventId, { now });
    ensureCan(viewer, { action: "event.shareMaterials", event: loaded.access });
    let tutorialId: string | null = null;
    if (materials.tutorial) {
      const tutorial = await loadTutorial(tx, viewer, tutorialIdFrom(materials.tutorial));
      if (!tutorial || tutorial.community.id !== loaded.community.id || !can(viewer, { action: "tutorial.cite", tutorial: tutorial.access })) {
        throw new Invalid({ tutorial: ["events.errors.tutorialNotInCommunity"] });
      }
      tutorialId = tutorial.post.id;
    }
    await tx.update(communityEvents).set({ slidesUrl: materials.slidesUrl, tutorialId }).where(eq(communityEvents.id, eventId));
  });
}
