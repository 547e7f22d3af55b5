import { index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./people";
import { posts, replies } from "./posts";

/**
 * Thanks from one person to another ("kudos"): for an answer (`replyId`, with its question as
 * `postId`), for a tutorial (`postId` alone), or for the person (neither). `targetId` is what was
 * thanked (the answer, the tutorial or the receiver), so that each giver thanks each thing once.
 */
export const kudos = pgTable(
  "kudos",
  {
    id: text("id").primaryKey(),
    giverId: text("giver_id")
      .notNull()
      .references(() => users.id),
    receiverId: text("receiver_id")
      .notNull()
      .references(() => users.id),
    postId: text("post_id").references(() => posts.id),
    replyId: text("reply_id").references(() => replies.id),
    targetId: text("target_id").notNull(),
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("kudos_giver_target_idx").on(table.giverId, table.targetId),
    index("kudos_receiver_idx").on(table.receiverId, table.createdAt.desc().nullsFirst(), table.id.desc().nullsFirst()),
  ],
);

export type Kudos = typeof kudos.$inferSelect;
