/** Administrators' webhooks on a community: add, switch on or off, remove, send a test, read the log. */
import { randomBytes } from "node:crypto";
import { desc, eq, getTableColumns, inArray, lte, sql } from "drizzle-orm";
import { newId } from "../../db/ids";
import { webhookDeliveries, webhooks, type Webhook, type WebhookDelivery } from "../../db/schema";
import { recordAudit } from "../audit/record";
import { loadCommunity } from "../communities/access";
import type { Guilde } from "../context";
import { Invalid, NotFound } from "../errors";
import { write } from "../events";
import { can, ensureCan, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { refusedWebhookUrl } from "./addresses";
import { deliverNow } from "./deliver";
import { absolute } from "./enqueue";
import { webhookSchema, type WebhookInput } from "./schemas";

/** How much of each webhook's delivery log its page shows. */
const logLength = 20;

async function managedCommunity(guilde: Guilde, viewer: Viewer, communityId: string) {
  const loaded = await loadCommunity(guilde.db, viewer, { id: communityId });
  // To anyone who may not manage it, the community's webhooks do not exist.
  if (!loaded || !can(viewer, { action: "community.view", community: loaded.access })) throw new NotFound();
  ensureCan(viewer, { action: "webhook.manage", community: loaded.access });
  return loaded.community;
}

async function managedWebhook(guilde: Guilde, viewer: Viewer, webhookId: string): Promise<Webhook> {
  const [webhook] = await guilde.db.select().from(webhooks).where(eq(webhooks.id, webhookId));
  if (!webhook) throw new NotFound();
  await managedCommunity(guilde, viewer, webhook.communityId);
  return webhook;
}

export async function listWebhooks(
  guilde: Guilde,
  { viewer, communityId }: { viewer: Viewer; communityId: string },
): Promise<Array<Webhook & { deliveries: Array<WebhookDelivery & { rank: number }> }>> {
  await managedCommunity(guilde, viewer, communityId);
  const rows = await guilde.db.select().from(webhooks).where(eq(webhooks.communityId, communityId)).orderBy(webhooks.createdAt);
  if (rows.length === 0) return [];
  // The latest deliveries of every webhook, in one query whatever their number.
  const ranked = guilde.db
    .select({
      ...getTableColumns(webhookDeliveries),
      rank: sql<number>`row_number() over (partition by ${webhookDeliveries.webhookId} order by ${webhookDeliveries.createdAt} desc)`.as("rank"),
    })
    .from(webhookDeliveries)
    .where(inArray(webhookDeliveries.webhookId, rows.map((row) => row.id)))
    .as("ranked");
  const deliveries = await guilde.db
    .select()
    .from(ranked)
    .where(lte(ranked.rank, logLength))
    .orderBy(desc(ranked.createdAt));
  return rows.map((row) => ({ ...row, deliveries: deliveries.filter((delivery) => delivery.webhookId === row.id) }));
}

export async function createWebhook(
  guilde: Guilde,
  { viewer, communityId, input }: { viewer: Viewer; communityId: string; input: Untrusted<WebhookInput> },
): Promise<Webhook> {
  const data = parseInput(webhookSchema, input);
  const community = await managedCommunity(guilde, viewer, communityId);
  const refused = await refusedWebhookUrl(data.url, guilde.config.webhooks);
  if (refused) throw new Invalid({ url: [refused] });
  return write(guilde, async (tx) => {
    const [webhook] = await tx
      .insert(webhooks)
      .values({ id: newId(), communityId: community.id, url: data.url, secret: randomBytes(32).toString("hex"), events: data.events, createdById: viewer!.id })
      .returning();
    await recordAudit(tx, { actorId: viewer!.id, action: "webhook.created", targetKind: "community", targetId: community.id, communityId: community.id, details: { url: data.url, events: data.events } });
    return webhook;
  });
}

export async function setWebhookActive(guilde: Guilde, { viewer, webhookId, active }: { viewer: Viewer; webhookId: string; active: boolean }): Promise<void> {
  const webhook = await managedWebhook(guilde, viewer, webhookId);
  await write(guilde, async (tx) => {
    await tx.update(webhooks).set({ active }).where(eq(webhooks.id, webhook.id));
    await recordAudit(tx, { actorId: viewer!.id, action: active ? "webhook.enabled" : "webhook.disabled", targetKind: "community", targetId: webhook.communityId, communityId: webhook.communityId, details: { url: webhook.url } });
  });
}

/** Removes a webhook and its delivery log; what was still pending is never sent. */
export async function deleteWebhook(guilde: Guilde, { viewer, webhookId }: { viewer: Viewer; webhookId: string }): Promise<void> {
  const webhook = await managedWebhook(guilde, viewer, webhookId);
  await write(guilde, async (tx) => {
    await tx.delete(webhooks).where(eq(webhooks.id, webhook.id));
    await recordAudit(tx, { actorId: viewer!.id, action: "webhook.deleted", targetKind: "community", targetId: webhook.communityId, communityId: webhook.communityId, details: { url: webhook.url } });
  });
}

/**
 * Sends a `ping` at once and answers how it went. It is an ordinary delivery, in the log like the
 * others: when the receiver fails, the worker tries it again.
 */
export async function sendTestWebhook(guilde: Guilde, { viewer, webhookId, now = new Date() }: { viewer: Viewer; webhookId: string; now?: Date }): Promise<WebhookDelivery | null> {
  const webhook = await managedWebhook(guilde, viewer, webhookId);
  const community = await managedCommunity(guilde, viewer, webhook.communityId);
  const [delivery] = await guilde.db
    .insert(webhookDeliveries)
    .values({
      id: newId(),
      webhookId: webhook.id,
      event: "ping",
      nextAttemptAt: now,
      payload: {
        event: "ping",
        occurredAt: now.toISOString(),
        community: { id: community.id, slug: community.slug, name: community.name, url: absolute(guilde.config.publicUrl, `/c/${community.slug}`) },
      },
    })
    .returning();
  return deliverNow(guilde, delivery.id, now);
}
