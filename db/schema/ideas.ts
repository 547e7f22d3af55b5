import { index, integer, pgEnum, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { sites, users } from "./people";
import { posts } from "./posts";

/** The public workflow an idea goes through; declined ends it with a reason. */
export const ideaStatus = pgEnum("idea_status", ["proposed", "under_review", "planned", "in_progress", "implemented", "declined"]);

/**
 * What an idea adds to its `posts` row (kind "idea"): the title, the problem seen (`posts.body`), tags,
 * author, site, visibility, hiding, comments and follows all live there. Keyed by the post's id.
 */
export const ideas = pgTable(
  "ideas",
  {
    postId: text("post_id")
      .primaryKey()
      .references(() => posts.id),
    proposal: text("proposal").notNull(),
    proposalHtml: text("proposal_html").notNull(),
    benefit: text("benefit").notNull(),
    benefitHtml: text("benefit_html").notNull(),
    status: ideaStatus("status").notNull().default("proposed"),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }).notNull().defaultNow(),
    /** One per person who voted, kept in the vote's own transaction (see idea_votes). */
    voteCount: integer("vote_count").notNull().default(0),
    /** Set when merged into a duplicate: the idea then leads to the surviving one. */
    mergedIntoId: text("merged_into_id"),
  },
  (table) => [index("ideas_status_idx").on(table.status), index("ideas_votes_idx").on(table.voteCount.desc(), table.postId.desc())],
);

/** One vote per person and idea (+1 only: ideas are supported, not voted down). */
export const ideaVotes = pgTable(
  "idea_votes",
  {
    ideaId: text("idea_id")
      .notNull()
      .references(() => posts.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.ideaId, table.userId] }), index("idea_votes_recent_idx").on(table.ideaId, table.createdAt)],
);

/** The idea's public timeline: every status change with its note and who made it, and merges into it. */
export const ideaStatusChanges = pgTable(
  "idea_status_changes",
  {
    id: text("id").primaryKey(),
    ideaId: text("idea_id")
      .notNull()
      .references(() => posts.id),
    actorId: text("actor_id").references(() => users.id),
    fromStatus: ideaStatus("from_status"),
    toStatus: ideaStatus("to_status").notNull(),
    note: text("note").notNull(),
    /** A duplicate merged into this idea (the status does not change then). */
    mergedIdeaId: text("merged_idea_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("idea_status_changes_idea_idx").on(table.ideaId, table.createdAt)],
);

/** Sites that adopted an implemented idea: one row per site, with who marked it and when. */
export const ideaAdoptions = pgTable(
  "idea_adoptions",
  {
    ideaId: text("idea_id")
      .notNull()
      .references(() => posts.id),
    siteId: text("site_id")
      .notNull()
      .references(() => sites.id),
    adoptedById: text("adopted_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.ideaId, table.siteId] })],
);

export type Idea = typeof ideas.$inferSelect;
export type IdeaStatus = (typeof ideaStatus.enumValues)[number];
