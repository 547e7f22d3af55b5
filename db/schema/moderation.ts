import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { communities } from "./communities";
import { users } from "./people";
import { posts, replies } from "./posts";

export const flagReason = pgEnum("flag_reason", ["spam", "off_topic", "abusive", "confidential", "other"]);
export const flagStatus = pgEnum("flag_status", ["open", "resolved", "dismissed"]);

/**
 * Someone's report that a question, answer or comment needs a moderator. One open flag per person and
 * item; a moderator resolves it (acted on it) or dismisses it.
 */
export const flags = pgTable(
  "flags",
  {
    id: text("id").primaryKey(),
    communityId: text("community_id")
      .notNull()
      .references(() => communities.id),
    /** The question flagged, or the question of the answer or comment flagged. */
    postId: text("post_id")
      .notNull()
      .references(() => posts.id),
    replyId: text("reply_id").references(() => replies.id),
    /** `replyId` when a reply is flagged, `postId` otherwise: what the one-open-flag rule is about. */
    targetId: text("target_id").notNull(),
    reporterId: text("reporter_id")
      .notNull()
      .references(() => users.id),
    reason: flagReason("reason").notNull(),
    note: text("note").notNull().default(""),
    status: flagStatus("status").notNull().default("open"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    decidedById: text("decided_by_id").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
  },
  (table) => [
    uniqueIndex("flags_one_open_per_reporter_idx").on(table.reporterId, table.targetId).where(sql`status = 'open'`),
    index("flags_community_status_idx").on(table.communityId, table.status, table.createdAt.desc().nullsFirst()),
    index("flags_target_idx").on(table.targetId, table.status),
  ],
);

/**
 * An invitation for a customer to join an open community. Only a hash of its token is kept: the link
 * in the e-mail is the one place the token exists.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: text("id").primaryKey(),
    communityId: text("community_id")
      .notNull()
      .references(() => communities.id),
    email: text("email").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    invitedById: text("invited_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedById: text("accepted_by_id").references(() => users.id),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedById: text("revoked_by_id").references(() => users.id),
  },
  (table) => [index("invitations_community_idx").on(table.communityId, table.createdAt.desc().nullsFirst(), table.id.desc().nullsFirst()), index("invitations_email_idx").on(table.email)],
);

export type Flag = typeof flags.$inferSelect;
export type FlagReason = (typeof flagReason.enumValues)[number];
export type Invitation = typeof invitations.$inferSelect;
