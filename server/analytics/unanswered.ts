import { sql } from "drizzle-orm";
import { resultRows, type Database } from "../../db/client";
import type { AnalyticsScope } from "./schemas";
import { asNumber, atSite, inCommunity, inRange, listedQuestion } from "./scope-sql";

export interface UnansweredQuestion {
  id: string;
  title: string;
  communitySlug: string;
  communityName: string;
  /** ISO date and time. */
  askedAt: string;
}

export const unansweredListLength = 20;

/**
 * The questions asked in the range that nobody has answered (visibly) for more than `olderThanDays`
 * days: how many, and the oldest of them. `answer_count` counts visible answers only (kept by every
 * answer, hide and delete), which lets the partial index of unanswered questions serve the query.
 */
export async function unansweredQuestions(db: Database, scope: AnalyticsScope, olderThanDays: number, now = new Date()) {
  const cutoff = new Date(now.getTime() - olderThanDays * 86_400_000).toISOString();
  const rows = resultRows<Record<string, unknown>>(
    await db.execute(sql`
      select count(*) over () as total, q.id, q.title, to_char(q.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as asked_at,
        c.slug as community_slug, c.name as community_name
      from posts q
      join communities c on c.id = q.community_id
      where ${listedQuestion("q")} and q.answer_count = 0 and q.closed_at is null and q.created_at < ${cutoff}::timestamptz
        ${inRange(sql`q.created_at`, scope)}${inCommunity(sql`q.community_id`, scope)}${atSite(sql`q.origin_site_id`, scope)}
      order by q.created_at, q.id
      limit ${unansweredListLength}`),
  );
  return {
    total: rows.length > 0 ? asNumber(rows[0].total) : 0,
    oldest: rows.map(
      (row): UnansweredQuestion => ({
        id: row.id as string,
        title: row.title as string,
        communitySlug: row.community_slug as string,
        communityName: row.community_name as string,
        askedAt: row.asked_at as string,
      }),
    ),
  };
}
