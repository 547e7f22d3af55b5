import { eq } from "drizzle-orm";
import type { Transaction } from "../../db/client";
import { newId } from "../../db/ids";
import { communityEvents, sites } from "../../db/schema";
import { loadCommunity } from "../communities/access";
import { renderMarkdown } from "../content/markdown";
import type { Guilde } from "../context";
import { write } from "../events";
import { Invalid, NotFound } from "../errors";
import { can, ensureCan, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { eventSchema, type EventDetails, type EventInput } from "./schemas";

/**
 * A moderator or monitor announces an event in their community: at a site or online, at a time in
 * the venue's time zone, for a number of people. It must start after `now`.
 */
export async function announceEvent(
  guilde: Guilde,
  { viewer, communityId, input, now = new Date() }: { viewer: Viewer; communityId: string; input: Untrusted<EventInput>; now?: Date },
): Promise<{ eventId: string }> {
  const details = parseInput(eventSchema(now), input);
  const descriptionHtml = renderMarkdown(details.description);
  return write(guilde, async (tx) => {
    const loaded = await loadCommunity(tx, viewer, { id: communityId });
    if (!loaded || !can(viewer, { action: "community.read", community: loaded.access })) throw new NotFound();
    ensureCan(viewer, { action: "event.announce", community: loaded.access });
    await ensureSiteExists(tx, details);

    const eventId = newId();
    await tx.insert(communityEvents).values({ id: eventId, communityId, announcedById: viewer.id, ...details, descriptionHtml, createdAt: now });
    return { eventId };
  });
}

/** An in-person event's site must be one of the company's. */
export async function ensureSiteExists(tx: Transaction, details: EventDetails): Promise<void> {
  if (!details.siteId) return;
  const [site] = await tx.select({ id: sites.id }).from(sites).where(eq(sites.id, details.siteId));
  if (!site) throw new Invalid({ siteId: ["events.errors.siteUnknown"] });
}

/** The community an announce form posts to, found by its address: 404 when the viewer may not read it, 403 when they may not announce there. */
export async function communityToAnnounceIn(guilde: Guilde, { viewer, slug }: { viewer: Viewer; slug: string }) {
  const loaded = await loadCommunity(guilde.db, viewer, { slug });
  if (!loaded || !can(viewer, { action: "community.read", community: loaded.access })) throw new NotFound();
  ensureCan(viewer, { action: "event.announce", community: loaded.access });
  return { id: loaded.community.id, slug: loaded.community.slug, name: loaded.community.name };
}
