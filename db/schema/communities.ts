import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./people";

/** internal: every employee; private: members approved by a moderator; open: employees and invited customers. */
export const communityVisibility = pgEnum("community_visibility", ["internal", "private", "open"]);
export const communityRole = pgEnum("community_role", ["member", "monitor", "moderator"]);
export const membershipStatus = pgEnum("membership_status", ["active", "pending"]);
export const applicationStatus = pgEnum("application_status", ["pending", "approved", "declined"]);
/** Whose new posts wait for a moderator's approval before anyone else sees them (moderators' never do). */
export const premoderation = pgEnum("premoderation", ["off", "customers_first_post", "customers", "everyone"]);

export const communities = pgTable("communities", {
  id: text("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  /** The community's themes, used as suggested tags. */
  themes: text("themes").array().notNull().default(sql`'{}'::text[]`),
  color: text("color").notNull().default("#1d5fbf"),
  coverImageUrl: text("cover_image_url"),
  visibility: communityVisibility("visibility").notNull().default("internal"),
  createdById: text("created_by_id").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  archivedAt: timestamp("archived_at", { withTimezone: true }),
  premoderation: premoderation("premoderation").notNull().default("customers_first_post"),
  /**
   * Its listed questions (neither deleted nor hidden), and of those the unanswered and the solved ones:
   * kept by a trigger on `posts` in the transaction of every change (migration community_question_counts),
   * so that the community page never counts its posts.
   */
  questionCount: integer("question_count").notNull().default(0),
  unansweredCount: integer("unanswered_count").notNull().default(0),
  solvedCount: integer("solved_count").notNull().default(0),
});

export const communityMembers = pgTable(
  "community_members",
  {
    communityId: text("community_id")
      .notNull()
      .references(() => communities.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    role: communityRole("role").notNull().default("member"),
    status: membershipStatus("status").notNull().default("active"),
    /** Topics a monitor masters, as tags; they route questions to them. */
    monitorTopics: text("monitor_topics").array().notNull().default(sql`'{}'::text[]`),
    monitorSince: timestamp("monitor_since", { withTimezone: true }),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.communityId, table.userId] }),
    index("community_members_user_idx").on(table.userId),
    index("community_members_role_idx").on(table.communityId, table.role),
  ],
);

export const monitorApplications = pgTable(
  "monitor_applications",
  {
    id: text("id").primaryKey(),
    communityId: text("community_id")
      .notNull()
      .references(() => communities.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    motivation: text("motivation").notNull(),
    topics: text("topics").array().notNull(),
    status: applicationStatus("status").notNull().default("pending"),
    decidedById: text("decided_by_id").references(() => users.id),
    decisionNote: text("decision_note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (table) => [index("monitor_applications_community_idx").on(table.communityId, table.status)],
);

export type Community = typeof communities.$inferSelect;
export type CommunityVisibility = (typeof communityVisibility.enumValues)[number];
export type CommunityRole = (typeof communityRole.enumValues)[number];
export type CommunityMember = typeof communityMembers.$inferSelect;
export type Premoderation = (typeof premoderation.enumValues)[number];
