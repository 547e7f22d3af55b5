import { index, integer, pgEnum, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { users } from "./people";

/**
 * sending: claimed, handed to the mailer, outcome unknown (a crash leaves it so, and it is never sent again);
 * sent: the mailer accepted it; empty: nothing to tell, nothing sent; failed: the mailer refused it, retried.
 */
export const digestStatus = pgEnum("digest_status", ["sending", "sent", "empty", "failed"]);

/** One row per person and period ("2026-W49", "2026-12-03"): the claim that makes sending a digest idempotent. */
export const digests = pgTable(
  "digests",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    periodKey: text("period_key").notNull(),
    status: digestStatus("status").notNull().default("sending"),
    /** The start of the window the digest covered (its end is `claimedAt`). */
    since: timestamp("since", { withTimezone: true }).notNull(),
    claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    itemCount: integer("item_count").notNull().default(0),
    attempts: integer("attempts").notNull().default(1),
    lastError: text("last_error"),
  },
  (table) => [unique("digests_user_period_unique").on(table.userId, table.periodKey), index("digests_user_sent_idx").on(table.userId, table.sentAt)],
);

export type Digest = typeof digests.$inferSelect;
