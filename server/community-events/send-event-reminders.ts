import { and, asc, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import { communities, communityEvents, eventRsvps } from "../../db/schema";
import type { Guilde } from "../context";
import { write } from "../events";
import { startPeriodicWorker, type PeriodicWorker } from "../workers/periodic";
import { notifyAboutEvent } from "./notify-about-event";

/** People going are reminded about this long before their event starts. */
export const reminderLeadMs = 24 * 60 * 60 * 1000;
const batchSize = 50;

/**
 * Reminds the people going to every event that starts within the next 24 hours and was not reminded
 * yet. Each event is claimed by setting `reminded_at` in the transaction that writes its notifications,
 * skipping rows another process holds: however many workers run and however often, an event's reminder
 * goes out once. Answers how many events were reminded.
 */
export async function sendEventReminders(guilde: Guilde, { now = new Date() }: { now?: Date } = {}): Promise<number> {
  let reminded = 0;
  for (;;) {
    const claimed = await write(guilde, async (tx, emit) => {
      const due = await tx
        .select({ event: communityEvents, community: communities })
        .from(communityEvents)
        .innerJoin(communities, eq(communities.id, communityEvents.communityId))
        .where(
          and(
            isNull(communityEvents.remindedAt),
            isNull(communityEvents.cancelledAt),
            gt(communityEvents.startsAt, now),
            lte(communityEvents.startsAt, new Date(now.getTime() + reminderLeadMs)),
          ),
        )
        .orderBy(asc(communityEvents.startsAt))
        .limit(batchSize)
        .for("update", { of: communityEvents, skipLocked: true });
      if (due.length === 0) return 0;
      await tx
        .update(communityEvents)
        .set({ remindedAt: now })
        .where(
          inArray(
            communityEvents.id,
            due.map((row) => row.event.id),
          ),
        );
      const going = await tx
        .select({ eventId: eventRsvps.eventId, userId: eventRsvps.userId })
        .from(eventRsvps)
        .where(and(inArray(eventRsvps.eventId, due.map((row) => row.event.id)), eq(eventRsvps.status, "going")));
      for (const { event, community } of due) {
        await notifyAboutEvent(tx, {
          recipientIds: going.filter((row) => row.eventId === event.id).map((row) => row.userId),
          event,
          community,
          now,
          emit,
          draft: { kind: "event_reminder", actorId: null },
        });
      }
      return due.length;
    });
    reminded += claimed;
    if (claimed < batchSize) return reminded;
  }
}

/** Runs `sendEventReminders` every `everyMs` (a minute) on the given clock, started with the server. */
export function startEventReminderWorker(
  guilde: Guilde,
  { everyMs = 60_000, clock }: { everyMs?: number; clock?: () => Date } = {},
): PeriodicWorker {
  return startPeriodicWorker(guilde, { name: "Sending event reminders", everyMs, clock, idle: 0, turn: (now) => sendEventReminders(guilde, { now }) });
}
