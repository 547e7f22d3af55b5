import { sql } from "drizzle-orm";
import { resultRows, type Database } from "../../db/client";
import { answerHelped } from "../recognition/people-helped";
import type { AnalyticsScope } from "./schemas";
import { asNumber, atSite, inCommunity, inRange, listedAnswer, listedQuestion } from "./scope-sql";

export interface MonitorReach {
  userId: string;
  displayName: string;
  siteName: string | null;
  answers: number;
  accepted: number;
  /** Distinct askers their accepted or upvoted answers helped, themselves excepted: the profile's definition (decision 018). */
  peopleHelped: number;
  /** The distinct sites of those askers. */
  sitesHelped: number;
}

export const monitorListLength = 50;

/**
 * What each active monitor did in the communities they monitor during the range: visible answers to
 * listed questions, accepted ones, and how many people at how many sites those answers helped.
 */
export async function monitorReach(db: Database, scope: AnalyticsScope): Promise<MonitorReach[]> {
  const rows = resultRows<Record<string, unknown>>(
    await db.execute(sql`
      select m.user_id, u.display_name, s.name as site_name,
        count(*) as answers,
        count(*) filter (where q.accepted_answer_id = a.id) as accepted,
        count(distinct q.author_id) filter (where helped.asker_helped) as people_helped,
        count(distinct asker.site_id) filter (where helped.asker_helped) as sites_helped
      from community_members m
      join users u on u.id = m.user_id
      left join sites s on s.id = u.site_id
      join replies a on a.author_id = m.user_id and ${listedAnswer("a")}${inRange(sql`a.created_at`, scope)}
      join posts q on q.id = a.post_id and q.community_id = m.community_id and ${listedQuestion("q")}
      join users asker on asker.id = q.author_id
      cross join lateral (select q.author_id <> m.user_id and ${answerHelped({ answerId: sql`a.id`, acceptedAnswerId: sql`q.accepted_answer_id` })} as asker_helped) helped
      where m.role = 'monitor' and m.status = 'active'${inCommunity(sql`m.community_id`, scope)}${atSite(sql`u.site_id`, scope)}
      group by m.user_id, u.display_name, s.name
      order by answers desc, u.display_name, m.user_id
      limit ${monitorListLength}`),
  );
  return rows.map((row) => ({
    userId: row.user_id as string,
    displayName: row.display_name as string,
    siteName: (row.site_name as string | null) ?? null,
    answers: asNumber(row.answers),
    accepted: asNumber(row.accepted),
    peopleHelped: asNumber(row.people_helped),
    sitesHelped: asNumber(row.sites_helped),
  }));
}
