import { index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * What an import wrote, by the source's own ids: a re-run finds each record's Guilde id here and
 * updates that row instead of adding another (server/import/stackexchange). `source` names the
 * forum (e.g. `https://bicycles.meta.stackexchange.com`), `source_kind` the record's kind there
 * (`user`, `question`, `answer`, `comment`).
 */
export const importedRecords = pgTable(
  "imported_records",
  {
    source: text("source").notNull(),
    sourceKind: text("source_kind").notNull(),
    sourceId: text("source_id").notNull(),
    targetId: text("target_id").notNull(),
    /** The record's page at the source, linked from Guilde for attribution. */
    sourceUrl: text("source_url"),
    /** The licence the source gives the content under, e.g. "CC BY-SA 4.0". */
    license: text("license"),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.source, table.sourceKind, table.sourceId] }), index("imported_records_target_idx").on(table.targetId)],
);

export type ImportedRecord = typeof importedRecords.$inferSelect;
