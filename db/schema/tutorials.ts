import { bigint, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { posts, replies } from "./posts";
import { users } from "./people";

export const tutorialDifficulty = pgEnum("tutorial_difficulty", ["beginner", "intermediate", "advanced"]);
export const tutorialVideoKind = pgEnum("tutorial_video_kind", ["none", "upload", "link"]);

/**
 * What a tutorial adds to its `posts` row (kind 'tutorial'), which holds its title, Markdown steps,
 * tags, community, author, visibility and moderation state. A draft is a hidden post (reason 'draft').
 */
export const tutorials = pgTable(
  "tutorials",
  {
    postId: text("post_id")
      .primaryKey()
      .references(() => posts.id),
    summary: text("summary").notNull(),
    difficulty: tutorialDifficulty("difficulty").notNull(),
    minutes: integer("minutes").notNull(),
    videoKind: tutorialVideoKind("video_kind").notNull().default("none"),
    /** A link to an allowed video host (video kind 'link'). */
    videoUrl: text("video_url"),
    /** The uploaded file (video kind 'upload'). */
    videoUploadId: text("video_upload_id"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    helpedCount: integer("helped_count").notNull().default(0),
    /** Rows of `tutorial_views`: a reader counts once a day. */
    viewCount: integer("view_count").notNull().default(0),
  },
  (table) => [index("tutorials_published_idx").on(table.publishedAt.desc())],
);

/** "This helped me": one per person and tutorial. */
export const tutorialHelped = pgTable(
  "tutorial_helped",
  {
    tutorialId: text("tutorial_id")
      .notNull()
      .references(() => tutorials.postId),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.tutorialId, table.userId] })],
);

/**
 * Someone other than its author opened a published tutorial on a day (UTC). One row per reader and day:
 * reloading, or coming back the same day, counts once; the analytics count the rows of a range.
 */
export const tutorialViews = pgTable(
  "tutorial_views",
  {
    tutorialId: text("tutorial_id")
      .notNull()
      .references(() => tutorials.postId),
    viewedOn: date("viewed_on", { mode: "string" }).notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
  },
  (table) => [primaryKey({ columns: [table.tutorialId, table.viewedOn, table.userId] })],
);

/**
 * A file someone uploaded, stored under a random key. Nobody but its owner may read it until it is
 * attached to a tutorial; then the tutorial's policy decides.
 */
export const uploads = pgTable(
  "uploads",
  {
    id: text("id").primaryKey(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id),
    storageKey: text("storage_key").notNull().unique(),
    size: bigint("size", { mode: "number" }).notNull(),
    contentType: text("content_type").notNull(),
    tutorialId: text("tutorial_id").references(() => tutorials.postId),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("uploads_owner_idx").on(table.ownerId, table.createdAt.desc()), index("uploads_tutorial_idx").on(table.tutorialId)],
);

/** An answer that cites a tutorial (shown as a card); the tutorial lists the questions it solved. */
export const tutorialCitations = pgTable(
  "tutorial_citations",
  {
    replyId: text("reply_id")
      .primaryKey()
      .references(() => replies.id),
    tutorialId: text("tutorial_id")
      .notNull()
      .references(() => tutorials.postId),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("tutorial_citations_tutorial_idx").on(table.tutorialId, table.createdAt.desc())],
);

export type Tutorial = typeof tutorials.$inferSelect;
export type Upload = typeof uploads.$inferSelect;
export type TutorialDifficulty = (typeof tutorialDifficulty.enumValues)[number];
