import { sql } from "drizzle-orm";
import { resultRows, type Database } from "../../db/client";
import type { AnalyticsScope } from "./schemas";
import { asNumber, inCommunity, inRange, listedAnswer, listedQuestion } from "./scope-sql";

/** How many answers people of one site gave to questions asked at another (or the same) site. */
export interface SiteMatrixCell {
  answererSiteId: string | null;
  askerSiteId: string | null;
  answers: number;
  accepted: number;
}

/**
 * Who helps whom: visible answers to the questions asked in the range, by the answerer's site (when they
 * answered) and the asker's (when they asked). With a site chosen, the cells where it gives or receives.
 */
export async function siteMatrix(db: Database, scope: AnalyticsScope): Promise<SiteMatrixCell[]> {
  const site = scope.siteId ? sql` and (a.origin_site_id = ${scope.siteId} or q.origin_site_id = ${scope.siteId})` : sql``;
  const rows = resultRows<Record<string, unknown>>(
    await db.execute(sql`
      select a.origin_site_id as answerer_site_id, q.origin_site_id as asker_site_id,
        count(*) as answers, count(*) filter (where q.accepted_answer_id = a.id) as accepted
      from posts q
      join replies a on a.post_id = q.id and ${listedAnswer("a")}
      where ${listedQuestion("q")}${inRange(sql`q.created_at`, scope)}${inCommunity(sql`q.community_id`, scope)}${site}
      group by 1, 2`),
  );
  return rows.map((row) => ({
    answererSiteId: (row.answerer_site_id as string | null) ?? null,
    askerSiteId: (row.asker_site_id as string | null) ?? null,
    answers: asNumber(row.answers),
    accepted: asNumber(row.accepted),
  }));
}
