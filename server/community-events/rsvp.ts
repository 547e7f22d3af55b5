import { and, asc, eq, sql } from "drizzle-orm";
import type { Transaction } from "../../db/client";
import { communityEvents, eventRsvps, type RsvpStatus } from "../../db/schema";
import type { Guilde } from "../context";
import { write, type Emit } from "../events";
import { Conflict } from "../errors";
import { ensureCan, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { viewableEvent, type LoadedEvent } from "./access";
import { notifyAboutEvent } from "./notify-about-event";
import { rsvpSchema, type RsvpInput } from "./schemas";

/**
 * Someone answers an event: `going` takes a seat, or a place at the end of the waitlist when the event
 * is full; `not_going` gives up their seat (the first person waiting takes it and is told) or their
 * place in the queue. Answering what one already answered is refused (409) and changes nothing.
 *
 * Never overbooks under concurrency: every RSVP locks the event's row first, so RSVPs to one event
 * queue there for the length of their transaction and each decides on the count the last one left.
 */
export async function respondToEvent(
  guilde: Guilde,
  { viewer, eventId, input, now = new Date() }: { viewer: Viewer; eventId: string; input: Untrusted<RsvpInput>; now?: Date },
): Promise<{ status: RsvpStatus }> {
  const { response } = parseInput(rsvpSchema, input);
  return write(guilde, async (tx, emit) => {
    const loaded = await viewableEvent(tx, viewer, eventId, { now, lock: "update" });
    ensureCan(viewer, { action: "event.rsvp", event: loaded.access });
    const [mine] = await tx
      .select({ status: eventRsvps.status })
      .from(eventRsvps)
      .where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.userId, viewer.id)));
    const current = mine?.status ?? null;

    if (response === "going") {
      if (current === "going" || current === "waitlisted") throw new Conflict(`events.errors.already.${current}`);
      const status: RsvpStatus = loaded.event.goingCount < loaded.event.capacity ? "going" : "waitlisted";
      if (status === "going") await changeGoingCount(tx, eventId, +1);
      await setRsvp(tx, eventId, viewer.id, status, now);
      return { status };
    }

    if (current === "not_going") throw new Conflict("events.errors.already.not_going");
    await setRsvp(tx, eventId, viewer.id, "not_going", now);
    if (current === "going" && !(await promoteFirstWaiting(tx, loaded, { now, emit }))) await changeGoingCount(tx, eventId, -1);
    return { status: "not_going" };
  });
}

async function setRsvp(tx: Transaction, eventId: string, userId: string, status: RsvpStatus, now: Date): Promise<void> {
  await tx
    .insert(eventRsvps)
    .values({ eventId, userId, status, respondedAt: now })
    .onConflictDoUpdate({ target: [eventRsvps.eventId, eventRsvps.userId], set: { status, respondedAt: now } });
}

export async function changeGoingCount(tx: Transaction, eventId: string, by: number): Promise<void> {
  await tx
    .update(communityEvents)
    .set({ goingCount: sql`${communityEvents.goingCount} + ${by}` })
    .where(eq(communityEvents.id, eventId));
}

/**
 * A seat came free (someone gave theirs up, or the capacity grew): the person waiting longest takes it
 * and is told. Runs with the event's row locked. Answers whether someone was waiting.
 */
export async function promoteFirstWaiting(tx: Transaction, { event, community }: Pick<LoadedEvent, "event" | "community">, { now, emit }: { now: Date; emit: Emit }): Promise<boolean> {
  const [first] = await tx
    .select({ userId: eventRsvps.userId })
    .from(eventRsvps)
    .where(and(eq(eventRsvps.eventId, event.id), eq(eventRsvps.status, "waitlisted")))
    .orderBy(asc(eventRsvps.respondedAt), asc(eventRsvps.userId))
    .limit(1);
  if (!first) return false;
  await tx
    .update(eventRsvps)
    .set({ status: "going" })
    .where(and(eq(eventRsvps.eventId, event.id), eq(eventRsvps.userId, first.userId)));
  await notifyAboutEvent(tx, { recipientIds: [first.userId], event, community, now, emit, draft: { kind: "event_promoted", actorId: null } });
  return true;
}
