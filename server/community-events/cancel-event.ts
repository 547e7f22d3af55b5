import { and, eq, inArray } from "drizzle-orm";
import { communityEvents, eventRsvps } from "../../db/schema";
import type { Guilde } from "../context";
import { write } from "../events";
import { ensureCan, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { viewableEvent } from "./access";
import { notifyAboutEvent } from "./notify-about-event";
import { cancelSchema, type CancelInput } from "./schemas";

/**
 * Cancels an event that has not started. It stays on its page, marked cancelled, with the RSVPs it had;
 * the people going or waiting are told, with the note.
 */
export async function cancelEvent(
  guilde: Guilde,
  { viewer, eventId, input, now = new Date() }: { viewer: Viewer; eventId: string; input: Untrusted<CancelInput>; now?: Date },
): Promise<void> {
  const { note } = parseInput(cancelSchema, input);
  await write(guilde, async (tx, emit) => {
    const loaded = await viewableEvent(tx, viewer, eventId, { now, lock: "update" });
    ensureCan(viewer, { action: "event.cancel", event: loaded.access });
    await tx.update(communityEvents).set({ cancelledAt: now }).where(eq(communityEvents.id, eventId));
    const expected = await tx
      .select({ userId: eventRsvps.userId })
      .from(eventRsvps)
      .where(and(eq(eventRsvps.eventId, eventId), inArray(eventRsvps.status, ["going", "waitlisted"])));
    await notifyAboutEvent(tx, {
      recipientIds: expected.map((row) => row.userId),
      event: loaded.event,
      community: loaded.community,
      now,
      emit,
      draft: { kind: "event_cancelled", actorId: viewer.id, summary: note ? { note } : {} },
    });
  });
}
