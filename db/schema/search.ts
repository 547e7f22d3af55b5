import { sql } from "drizzle-orm";
import { bigint, customType, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * The embedded search engine's index: one row per searchable document (a question, an answer, a
 * community, a person, a person's expertise in a community), rebuilt from the source tables by the
 * search outbox worker. Who may see a row is decided at query time from the live tables, never from
 * copies kept here. The text search configurations guilde_en and guilde_fr are created by migration
 * 0001 (English and French stemming, accent-insensitive, both languages' stop words dropped).
 */
export const searchDocuments = pgTable(
  "search_documents",
  {
    /** `${kind}-${sourceId}`: also a valid Meilisearch document id. */
    id: text("id").primaryKey(),
    kind: text("kind").notNull(),
    sourceId: text("source_id").notNull(),
    /** Questions and answers: the question, whose state is checked live at query time. */
    questionId: text("question_id"),
    communityId: text("community_id"),
    /** People and expertise: the person; questions and answers: the author. */
    personId: text("person_id"),
    personRole: text("person_role"),
    memberRole: text("member_role"),
    title: text("title").notNull(),
    body: text("body").notNull(),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    siteId: text("site_id"),
    status: text("status"),
    score: integer("score").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    indexedAt: timestamp("indexed_at", { withTimezone: true }).notNull().defaultNow(),
    /** Lower-cased, unaccented title for trigram similarity (typos, prefixes). */
    titleKey: text("title_key").notNull(),
    /**
     * Title (A, stemmed in both languages and also as written) and tags (B) only: small, so ranking
     * thousands of matches stays cheap.
     */
    titleVector: tsvector("title_vector").notNull(),
    /** Title (A), tags (B) and body (C), in English and French. */
    vector: tsvector("vector").notNull(),
  },
  (table) => [
    // The community first (btree_gin, '' for people, who belong to none): a search within some
    // communities reads their entries alone, and a word alone still uses the index.
    index("search_documents_vector_idx").using("gin", sql`coalesce(${table.communityId}, '')`, table.vector),
    index("search_documents_title_vector_idx").using("gin", sql`coalesce(${table.communityId}, '')`, table.titleVector),
    // "People who know" looks for a word among expertise documents alone: a common word's entries in
    // the whole index would cost it tens of milliseconds.
    index("search_documents_expertise_vector_idx").using("gin", table.vector).where(sql`${table.kind} = 'expertise'`),
    index("search_documents_title_trgm_idx").using("gin", table.titleKey.op("gin_trgm_ops")),
    index("search_documents_community_idx").on(table.communityId, table.kind),
    index("search_documents_kind_idx").on(table.kind),
    index("search_documents_question_idx").on(table.questionId),
    index("search_documents_person_idx").on(table.personId, table.kind),
    index("search_documents_indexed_at_idx").on(table.indexedAt),
  ],
);

/**
 * How many questions hold each lexeme, in their title (`title_vector`) and anywhere (`vector`): the
 * rarity that similar questions weigh words by. Counted again with ts_stat by the outbox worker when
 * the questions changed enough (server/search/term-statistics.ts); rarity need not be exact, and
 * counting at query time through the GIN indexes costs a second on common words at 100,000 questions.
 * The row whose term is '' (never a lexeme) holds the number of questions counted.
 */
export const searchTermStatistics = pgTable("search_term_statistics", {
  term: text("term").primaryKey(),
  titles: integer("titles").notNull(),
  texts: integer("texts").notNull(),
  countedAt: timestamp("counted_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Documents to rebuild, written in the same transaction as the change that calls for it. Workers
 * lease rows (FOR UPDATE SKIP LOCKED), rebuild the documents from the database, and delete the rows;
 * a failure puts the row back with a later `available_at` (exponential backoff).
 */
export const searchOutbox = pgTable(
  "search_outbox",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    /** What to rebuild, e.g. `question:<id>`, `expertise:<userId>:<communityId>` (see server/search/targets.ts). */
    target: text("target").notNull(),
    enqueuedAt: timestamp("enqueued_at", { withTimezone: true }).notNull().defaultNow(),
    availableAt: timestamp("available_at", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    leasedBy: text("leased_by"),
    leasedUntil: timestamp("leased_until", { withTimezone: true }),
    lastError: text("last_error"),
  },
  (table) => [index("search_outbox_available_idx").on(table.availableAt, table.id), index("search_outbox_target_idx").on(table.target)],
);

export type SearchOutboxRow = typeof searchOutbox.$inferSelect;
