import { sql } from "drizzle-orm";
import { resultRows, type Database } from "../../db/client";
import type { AnalyticsScope } from "./schemas";
import { asNumber, atSite, inCommunity, inRange } from "./scope-sql";

/** The workflow's stages in order; "declined" leaves it and is counted apart. */
export const funnelStages = ["proposed", "under_review", "planned", "in_progress", "implemented"] as const;
export type FunnelStage = (typeof funnelStages)[number];

export interface IdeaFunnel {
  /** For each stage: ideas that reached it (now or at some point, per the status history) and ideas there now. */
  stages: { stage: FunnelStage; reached: number; current: number }[];
  declined: number;
  adoptionBySite: { siteId: string; siteName: string; adoptions: number }[];
}

const stageArray = sql.raw(`array[${funnelStages.map((stage) => `'${stage}'`).join(", ")}]::idea_status[]`);

/**
 * The ideas proposed in the range (listed, not merged into another; at the chosen site), by the furthest
 * stage each reached, and the sites that adopted implemented ideas during the range.
 */
export async function ideaFunnel(db: Database, scope: AnalyticsScope): Promise<IdeaFunnel> {
  const [stageRows, adoptionRows] = await Promise.all([
    db.execute(sql`
      select i.status, greatest(
          array_position(${stageArray}, i.status),
          (select max(array_position(${stageArray}, c.to_status)) from idea_status_changes c where c.idea_id = i.post_id)
        ) as furthest, count(*) as ideas
      from ideas i
      join posts p on p.id = i.post_id
      where p.kind = 'idea' and p.deleted_at is null and p.hidden_at is null and i.merged_into_id is null
        ${inRange(sql`p.created_at`, scope)}${inCommunity(sql`p.community_id`, scope)}${atSite(sql`p.origin_site_id`, scope)}
      group by 1, 2`),
    db.execute(sql`
      select d.site_id, s.name as site_name, count(*) as adoptions
      from idea_adoptions d
      join posts p on p.id = d.idea_id and p.deleted_at is null and p.hidden_at is null
      join sites s on s.id = d.site_id
      where true${inRange(sql`d.created_at`, scope)}${inCommunity(sql`p.community_id`, scope)}${atSite(sql`d.site_id`, scope)}
      group by 1, 2
      order by adoptions desc, s.name`),
  ]);
  const counted = resultRows<Record<string, unknown>>(stageRows).map((row) => ({
    status: row.status as string,
    // Every idea starts proposed: one declined straight away reached that stage.
    furthest: row.furthest === null ? 1 : asNumber(row.furthest),
    ideas: asNumber(row.ideas),
  }));
  return {
    stages: funnelStages.map((stage, index) => ({
      stage,
      reached: counted.filter((row) => row.furthest >= index + 1).reduce((sum, row) => sum + row.ideas, 0),
      current: counted.filter((row) => row.status === stage).reduce((sum, row) => sum + row.ideas, 0),
    })),
    declined: counted.filter((row) => row.status === "declined").reduce((sum, row) => sum + row.ideas, 0),
    adoptionBySite: resultRows<Record<string, unknown>>(adoptionRows).map((row) => ({
      siteId: row.site_id as string,
      siteName: row.site_name as string,
      adoptions: asNumber(row.adoptions),
    })),
  };
}
