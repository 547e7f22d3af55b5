import { sql } from "drizzle-orm";
import { index, jsonb, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./people";

export const notificationKind = pgEnum("notification_kind", [
  "question_in_community",
  "answer_on_followed",
  "comment_on_post",
  "answer_accepted",
  "mention",
  "monitor_application",
  "monitor_application_decided",
  "join_request",
  "join_request_decided",
  "question_closed",
  "content_hidden",
  "content_approved",
  "awaiting_approval",
  "content_flagged",
  "idea_status_changed",
  "idea_comment",
  "idea_merged",
  "idea_adopted",
  "event_reminder",
  "event_promoted",
  "event_cancelled",
  "kudos_received",
  "question_escalated",
]);

/**
 * In-app notifications. Written in the same transaction as what caused them; `summary` holds what the
 * list shows (a title, an excerpt) as it was when the recipient was allowed to see it.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    kind: notificationKind("kind").notNull(),
    actorId: text("actor_id").references(() => users.id),
    communityId: text("community_id"),
    postId: text("post_id"),
    replyId: text("reply_id"),
    /** A community event the notification is about (its reminder, a seat freed, its cancellation). */
    eventId: text("event_id"),
    summary: jsonb("summary").$type<{ title?: string; excerpt?: string; note?: string; decision?: string; reason?: string }>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (table) => [
    index("notifications_user_idx").on(table.userId, table.createdAt.desc().nullsFirst(), table.id.desc().nullsFirst()),
    // The bell's count, on every page: only the unread rows, not a person's whole history.
    index("notifications_unread_idx").on(table.userId).where(sql`read_at is null`),
  ],
);

/**
 * Every moderation and administration action. Rows are only ever inserted: a trigger refuses UPDATE
 * and DELETE (migration audit_log_append_only).
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: text("id").primaryKey(),
    actorId: text("actor_id").references(() => users.id),
    action: text("action").notNull(),
    targetKind: text("target_kind").notNull(),
    targetId: text("target_id").notNull(),
    communityId: text("community_id"),
    reason: text("reason"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("audit_log_community_idx").on(table.communityId, table.createdAt.desc().nullsFirst()),
    index("audit_log_created_idx").on(table.createdAt.desc().nullsFirst(), table.id.desc().nullsFirst()),
    index("audit_log_target_idx").on(table.targetId),
  ],
);

export type Notification = typeof notifications.$inferSelect;
export type NotificationKind = (typeof notificationKind.enumValues)[number];
