import { sql } from "drizzle-orm";
import { resultRows, type Database } from "../../db/client";
import type { AnalyticsScope } from "./schemas";
import { asNumber, atSite, inCommunity, inDayRange, inRange } from "./scope-sql";

export interface TutorialHelpedRow {
  id: string;
  title: string;
  /** Readings during the range: a reader counts once a day (see `tutorial_views`). */
  viewsInRange: number;
  /** "This helped me" marks given during the range. */
  helpedInRange: number;
  helpedTotal: number;
}

export const tutorialListLength = 20;

/**
 * Published, listed tutorials (by authors of the chosen site) with the readings and "helped me" marks
 * they received in the range: the totals, and the most helpful ones.
 */
export async function tutorialsHelped(db: Database, scope: AnalyticsScope) {
  const rows = resultRows<Record<string, unknown>>(
    await db.execute(sql`
      select id, title, views_in_range, helped_in_range, helped_total,
        sum(views_in_range) over () as all_views, sum(helped_in_range) over () as all_helped, count(*) over () as published
      from (
        select p.id, p.title, t.helped_count as helped_total,
          (select count(*) from tutorial_views v where v.tutorial_id = p.id${inDayRange(sql`v.viewed_on`, scope)}) as views_in_range,
          (select count(*) from tutorial_helped h where h.tutorial_id = p.id${inRange(sql`h.created_at`, scope)}) as helped_in_range
        from tutorials t
        join posts p on p.id = t.post_id
        where p.kind = 'tutorial' and p.deleted_at is null and p.hidden_at is null and t.published_at is not null
          ${inCommunity(sql`p.community_id`, scope)}${atSite(sql`p.origin_site_id`, scope)}
      ) published
      order by helped_in_range desc, views_in_range desc, helped_total desc, title, id
      limit ${tutorialListLength}`),
  );
  return {
    published: rows.length > 0 ? asNumber(rows[0].published) : 0,
    viewsInRange: rows.length > 0 ? asNumber(rows[0].all_views) : 0,
    helpedInRange: rows.length > 0 ? asNumber(rows[0].all_helped) : 0,
    top: rows.map(
      (row): TutorialHelpedRow => ({
        id: row.id as string,
        title: row.title as string,
        viewsInRange: asNumber(row.views_in_range),
        helpedInRange: asNumber(row.helped_in_range),
        helpedTotal: asNumber(row.helped_total),
      }),
    ),
  };
}
