import type { Guilde } from "../context";
import { Invalid } from "../errors";
import { can, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { barometerTrend } from "./barometer-trend";
import { getAnalyticsOptions } from "./get-analytics-options";
import { ideaFunnel } from "./idea-funnel";
import { monitorReach } from "./monitor-reach";
import { responseTimes } from "./response-times";
import { analyticsInputSchema, type AnalyticsInput, type AnalyticsScope } from "./schemas";
import { siteMatrix } from "./site-matrix";
import { tutorialsHelped } from "./tutorials";
import { unansweredQuestions } from "./unanswered";

/**
 * Every analytics figure for one community (its moderators and administrators) or for all of them
 * (administrators), over a range of days and optionally one site, in a fixed number of queries. Anyone
 * else is told the page does not exist, whether the community does or not.
 */
export async function getAnalytics(
  guilde: Guilde,
  { viewer, communitySlug, input, now = new Date() }: { viewer: Viewer; communitySlug: string | null; input: Untrusted<AnalyticsInput>; now?: Date },
) {
  const started = performance.now();
  const filters = parseInput(analyticsInputSchema, input);
  const { community, sites: siteRows, communities: communityRows } = await getAnalyticsOptions(guilde, { viewer, communitySlug, communityFilter: filters.community });
  if (filters.site && !siteRows.some((site) => site.id === filters.site)) throw new Invalid({ site: ["errors.invalidChoice"] });

  const scope: AnalyticsScope = { communityId: community?.id ?? null, siteId: filters.site || null, from: filters.from, endExclusive: filters.endExclusive };
  // Employees' barometers are the company's, not a community's: they belong on the all-communities page.
  const showBarometers = community === null && can(viewer, { action: "barometer.viewTrend" });
  const [timings, matrix, unanswered, monitors, ideas, tutorials, barometers] = await Promise.all([
    responseTimes(guilde.db, scope),
    siteMatrix(guilde.db, scope),
    unansweredQuestions(guilde.db, scope, filters.olderThanDays, now),
    monitorReach(guilde.db, scope),
    ideaFunnel(guilde.db, scope),
    tutorialsHelped(guilde.db, scope),
    showBarometers ? barometerTrend(guilde.db, scope, { threshold: guilde.config.barometerMinAnswers, now }) : null,
  ]);
  return {
    filters: {
      from: filters.from.toISOString().slice(0, 10),
      to: filters.to.toISOString().slice(0, 10),
      site: filters.site,
      community: community?.slug ?? "",
      olderThanDays: filters.olderThanDays,
    },
    community,
    sites: siteRows,
    communities: communityRows,
    responseTimes: timings,
    matrix,
    unanswered,
    monitors,
    ideas,
    tutorials,
    /** Null where the viewer may not see them, or on one community's page. */
    barometers: barometers && { threshold: guilde.config.barometerMinAnswers, rounds: barometers },
    /** Wall time of every query above, shown on the page: the figures' cost is measured, not assumed. */
    queryMs: Math.round(performance.now() - started),
  };
}

export type AnalyticsReport = Awaited<ReturnType<typeof getAnalytics>>;
