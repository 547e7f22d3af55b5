import { asc } from "drizzle-orm";
import { communities, sites } from "../../db/schema";
import { loadCommunity } from "../communities/access";
import type { Guilde } from "../context";
import { Invalid, NotFound } from "../errors";
import { can, ensureCan, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { ideaFunnel } from "./idea-funnel";
import { monitorReach } from "./monitor-reach";
import { responseTimes } from "./response-times";
import { analyticsInputSchema, type AnalyticsInput, type AnalyticsScope } from "./schemas";
import { siteMatrix } from "./site-matrix";
import { tutorialsHelped } from "./tutorials";
import { unansweredQuestions } from "./unanswered";

/** Administrators pick among every community in a select: enough for any company, bounded for the page. */
const maxCommunitiesListed = 500;

/**
 * Every analytics figure for one community (its moderators and administrators) or for all of them
 * (administrators), over a range of days and optionally one site, in a fixed number of queries. Anyone
 * else is told the page does not exist, whether the community does or not.
 */
export async function getAnalytics(
  guilde: Guilde,
  { viewer, communitySlug, input, now = new Date() }: { viewer: Viewer; communitySlug: string | null; input: Untrusted<AnalyticsInput>; now?: Date },
) {
  const filters = parseInput(analyticsInputSchema, input);
  const slug = communitySlug ?? (filters.community || null);
  let community: { id: string; slug: string; name: string } | null = null;
  if (slug) {
    const loaded = await loadCommunity(guilde.db, viewer, { slug });
    if (!loaded || !can(viewer, { action: "analytics.view", community: loaded.access })) {
      // An administrator's filter naming no community is a bad choice in the form, not a missing page.
      if (!loaded && communitySlug === null && can(viewer, { action: "analytics.view", community: null })) throw new Invalid({ community: ["errors.invalidChoice"] });
      throw new NotFound();
    }
    community = { id: loaded.community.id, slug: loaded.community.slug, name: loaded.community.name };
  } else {
    ensureCan(viewer, { action: "analytics.view", community: null }, "hide");
  }
  const siteRows = await guilde.db.select({ id: sites.id, name: sites.name }).from(sites).orderBy(asc(sites.name));
  if (filters.site && !siteRows.some((site) => site.id === filters.site)) throw new Invalid({ site: ["errors.invalidChoice"] });

  const scope: AnalyticsScope = { communityId: community?.id ?? null, siteId: filters.site || null, from: filters.from, endExclusive: filters.endExclusive };
  const [communityRows, timings, matrix, unanswered, monitors, ideas, tutorials] = await Promise.all([
    communitySlug
      ? Promise.resolve(community ? [community] : [])
      : guilde.db
          .select({ id: communities.id, slug: communities.slug, name: communities.name })
          .from(communities)
          .orderBy(asc(communities.name))
          .limit(maxCommunitiesListed),
    responseTimes(guilde.db, scope),
    siteMatrix(guilde.db, scope),
    unansweredQuestions(guilde.db, scope, filters.olderThanDays, now),
    monitorReach(guilde.db, scope),
    ideaFunnel(guilde.db, scope),
    tutorialsHelped(guilde.db, scope),
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
  };
}

export type AnalyticsReport = Awaited<ReturnType<typeof getAnalytics>>;
