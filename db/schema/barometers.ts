import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, primaryKey, smallint, text, timestamp } from "drizzle-orm/pg-core";
import { communities } from "./communities";
import { sites, users } from "./people";

/** Who a round asks: the company's employees, or the customers of one open community. */
export const barometerAudience = pgEnum("barometer_audience", ["employees", "customers"]);

/**
 * A satisfaction barometer round: the recommendation question about `subject` ("Guilde", "our store"),
 * 0 to 10, with an optional comment. Open from `opens_at` until `closes_at` or an administrator closes it.
 */
export const barometerRounds = pgTable(
  "barometer_rounds",
  {
    id: text("id").primaryKey(),
    title: text("title").notNull(),
    subject: text("subject").notNull(),
    audience: barometerAudience("audience").notNull(),
    /** The open community whose customers are asked; null for an employees' round. */
    communityId: text("community_id").references(() => communities.id),
    opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
    closesAt: timestamp("closes_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdById: text("created_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("barometer_rounds_opens_idx").on(table.opensAt.desc().nullsFirst()),
    index("barometer_rounds_community_idx").on(table.communityId, table.opensAt),
    check("barometer_rounds_audience_check", sql`(audience = 'customers') = (community_id is not null)`),
  ],
);

/**
 * Who answered a round, and nothing else: no score, no time. It exists only so that the primary key
 * refuses a second answer (docs/decisions/019-barometers.md); results never read it.
 */
export const barometerRespondents = pgTable(
  "barometer_respondents",
  {
    roundId: text("round_id")
      .notNull()
      .references(() => barometerRounds.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
  },
  (table) => [primaryKey({ columns: [table.roundId, table.userId] })],
);

/**
 * The answers, without their author: the respondent's site (employees) or the round's community
 * (customers) at answer time is all that groups them. No timestamp, and a random id, so that nothing
 * orders them against `barometer_respondents`.
 */
export const barometerAnswers = pgTable(
  "barometer_answers",
  {
    id: text("id").primaryKey(),
    roundId: text("round_id")
      .notNull()
      .references(() => barometerRounds.id),
    siteId: text("site_id").references(() => sites.id),
    communityId: text("community_id").references(() => communities.id),
    score: smallint("score").notNull(),
    comment: text("comment"),
  },
  (table) => [index("barometer_answers_round_idx").on(table.roundId, table.siteId), check("barometer_answers_score_check", sql`score between 0 and 10`)],
);

export type BarometerRound = typeof barometerRounds.$inferSelect;
export type BarometerAudience = (typeof barometerAudience.enumValues)[number];
