import { and, desc, eq, gte, isNotNull, lt, lte, or } from "drizzle-orm";
import type { Database } from "../../db/client";
import { barometerRounds } from "../../db/schema";
import { scoreCounts } from "../barometers/barometer-results";
import { summarise, type Figures } from "../barometers/summarise";
import type { AnalyticsScope } from "./schemas";

/** The most rounds the trend shows: a year of monthly rounds. */
export const trendRoundLimit = 12;

export interface BarometerTrendRound {
  id: string;
  title: string;
  /** The day it opened (YYYY-MM-DD, UTC). */
  opensOn: string;
  /** Every answered site's figures, or null when too few answered there (the results page's rule). */
  overall: Figures | null;
  sites: { siteId: string | null; figures: Figures | null }[];
  /** The sites under the threshold taken together, when they reach it (see summarise.ts). */
  otherSites: Figures | null;
}

/**
 * The recommendation score per site across the employees' rounds opened in the range and closed by
 * `now`, oldest first. Each round is summarised as its results page does, so a site under the
 * threshold shows no figure here either; with a site chosen, only that site's column remains.
 */
export async function barometerTrend(db: Database, scope: AnalyticsScope, { threshold, now }: { threshold: number; now: Date }): Promise<BarometerTrendRound[]> {
  const rounds = await db
    .select({ id: barometerRounds.id, title: barometerRounds.title, opensAt: barometerRounds.opensAt })
    .from(barometerRounds)
    .where(
      and(
        eq(barometerRounds.audience, "employees"),
        gte(barometerRounds.opensAt, scope.from),
        lt(barometerRounds.opensAt, scope.endExclusive),
        or(isNotNull(barometerRounds.closedAt), lte(barometerRounds.closesAt, now)),
      ),
    )
    .orderBy(desc(barometerRounds.opensAt), desc(barometerRounds.id))
    .limit(trendRoundLimit);
  const counts = await scoreCounts(db, "employees", rounds.map((round) => round.id));
  return rounds.reverse().map((round) => {
    const summary = summarise(counts.get(round.id) ?? [], threshold);
    return {
      id: round.id,
      title: round.title,
      opensOn: round.opensAt.toISOString().slice(0, 10),
      overall: summary.overall,
      sites: summary.groups
        .map((group) => ({ siteId: group.key || null, figures: group.figures }))
        .filter((group) => !scope.siteId || group.siteId === scope.siteId),
      otherSites: scope.siteId ? null : (summary.pooled?.figures ?? null),
    };
  });
}
