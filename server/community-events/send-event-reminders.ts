import { and, asc, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import { communities, communityEvents, eventRsvps } from "../../db/schema";
import type { Guilde } from "../context";
import { write } from "../events";
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

export interface EventReminderWorker {
  /** Sends what is due now (the worker's own turns call it too); answers how many events were reminded. */
  tick(): Promise<number>;
  /** Lets the turn in hand finish and stops. */
  stop(): Promise<void>;
}

/** Runs `sendEventReminders` every `everyMs` (a minute) on the given clock, started with the server. */
export function startEventReminderWorker(
  guilde: Guilde,
  { everyMs = 60_000, clock = () => new Date() }: { everyMs?: number; clock?: () => Date } = {},
): EventReminderWorker {
  let running: Promise<number> = Promise.resolve(0);
  let failing = false;
  const tick = () => {
    running = running.then(() =>
      sendEventReminders(guilde, { now: clock() })
        .then((count) => {
          failing = false;
          return count;
        })
        .catch((error: unknown) => {
          // Logged once per outage; the next turn tries again.
          if (!failing) guilde.log.error("Sending event reminders failed; retrying at the next turn.", error);
          failing = true;
          return 0;
        }),
    );
    return running;
  };
  // A turn at start, for what fell due while no server ran.
  void tick();
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
