import { asc } from "drizzle-orm";
import { communities, sites } from "../../db/schema";
import { loadCommunity } from "../communities/access";
import type { Guilde } from "../context";
import { Invalid, NotFound } from "../errors";
import { can, ensureCan, type Viewer } from "../policy";

/** Administrators pick among every community in a select: enough for any company, bounded for the page. */
const maxCommunitiesListed = 500;

/**
 * Who may see which analytics, and what the filters offer: one community's figures for its moderators
 * and administrators (`communitySlug`, from the address), all of them or the one chosen in the filter
 * (`communityFilter`) for administrators. Anyone else is told the page does not exist.
 */
export async function getAnalyticsOptions(
  guilde: Guilde,
  { viewer, communitySlug, communityFilter = "" }: { viewer: Viewer; communitySlug: string | null; communityFilter?: string },
) {
  const slug = communitySlug ?? (communityFilter || null);
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
  const [siteRows, communityRows] = await Promise.all([
    guilde.db.select({ id: sites.id, name: sites.name }).from(sites).orderBy(asc(sites.name)),
    communitySlug
      ? Promise.resolve(community ? [community] : [])
      : guilde.db
          .select({ id: communities.id, slug: communities.slug, name: communities.name })
          .from(communities)
          .orderBy(asc(communities.name))
          .limit(maxCommunitiesListed),
  ]);
  return { community, sites: siteRows, communities: communityRows };
}

export type AnalyticsOptions = Awaited<ReturnType<typeof getAnalyticsOptions>>;
