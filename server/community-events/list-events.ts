import { and, asc, desc, eq, gt, isNull, lte, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { communities, communityEvents, sites, type EventFormat } from "../../db/schema";
import { loadCommunity } from "../communities/access";
import type { Guilde } from "../context";
import { NotFound } from "../errors";
import { can, type Viewer } from "../policy";
import { viewableEvents } from "../policy/scopes";

/** A community's upcoming events are few; the past ones shown are the latest. */
const upcomingLimit = 50;
const pastLimit = 20;

export interface EventSummary {
  id: string;
  title: string;
  format: EventFormat;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  capacity: number;
  goingCount: number;
  cancelled: boolean;
  site: { name: string; city: string } | null;
  community: { slug: string; name: string; color: string };
  hasMaterials: boolean;
}

/**
 * A community's Events tab, found by its address: what is coming (and going on) first, then the past
 * events with their materials. `readable: false` when the viewer may know of the community but not read it.
 */
export async function communityEventsPage(
  guilde: Guilde,
  { viewer, slug, now = new Date() }: { viewer: Viewer; slug: string; now?: Date },
): Promise<{ readable: false } | { readable: true; mayAnnounce: boolean; upcoming: EventSummary[]; past: EventSummary[] }> {
  const loaded = await loadCommunity(guilde.db, viewer, { slug });
  if (!loaded || !can(viewer, { action: "community.view", community: loaded.access })) throw new NotFound();
  if (!can(viewer, { action: "community.read", community: loaded.access })) return { readable: false };
  const inCommunity = eq(communityEvents.communityId, loaded.community.id);
  const [upcoming, past] = await Promise.all([
    eventsWhere(guilde.db, viewer, and(inCommunity, gt(communityEvents.endsAt, now)), [asc(communityEvents.startsAt), asc(communityEvents.id)], upcomingLimit),
    eventsWhere(guilde.db, viewer, and(inCommunity, lte(communityEvents.endsAt, now), isNull(communityEvents.cancelledAt)), [desc(communityEvents.startsAt), desc(communityEvents.id)], pastLimit),
  ]);
  return { readable: true, mayAnnounce: can(viewer, { action: "event.announce", community: loaded.access }), upcoming, past };
}

/** The home page's "at my site": in-person events still to come at the viewer's site, in communities they may read. */
export async function upcomingEventsAtMySite(guilde: Guilde, { viewer, now = new Date(), limit = 5 }: { viewer: Viewer; now?: Date; limit?: number }): Promise<EventSummary[]> {
  if (!viewer?.siteId) return [];
  return eventsWhere(
    guilde.db,
    viewer,
    and(eq(communityEvents.siteId, viewer.siteId), eq(communityEvents.format, "in_person"), gt(communityEvents.startsAt, now), isNull(communityEvents.cancelledAt)),
    [asc(communityEvents.startsAt), asc(communityEvents.id)],
    limit,
  );
}

async function eventsWhere(db: Database, viewer: Viewer, where: SQL | undefined, order: SQL[], limit: number): Promise<EventSummary[]> {
  const rows = await db
    .select({
      event: communityEvents,
      siteName: sites.name,
      siteCity: sites.city,
      communitySlug: communities.slug,
      communityName: communities.name,
      communityColor: communities.color,
    })
    .from(communityEvents)
    .innerJoin(communities, eq(communities.id, communityEvents.communityId))
    .leftJoin(sites, eq(sites.id, communityEvents.siteId))
    .where(and(viewableEvents(viewer), where))
    .orderBy(...order)
    .limit(limit);
  return rows.map(({ event, siteName, siteCity, communitySlug, communityName, communityColor }) => ({
    id: event.id,
    title: event.title,
    format: event.format,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    capacity: event.capacity,
    goingCount: event.goingCount,
    cancelled: event.cancelledAt !== null,
    site: siteName ? { name: siteName, city: siteCity ?? "" } : null,
    community: { slug: communitySlug, name: communityName, color: communityColor },
    hasMaterials: event.slidesUrl !== null || event.tutorialId !== null,
  }));
}
