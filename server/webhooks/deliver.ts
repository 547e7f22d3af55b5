/**
 * Posts pending webhook deliveries. Each is leased in a short transaction (rows another worker holds
 * are skipped), posted outside it, then recorded: delivered on a 2xx answer, otherwise tried again
 * after 30 s, 1 min, 2 min… up to six hours, and given up after `maxAttempts`. However many workers
 * run, a delivery is posted by one at a time.
 */
import { and, asc, eq, inArray, isNull, lt, lte, ne, or } from "drizzle-orm";
import type { Guilde } from "../context";
import { webhookDeliveries, webhooks, type Webhook, type WebhookDelivery } from "../../db/schema";
import { startPeriodicWorker, type PeriodicWorker } from "../workers/periodic";
import { fetch } from "undici";
import { publicOnlyAgent, refusedWebhookUrl } from "./addresses";
import { webhookSignature } from "./signature";

export const maxAttempts = 8;
/** Finished deliveries stay in the log this long: enough to look into a receiver's outage, and bounded. */
export const deliveryLogDays = 30;
const pruneEveryMs = 60 * 60 * 1000;
const leaseMs = 60_000;
const timeoutMs = 10_000;
const batchSize = 20;
const publicOnly = publicOnlyAgent();

export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** (attempts - 1), 6 * 60 * 60 * 1000);
}

type Leased = { delivery: WebhookDelivery; webhook: Webhook };

async function lease(guilde: Guilde, now: Date, only?: string): Promise<Leased[]> {
  return guilde.db.transaction(async (tx) => {
    const due = await tx
      .select({ delivery: webhookDeliveries, webhook: webhooks })
      .from(webhookDeliveries)
      .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
      .where(
        and(
          eq(webhookDeliveries.status, "pending"),
          only ? eq(webhookDeliveries.id, only) : lte(webhookDeliveries.nextAttemptAt, now),
          or(isNull(webhookDeliveries.leasedUntil), lt(webhookDeliveries.leasedUntil, now)),
        ),
      )
      .orderBy(asc(webhookDeliveries.nextAttemptAt))
      .limit(batchSize)
      .for("update", { of: webhookDeliveries, skipLocked: true });
    if (due.length > 0) {
      await tx
        .update(webhookDeliveries)
        .set({ leasedUntil: new Date(now.getTime() + leaseMs) })
        .where(inArray(webhookDeliveries.id, due.map((row) => row.delivery.id)));
    }
    return due;
  });
}

/** One attempt: what the receiver answered, or why nothing was posted. */
async function post(guilde: Guilde, { delivery, webhook }: Leased, now: Date): Promise<{ ok: boolean; statusCode: number | null; response: string }> {
  if (!webhook.active) return { ok: false, statusCode: null, response: "webhook disabled" };
  const refused = await refusedWebhookUrl(webhook.url, guilde.config.webhooks);
  if (refused) return { ok: false, statusCode: null, response: `not sent: ${refused}` };
  const body = JSON.stringify({ id: delivery.id, ...(delivery.payload as object) });
  const timestamp = Math.floor(now.getTime() / 1000);
  try {
    const response = await fetch(webhook.url, {
      method: "POST",
      // A redirect could lead anywhere, a private address included: it counts as a failure.
      redirect: "manual",
      dispatcher: guilde.config.webhooks.allowPrivateNetworks ? undefined : publicOnly,
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        "content-type": "application/json",
        "user-agent": "Guilde-Webhooks/1",
        "x-guilde-event": delivery.event,
        "x-guilde-delivery": delivery.id,
        "x-guilde-timestamp": String(timestamp),
        "x-guilde-signature": webhookSignature(webhook.secret, timestamp, body),
      },
      body,
    });
    const text = (await response.text().catch(() => "")).slice(0, 500);
    return { ok: response.status >= 200 && response.status < 300, statusCode: response.status, response: text };
  } catch (error) {
    return { ok: false, statusCode: null, response: (error instanceof Error ? error.message : String(error)).slice(0, 500) };
  }
}

async function attempt(guilde: Guilde, leased: Leased, now: Date): Promise<WebhookDelivery> {
  const outcome = await post(guilde, leased, now);
  const attempts = leased.delivery.attempts + 1;
  const [recorded] = await guilde.db
    .update(webhookDeliveries)
    .set({
      attempts,
      leasedUntil: null,
      lastAttemptAt: now,
      lastStatusCode: outcome.statusCode,
      lastResponse: outcome.response,
      ...(outcome.ok
        ? { status: "delivered" as const, deliveredAt: now }
        : attempts >= maxAttempts
          ? { status: "failed" as const }
          : { nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) }),
    })
    .where(eq(webhookDeliveries.id, leased.delivery.id))
    .returning();
  return recorded;
}

/** Posts every delivery due at `now`; answers how many were attempted. */
export async function deliverDueWebhooks(guilde: Guilde, { now = new Date() }: { now?: Date } = {}): Promise<number> {
  let attempted = 0;
  for (;;) {
    const due = await lease(guilde, now);
    for (const leased of due) await attempt(guilde, leased, now);
    attempted += due.length;
    if (due.length < batchSize) return attempted;
  }
}

/** Posts one pending delivery now, due or not (the "send test" button); null if another worker holds it. */
export async function deliverNow(guilde: Guilde, deliveryId: string, now = new Date()): Promise<WebhookDelivery | null> {
  const [leased] = await lease(guilde, now, deliveryId);
  return leased ? attempt(guilde, leased, now) : null;
}

/** Deletes the delivered and given-up deliveries older than `deliveryLogDays`; answers how many. */
export async function pruneDeliveryLog(guilde: Guilde, { now = new Date() }: { now?: Date } = {}): Promise<number> {
  const cutoff = new Date(now.getTime() - deliveryLogDays * 24 * 60 * 60 * 1000);
  const pruned = await guilde.db
    .delete(webhookDeliveries)
    .where(and(ne(webhookDeliveries.status, "pending"), lt(webhookDeliveries.createdAt, cutoff)))
    .returning({ id: webhookDeliveries.id });
  return pruned.length;
}

/** Delivers what is due every few seconds, started with the server, and prunes the log once an hour. */
export function startWebhookWorker(guilde: Guilde, { everyMs = 5_000, clock }: { everyMs?: number; clock?: () => Date } = {}): PeriodicWorker {
  let nextPruneAt = 0;
  return startPeriodicWorker(guilde, {
    name: "Delivering webhooks",
    everyMs,
    clock,
    idle: 0,
    turn: async (now) => {
      const attempted = await deliverDueWebhooks(guilde, { now });
      if (now.getTime() >= nextPruneAt) {
        await pruneDeliveryLog(guilde, { now });
        nextPruneAt = now.getTime() + pruneEveryMs;
      }
      return attempted;
    },
  });
}
