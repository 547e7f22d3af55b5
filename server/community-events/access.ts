import { and, eq } from "drizzle-orm";
import type { Database, Transaction } from "../../db/client";
import { communities, communityEvents, communityMembers, type Community, type CommunityEvent } from "../../db/schema";
import { communityAccess } from "../communities/access";
import { NotFound } from "../errors";
import { can, type CommunityAccess, type EventAccess, type Viewer } from "../policy";

export interface LoadedEvent {
  event: CommunityEvent;
  community: Community;
  access: EventAccess;
}

/** What the policy needs of an event, in a community whose access (with someone's membership) is known, at `now`. */
export function eventAccessIn(event: Pick<CommunityEvent, "announcedById" | "cancelledAt" | "startsAt">, community: CommunityAccess, now: Date): EventAccess {
  return { community, announcedById: event.announcedById, cancelled: event.cancelledAt !== null, started: event.startsAt <= now };
}

/**
 * An event with its community and the viewer's membership there, in one query. `lock: "update"` takes
 * the event's row: every RSVP, cancellation and change of capacity does, so they queue on it and a
 * seat is always decided on the latest count.
 */
export async function loadEvent(
  db: Database | Transaction,
  viewer: Viewer,
  eventId: string,
  { now, lock }: { now: Date; lock?: "update" },
): Promise<LoadedEvent | null> {
  const query = db
    .select({ event: communityEvents, community: communities, role: communityMembers.role, status: communityMembers.status })
    .from(communityEvents)
    .innerJoin(communities, eq(communities.id, communityEvents.communityId))
    .leftJoin(communityMembers, and(eq(communityMembers.communityId, communityEvents.communityId), eq(communityMembers.userId, viewer?.id ?? "")))
    .where(eq(communityEvents.id, eventId));
  const [row] = lock ? await query.for(lock, { of: communityEvents }) : await query;
  if (!row) return null;
  const membership = row.role && row.status ? { role: row.role, status: row.status } : null;
  return { event: row.event, community: row.community, access: eventAccessIn(row.event, communityAccess(row.community, membership), now) };
}

/** An event the viewer may see, or `NotFound` (never confirming that one they may not see exists). */
export async function viewableEvent(
  db: Database | Transaction,
  viewer: Viewer,
  eventId: string,
  options: { now: Date; lock?: "update" },
): Promise<LoadedEvent> {
  const loaded = await loadEvent(db, viewer, eventId, options);
  if (!loaded || !can(viewer, { action: "event.view", event: loaded.access })) throw new NotFound();
  return loaded;
}
