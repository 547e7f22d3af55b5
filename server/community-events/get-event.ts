import { and, count, eq, isNull, lt, or, sql } from "drizzle-orm";
import { eventRsvps, posts, sites, tutorials, users } from "../../db/schema";
import type { Guilde } from "../context";
import { can, ensureCan, type Viewer } from "../policy";
import { viewableEvent } from "./access";
import { wallTimeIn } from "./time-zones";

/** Everything an event's page shows, in a fixed number of queries. */
export async function getEvent(guilde: Guilde, { viewer, eventId, now = new Date() }: { viewer: Viewer; eventId: string; now?: Date }) {
  const { event, community, access } = await viewableEvent(guilde.db, viewer, eventId, { now });
  const viewerId = viewer?.id ?? "";
  const [[site], [announcer], [tutorial], [mine], [waiting]] = await Promise.all([
    event.siteId ? guilde.db.select({ name: sites.name, city: sites.city }).from(sites).where(eq(sites.id, event.siteId)) : [],
    event.announcedById ? guilde.db.select({ id: users.id, displayName: users.displayName, role: users.role }).from(users).where(eq(users.id, event.announcedById)) : [],
    // Linked when published in this community: shown while it still is.
    event.tutorialId
      ? guilde.db
          .select({ id: posts.id, title: posts.title })
          .from(posts)
          .innerJoin(tutorials, eq(tutorials.postId, posts.id))
          .where(and(eq(posts.id, event.tutorialId), isNull(posts.deletedAt), isNull(posts.hiddenAt)))
      : [],
    guilde.db
      .select({ status: eventRsvps.status, respondedAt: eventRsvps.respondedAt })
      .from(eventRsvps)
      .where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.userId, viewerId))),
    guilde.db
      .select({ count: count() })
      .from(eventRsvps)
      .where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.status, "waitlisted"))),
  ]);
  // Where the viewer stands in the queue: those who joined it before them, plus one.
  const position =
    mine?.status === "waitlisted"
      ? (
          await guilde.db
            .select({ ahead: count() })
            .from(eventRsvps)
            .where(
              and(
                eq(eventRsvps.eventId, eventId),
                eq(eventRsvps.status, "waitlisted"),
                or(lt(eventRsvps.respondedAt, mine.respondedAt), and(eq(eventRsvps.respondedAt, mine.respondedAt), sql`${eventRsvps.userId} < ${viewerId}`)),
              ),
            )
        )[0].ahead + 1
      : null;

  return {
    event: {
      id: event.id,
      title: event.title,
      descriptionHtml: event.descriptionHtml,
      format: event.format,
      site: site ?? null,
      room: event.room,
      address: event.address,
      onlineUrl: event.onlineUrl,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      timeZone: event.timeZone,
      capacity: event.capacity,
      goingCount: event.goingCount,
      waitlistCount: waiting?.count ?? 0,
      cancelled: access.cancelled,
      started: access.started,
      over: event.endsAt <= now,
      slidesUrl: event.slidesUrl,
      tutorial: tutorial ?? null,
      announcer: announcer ?? null,
    },
    community: { id: community.id, slug: community.slug, name: community.name, color: community.color },
    myRsvp: mine ? { status: mine.status, position } : null,
    may: {
      rsvp: can(viewer, { action: "event.rsvp", event: access }),
      edit: can(viewer, { action: "event.edit", event: access }),
      cancel: can(viewer, { action: "event.cancel", event: access }),
      shareMaterials: can(viewer, { action: "event.shareMaterials", event: access }),
    },
  } as const;
}

export type EventPage = Awaited<ReturnType<typeof getEvent>>;

/** The event as its edit form shows it: times on the venue's clock, in its zone. */
export async function getEventForEdit(guilde: Guilde, { viewer, eventId, now = new Date() }: { viewer: Viewer; eventId: string; now?: Date }) {
  const { event, access } = await viewableEvent(guilde.db, viewer, eventId, { now });
  ensureCan(viewer, { action: "event.edit", event: access });
  return {
    id: event.id,
    values: {
      title: event.title,
      description: event.description,
      format: event.format,
      siteId: event.siteId ?? "",
      room: event.room ?? "",
      address: event.address ?? "",
      onlineUrl: event.onlineUrl ?? "",
      startsAt: wallTimeIn(event.timeZone, event.startsAt),
      endsAt: wallTimeIn(event.timeZone, event.endsAt),
      timeZone: event.timeZone,
      capacity: String(event.capacity),
    },
  };
}
