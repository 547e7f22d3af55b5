import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, primaryKey, smallint, text, timestamp } from "drizzle-orm/pg-core";
import { communities } from "./communities";
import { sites, users } from "./people";

export const postKind = pgEnum("post_kind", ["question", "tutorial", "idea", "discussion"]);
export const replyKind = pgEnum("reply_kind", ["answer", "comment"]);
export const closeReason = pgEnum("close_reason", ["duplicate", "off_topic", "resolved", "other"]);
/**
 * Why a post or reply is hidden. A post held for approval (pre-moderation) is a hidden one, so that
 * every list, feed, count, notification and search that leaves hidden content out leaves it out too.
 * A tutorial's draft is hidden for the same reason ('draft'): only its author sees it until published.
 */
export const hiddenReason = pgEnum("hidden_reason", ["awaiting_approval", "spam", "off_topic", "abusive", "confidential", "other", "draft"]);

/** Questions now; tutorials, ideas and discussions share the table and add their own columns. */
export const posts = pgTable(
  "posts",
  {
    id: text("id").primaryKey(),
    kind: postKind("kind").notNull(),
    communityId: text("community_id")
      .notNull()
      .references(() => communities.id),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    /** The author's site when they posted: a later move does not rewrite history. */
    originSiteId: text("origin_site_id").references(() => sites.id),
    title: text("title").notNull(),
    body: text("body").notNull(),
    /** Sanitised HTML rendered from `body` at write time, so that pages never render Markdown. */
    bodyHtml: text("body_html").notNull(),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    score: integer("score").notNull().default(0),
    answerCount: integer("answer_count").notNull().default(0),
    acceptedAnswerId: text("accepted_answer_id"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closeReason: closeReason("close_reason"),
    duplicateOfId: text("duplicate_of_id"),
    pinnedAt: timestamp("pinned_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    hiddenReason: hiddenReason("hidden_reason"),
    /** What the moderator told the author when hiding it. */
    hiddenNote: text("hidden_note"),
    /** Locked by a moderator: no new answers or comments. */
    lockedAt: timestamp("locked_at", { withTimezone: true }),
  },
  (table) => [
    // Descending keys are NULLS FIRST, as a plain `order by … desc` sorts: Drizzle's `.desc()` alone is
    // NULLS LAST, which PostgreSQL cannot walk for such an order and sorts instead (the columns are NOT NULL).
    index("posts_community_newest_idx").on(table.communityId, table.kind, table.createdAt.desc().nullsFirst(), table.id.desc().nullsFirst()),
    index("posts_community_activity_idx").on(table.communityId, table.lastActivityAt.desc().nullsFirst(), table.id.desc().nullsFirst()),
    index("posts_community_top_idx").on(table.communityId, table.kind, table.score.desc().nullsFirst(), table.id.desc().nullsFirst()),
    index("posts_unanswered_idx")
      .on(table.communityId, table.createdAt.desc().nullsFirst(), table.id.desc().nullsFirst())
      .where(sql`answer_count = 0 and deleted_at is null and kind = 'question'`),
    index("posts_solved_idx")
      .on(table.communityId, table.createdAt.desc().nullsFirst(), table.id.desc().nullsFirst())
      .where(sql`accepted_answer_id is not null and deleted_at is null`),
    index("posts_pinned_idx")
      .on(table.communityId, table.pinnedAt.desc().nullsFirst())
      .where(sql`pinned_at is not null`),
    index("posts_author_idx").on(table.authorId, table.createdAt.desc().nullsFirst()),
    index("posts_duplicate_of_idx").on(table.duplicateOfId),
  ],
);

/** Answers to a question, and comments on the question (no parent) or on an answer (parent). */
export const replies = pgTable(
  "replies",
  {
    id: text("id").primaryKey(),
    postId: text("post_id")
      .notNull()
      .references(() => posts.id),
    kind: replyKind("kind").notNull(),
    parentReplyId: text("parent_reply_id"),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    originSiteId: text("origin_site_id").references(() => sites.id),
    body: text("body").notNull(),
    bodyHtml: text("body_html").notNull(),
    score: integer("score").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    hiddenReason: hiddenReason("hidden_reason"),
    hiddenNote: text("hidden_note"),
  },
  (table) => [
    index("replies_post_idx").on(table.postId, table.kind, table.createdAt),
    index("replies_author_idx").on(table.authorId, table.createdAt.desc().nullsFirst()),
    // The analytics read each question's visible answers (first answer, who answered from where) from
    // this index alone, without visiting the rows and their bodies.
    index("replies_listed_answers_idx")
      .on(table.postId, table.createdAt, table.id, table.originSiteId)
      .where(sql`kind = 'answer' and deleted_at is null and hidden_at is null`),
  ],
);

/** One vote per person and post or reply; `value` is +1 or -1. */
export const votes = pgTable(
  "votes",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    targetId: text("target_id").notNull(),
    value: smallint("value").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.targetId] }), index("votes_target_idx").on(table.targetId)],
);

/** The previous version of a post or reply, kept at each edit: who changed it, when, and what it was. */
export const revisions = pgTable(
  "revisions",
  {
    id: text("id").primaryKey(),
    targetId: text("target_id").notNull(),
    editorId: text("editor_id")
      .notNull()
      .references(() => users.id),
    title: text("title"),
    body: text("body").notNull(),
    tags: text("tags").array(),
    /** The other parts of a post's text as they were, by name: an idea's proposal and benefit. */
    sections: jsonb("sections").$type<Record<string, string>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("revisions_target_idx").on(table.targetId, table.createdAt)],
);

export const follows = pgTable(
  "follows",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    postId: text("post_id")
      .notNull()
      .references(() => posts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.postId] }), index("follows_post_idx").on(table.postId)],
);

export type Post = typeof posts.$inferSelect;
export type Reply = typeof replies.$inferSelect;
export type HiddenReason = (typeof hiddenReason.enumValues)[number];
