import { sql } from "drizzle-orm";
import { resultRows, type Database } from "../../db/client";
import type { AnalyticsScope } from "./schemas";
import { asNullableNumber, asNumber, atSite, inCommunity, inRange, listedAnswer, listedQuestion } from "./scope-sql";

/** Time to answer for one group of questions: overall, a community, the asker's site or a week. */
export interface ResponseTimeRow {
  /** The community's or site's id, the week's Monday (YYYY-MM-DD), or null (overall, or questions without a site). */
  key: string | null;
  questions: number;
  answered: number;
  accepted: number;
  /** Answered questions whose first answer came from another site than the asker's. */
  crossSite: number;
  firstAnswerMedianHours: number | null;
  firstAnswerP90Hours: number | null;
  acceptedMedianHours: number | null;
  acceptedP90Hours: number | null;
}

export interface ResponseTimes {
  overall: ResponseTimeRow;
  byCommunity: ResponseTimeRow[];
  bySite: ResponseTimeRow[];
  byWeek: ResponseTimeRow[];
}

type Dimension = "overall" | "community" | "site" | "week";

/**
 * Median and 90th percentile of the time from a question to its first visible answer and to the answer
 * that was accepted (when that answer was posted: acceptance itself is not dated), with the share
 * answered from another site, for the questions asked in the range. One statement: the grouping sets
 * give the overall figure, each community, each asker's site and each week from the same scan.
 */
export async function responseTimes(db: Database, scope: AnalyticsScope): Promise<ResponseTimes> {
  const rows = resultRows<Record<string, unknown>>(
    await db.execute(sql`
      with asked as (
        select q.community_id, q.origin_site_id as asker_site_id,
          to_char(date_trunc('week', q.created_at at time zone 'UTC'), 'YYYY-MM-DD') as week,
          extract(epoch from first_answer.created_at - q.created_at) / 3600 as first_answer_hours,
          extract(epoch from accepted.created_at - q.created_at) / 3600 as accepted_hours,
          first_answer.origin_site_id as answerer_site_id,
          first_answer.created_at is not null as answered
        from posts q
        left join lateral (
          select a.created_at, a.origin_site_id from replies a
          where a.post_id = q.id and ${listedAnswer("a")}
          order by a.created_at, a.id limit 1
        ) first_answer on true
        left join replies accepted on accepted.id = q.accepted_answer_id and ${listedAnswer("accepted")}
        where ${listedQuestion("q")}${inRange(sql`q.created_at`, scope)}${inCommunity(sql`q.community_id`, scope)}${atSite(sql`q.origin_site_id`, scope)}
      )
      select
        case when grouping(community_id) = 0 then 'community' when grouping(asker_site_id) = 0 then 'site' when grouping(week) = 0 then 'week' else 'overall' end as dimension,
        case when grouping(community_id) = 0 then community_id when grouping(asker_site_id) = 0 then asker_site_id when grouping(week) = 0 then week end as key,
        count(*) as questions,
        count(*) filter (where answered) as answered,
        count(accepted_hours) as accepted,
        count(*) filter (where answerer_site_id <> asker_site_id) as cross_site,
        percentile_cont(0.5) within group (order by first_answer_hours) as first_answer_median,
        percentile_cont(0.9) within group (order by first_answer_hours) as first_answer_p90,
        percentile_cont(0.5) within group (order by accepted_hours) as accepted_median,
        percentile_cont(0.9) within group (order by accepted_hours) as accepted_p90
      from asked
      group by grouping sets ((), (community_id), (asker_site_id), (week))
      order by dimension, key`),
  );
  const result: ResponseTimes = { overall: emptyRow(null), byCommunity: [], bySite: [], byWeek: [] };
  for (const row of rows) {
    const timing: ResponseTimeRow = {
      key: (row.key as string | null) ?? null,
      questions: asNumber(row.questions),
      answered: asNumber(row.answered),
      accepted: asNumber(row.accepted),
      crossSite: asNumber(row.cross_site),
      firstAnswerMedianHours: asNullableNumber(row.first_answer_median),
      firstAnswerP90Hours: asNullableNumber(row.first_answer_p90),
      acceptedMedianHours: asNullableNumber(row.accepted_median),
      acceptedP90Hours: asNullableNumber(row.accepted_p90),
    };
    switch (row.dimension as Dimension) {
      case "overall":
        result.overall = timing;
        break;
      case "community":
        result.byCommunity.push(timing);
        break;
      case "site":
        result.bySite.push(timing);
        break;
      case "week":
        result.byWeek.push(timing);
        break;
    }
  }
  return result;
}

const emptyRow = (key: string | null): ResponseTimeRow => ({
  key,
  questions: 0,
  answered: 0,
  accepted: 0,
  crossSite: 0,
  firstAnswerMedianHours: null,
  firstAnswerP90Hours: null,
  acceptedMedianHours: null,
  acceptedP90Hours: null,
});
