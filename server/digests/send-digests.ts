import { and, asc, eq, gt, inArray, isNull, lt, max, notExists, or, sql } from "drizzle-orm";
import { digests, users, type User } from "../../db/schema";
import { newId } from "../../db/ids";
import type { Guilde } from "../context";
import { sendMail, type MailMessage } from "../mail/send-mail";
import { buildDigest, digestItemCount } from "./build-digest";
import { digestEmail } from "./digest-email";
import { isDue, periodKey, periodLengthMs, type DigestCadence } from "./period";
import { unsubscribeLink } from "./unsubscribe";
import { startPeriodicWorker, type PeriodicWorker } from "../workers/periodic";

const batchSize = 200;
/** A digest the mailer refused is tried again at later turns, this many times in all. */
export const maxDigestAttempts = 3;
/** However long someone went without a digest, one covers at most this many periods. */
const longestWindowPeriods = 4;

export type DeliverMail = (message: MailMessage) => Promise<unknown>;

export interface DigestRunResult {
  sent: number;
  empty: number;
  failed: number;
}

/**
 * Sends this period's digest to everyone on this cadence who has not had it, at most once each.
 * A person is claimed by inserting their (person, period) row, unique, in status 'sending' and
 * committed before the mail goes: however many workers run, one wins each claim. The row becomes
 * 'sent' once the mailer accepted the message. A crash in between leaves it 'sending' for good: not
 * knowing whether the mail went, Guilde does not send it again (docs/decisions/020-digests.md); the
 * next digest starts where the last sent one ended, so what it held is not lost.
 */
export async function sendDigests(
  guilde: Guilde,
  { cadence, now = new Date(), deliver = (message) => sendMail(guilde.config.mail, message) }: { cadence: DigestCadence; now?: Date; deliver?: DeliverMail },
): Promise<DigestRunResult> {
  const period = periodKey(cadence, now);
  const result: DigestRunResult = { sent: 0, empty: 0, failed: 0 };
  let after = "";
  for (;;) {
    const readers = await guilde.db
      .select({ id: users.id, role: users.role, siteId: users.siteId, email: users.email, displayName: users.displayName, locale: users.locale })
      .from(users)
      .where(
        and(
          gt(users.id, after),
          eq(users.digestFrequency, cadence),
          isNull(users.deactivatedAt),
          isNull(users.importedFrom),
          or(isNull(users.suspendedAt), lt(users.suspendedUntil, now)),
          notExists(
            guilde.db
              .select({ one: sql`1` })
              .from(digests)
              .where(
                and(
                  eq(digests.userId, users.id),
                  eq(digests.periodKey, period),
                  or(inArray(digests.status, ["sending", "sent", "empty"]), sql`${digests.attempts} >= ${maxDigestAttempts}`),
                ),
              ),
          ),
        ),
      )
      .orderBy(asc(users.id))
      .limit(batchSize);
    for (const reader of readers) {
      const outcome = await sendDigestTo(guilde, { reader, cadence, period, now, deliver });
      if (outcome) result[outcome]++;
    }
    if (readers.length < batchSize) return result;
    after = readers[readers.length - 1].id;
  }
}

type Reader = Pick<User, "id" | "role" | "siteId" | "email" | "displayName" | "locale">;

async function sendDigestTo(
  guilde: Guilde,
  { reader, cadence, period, now, deliver }: { reader: Reader; cadence: DigestCadence; period: string; now: Date; deliver: DeliverMail },
): Promise<keyof DigestRunResult | null> {
  const [last] = await guilde.db
    .select({ until: max(digests.claimedAt) })
    .from(digests)
    .where(and(eq(digests.userId, reader.id), inArray(digests.status, ["sent", "empty"])));
  const earliest = new Date(now.getTime() - (last?.until ? longestWindowPeriods : 1) * periodLengthMs[cadence]);
  const since = last?.until && last.until > earliest ? last.until : earliest;
  const claimed = await claim(guilde, { userId: reader.id, period, since, now });
  if (!claimed) return null;

  const digest = await buildDigest(guilde.db, { viewer: reader, since, until: now });
  const itemCount = digestItemCount(digest);
  if (itemCount === 0) {
    await guilde.db.update(digests).set({ status: "empty" }).where(eq(digests.id, claimed));
    return "empty";
  }
  const message = digestEmail({
    to: reader.email,
    name: reader.displayName,
    locale: reader.locale ?? "en",
    cadence,
    digest,
    publicUrl: guilde.config.publicUrl,
    unsubscribeLink: unsubscribeLink(guilde.config, reader.id),
  });
  try {
    await deliver(message);
  } catch (error) {
    // The mailer said no (server down, address refused): it did not go, so a later turn may try again.
    await guilde.db
      .update(digests)
      .set({ status: "failed", lastError: error instanceof Error ? error.message : String(error) })
      .where(eq(digests.id, claimed));
    guilde.log.error(`A digest could not be sent to ${reader.id}; it is retried at a later turn.`, error);
    return "failed";
  }
  await guilde.db.update(digests).set({ status: "sent", sentAt: new Date(), itemCount }).where(eq(digests.id, claimed));
  return "sent";
}

/** Claims (person, period): a new row, or a refused one's next attempt. Answers the row's id, or null when another worker has it. */
async function claim(guilde: Guilde, { userId, period, since, now }: { userId: string; period: string; since: Date; now: Date }): Promise<string | null> {
  const [created] = await guilde.db
    .insert(digests)
    .values({ id: newId(), userId, periodKey: period, since, claimedAt: now })
    .onConflictDoNothing()
    .returning({ id: digests.id });
  if (created) return created.id;
  const [retried] = await guilde.db
    .update(digests)
    .set({ status: "sending", claimedAt: now, attempts: sql`${digests.attempts} + 1` })
    .where(and(eq(digests.userId, userId), eq(digests.periodKey, period), eq(digests.status, "failed"), lt(digests.attempts, maxDigestAttempts)))
    .returning({ id: digests.id });
  return retried?.id ?? null;
}

/** Sends the daily and weekly digests once they are due (DIGEST_WEEKDAY, DIGEST_HOUR), checking every `everyMs`. */
export function startDigestWorker(
  guilde: Guilde,
  { everyMs = 5 * 60_000, clock, deliver }: { everyMs?: number; clock?: () => Date; deliver?: DeliverMail } = {},
): PeriodicWorker<DigestRunResult> {
  const idle: DigestRunResult = { sent: 0, empty: 0, failed: 0 };
  const turn = async (now: Date) => {
    const total = { ...idle };
    for (const cadence of ["daily", "weekly"] as const) {
      if (!isDue(cadence, now, guilde.config.digests)) continue;
      const result = await sendDigests(guilde, { cadence, now, deliver });
      total.sent += result.sent;
      total.empty += result.empty;
      total.failed += result.failed;
    }
    return total;
  };
  return startPeriodicWorker(guilde, { name: "Sending digests", everyMs, clock, idle, turn });
}
