import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { communities } from "./communities";
import { users } from "./people";

/** What a community's webhook may be told of; `ping` is the "send test" delivery. */
export const webhookEvent = pgEnum("webhook_event", ["question.asked", "answer.accepted", "idea.status_changed", "tutorial.published", "ping"]);
export const webhookDeliveryStatus = pgEnum("webhook_delivery_status", ["pending", "delivered", "failed"]);

/** An address an administrator asked to be told of a community's events, signed with its own secret. */
export const webhooks = pgTable(
  "webhooks",
  {
    id: text("id").primaryKey(),
    communityId: text("community_id")
      .notNull()
      .references(() => communities.id),
    url: text("url").notNull(),
    /** The HMAC-SHA256 key deliveries are signed with: shown to the administrator, sent never. */
    secret: text("secret").notNull(),
    events: webhookEvent("events").array().notNull(),
    active: boolean("active").notNull().default(true),
    createdById: text("created_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("webhooks_community_idx").on(table.communityId)],
);

/**
 * The webhooks' outbox and delivery log: a row is written in the transaction of the change it tells
 * of, then posted by the delivery worker, with retries, until it is delivered or given up.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    webhookId: text("webhook_id")
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
    event: webhookEvent("event").notNull(),
    payload: jsonb("payload").notNull(),
    status: webhookDeliveryStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** A worker holds the row until then; after it, another worker may take it (the first one died). */
    leasedUntil: timestamp("leased_until", { withTimezone: true }),
    lastStatusCode: integer("last_status_code"),
    /** The start of the last response's body, or the network error. */
    lastResponse: text("last_response"),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("webhook_deliveries_due_idx").on(table.nextAttemptAt).where(sql`status = 'pending'`),
    index("webhook_deliveries_log_idx").on(table.webhookId, table.createdAt.desc().nullsFirst()),
  ],
);

export type Webhook = typeof webhooks.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
export type WebhookEvent = (typeof webhookEvent.enumValues)[number];
