import { eq } from "drizzle-orm";
import { communityEvents } from "../../db/schema";
import { renderMarkdown } from "../content/markdown";
import type { Guilde } from "../context";
import { write } from "../events";
import { Invalid } from "../errors";
import { ensureCan, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { viewableEvent } from "./access";
import { ensureSiteExists } from "./announce-event";
import { promoteFirstWaiting } from "./rsvp";
import { eventSchema, type EventInput } from "./schemas";

/**
 * Its moderators (or the monitor who announced it) change an event that has not started. The capacity
 * may not drop below the people already going (nobody loses their seat); when it grows, the people
 * waiting longest take the new seats and are told.
 */
export async function editEvent(
  guilde: Guilde,
  { viewer, eventId, input, now = new Date() }: { viewer: Viewer; eventId: string; input: Untrusted<EventInput>; now?: Date },
): Promise<void> {
  const details = parseInput(eventSchema(now), input);
  const descriptionHtml = renderMarkdown(details.description);
  await write(guilde, async (tx, emit) => {
    const loaded = await viewableEvent(tx, viewer, eventId, { now, lock: "update" });
    ensureCan(viewer, { action: "event.edit", event: loaded.access });
    await ensureSiteExists(tx, details);
    let goingCount = loaded.event.goingCount;
    if (details.capacity < goingCount) throw new Invalid({ capacity: ["events.errors.capacityBelowGoing"] });
    while (goingCount < details.capacity && (await promoteFirstWaiting(tx, loaded, { now, emit }))) goingCount++;
    await tx
      .update(communityEvents)
      .set({ ...details, descriptionHtml, goingCount, editedAt: now })
      .where(eq(communityEvents.id, eventId));
  });
}
