import { sql } from "drizzle-orm";
import { boolean, index, integer, pgEnum, pgTable, primaryKey, smallint, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./people";
import { posts } from "./posts";

/**
 * Whom a wave of a question's routing went to: the monitors whose expertise matches its tags (or every
 * monitor when none does), then the community's other monitors, then its moderators.
 */
export const routingAudience = pgEnum("routing_audience", ["matching_monitors", "all_monitors", "other_monitors", "moderators"]);
/** sent: someone was told; nobody: the wave had no one to tell; stopped: the question no longer needed it. */
export const routingOutcome = pgEnum("routing_outcome", ["sent", "nobody", "stopped"]);

/**
 * A question's routing, one row per wave: the job table the escalation worker polls (a wave not done
 * yet is due at `due_at`) and, once done, the record the question page shows. Wave 1 is written done in
 * the transaction that publishes the question, with wave 2 due after the escalation delay; each wave
 * that runs writes the next. A wave is claimed with its row locked, so it runs once however many
 * workers poll (docs/decisions/017-question-routing.md).
 */
export const questionRoutingSteps = pgTable(
  "question_routing_steps",
  {
    questionId: text("question_id")
      .notNull()
      .references(() => posts.id),
    wave: smallint("wave").notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    doneAt: timestamp("done_at", { withTimezone: true }),
    audience: routingAudience("audience"),
    outcome: routingOutcome("outcome"),
    recipientCount: integer("recipient_count").notNull().default(0),
    /** Run before its time because everyone the previous wave reached declined. */
    hastened: boolean("hastened").notNull().default(false),
  },
  (table) => [
    primaryKey({ columns: [table.questionId, table.wave] }),
    // The worker's scan: only the waves still to run.
    index("question_routing_steps_due_idx").on(table.dueAt).where(sql`done_at is null`),
  ],
);

/** Who a question was routed to, in which wave, and whether they declined it ("not my topic"). */
export const questionRoutingRecipients = pgTable(
  "question_routing_recipients",
  {
    questionId: text("question_id")
      .notNull()
      .references(() => posts.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    wave: smallint("wave").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
    declinedAt: timestamp("declined_at", { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.questionId, table.userId] }),
    // "Unanswered for me", newest first, a page at a time.
    index("question_routing_recipients_user_idx")
      .on(table.userId, table.sentAt.desc().nullsFirst(), table.questionId.desc().nullsFirst())
      .where(sql`declined_at is null`),
  ],
);

/**
 * The answers that make a monitor's expertise (expertiseMatch): visible answers, accepted or upvoted, on
 * questions not deleted, with their question's community and tags. Kept by triggers on `replies` and
 * `posts` in the transaction of every change (migration expertise_answers_kept), so that routing reads a
 * monitor's answers from one index instead of walking their whole history and each answer's question.
 */
export const expertiseAnswers = pgTable(
  "expertise_answers",
  {
    replyId: text("reply_id").primaryKey(),
    authorId: text("author_id").notNull(),
    communityId: text("community_id").notNull(),
    tags: text("tags").array().notNull(),
  },
  // The tags are in the key so that the lookup of one monitor's answers reads the index alone.
  (table) => [index("expertise_answers_author_idx").on(table.communityId, table.authorId, table.tags)],
);

export type QuestionRoutingStep = typeof questionRoutingSteps.$inferSelect;
export type RoutingAudience = (typeof routingAudience.enumValues)[number];
