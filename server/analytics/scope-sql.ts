import { sql, type SQL } from "drizzle-orm";
import type { AnalyticsScope } from "./schemas";

/** `and <column> = <community>` when the figures are one community's, nothing otherwise. */
export const inCommunity = (column: SQL, scope: AnalyticsScope): SQL => (scope.communityId ? sql` and ${column} = ${scope.communityId}` : sql``);

/** `and <column> = <site>` when a site was chosen. */
export const atSite = (column: SQL, scope: AnalyticsScope): SQL => (scope.siteId ? sql` and ${column} = ${scope.siteId}` : sql``);

/** `and <column>` within the range (whole days, end excluded). */
export const inRange = (column: SQL, scope: AnalyticsScope): SQL =>
  sql` and ${column} >= ${scope.from.toISOString()}::timestamptz and ${column} < ${scope.endExclusive.toISOString()}::timestamptz`;

/** `and <date column>` within the range: the same whole days, for a column that holds days. */
export const inDayRange = (column: SQL, scope: AnalyticsScope): SQL =>
  sql` and ${column} >= ${scope.from.toISOString().slice(0, 10)}::date and ${column} < ${scope.endExclusive.toISOString().slice(0, 10)}::date`;

/** A listed question: neither deleted nor hidden (held for approval is hidden too). */
export const listedQuestion = (alias: string): SQL =>
  sql.raw(`${alias}.kind = 'question' and ${alias}.deleted_at is null and ${alias}.hidden_at is null`);

/** An answer everyone sees: neither deleted nor hidden. */
export const listedAnswer = (alias: string): SQL => sql.raw(`${alias}.kind = 'answer' and ${alias}.deleted_at is null and ${alias}.hidden_at is null`);

/** Counts come back as numbers on PGlite and as strings from postgres.js for numeric types: read both. */
export const asNumber = (value: unknown): number => Number(value ?? 0);
export const asNullableNumber = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
