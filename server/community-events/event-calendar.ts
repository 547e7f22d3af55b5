import { createEvent } from "ics";
import { eq } from "drizzle-orm";
import { sites } from "../../db/schema";
import { markdownToPlainText } from "../content/markdown";
import type { Guilde } from "../context";
import type { Viewer } from "../policy";
import { viewableEvent } from "./access";

/**
 * The event as an iCalendar file (RFC 5545, written by the `ics` library) for "add to my calendar".
 * Times are written in UTC, which every calendar shows in its owner's zone; the UID stays the same, so
 * downloading it again after a change updates the entry instead of adding another.
 */
export async function eventCalendar(
  guilde: Guilde,
  { viewer, eventId, origin, now = new Date() }: { viewer: Viewer; eventId: string; origin: string; now?: Date },
): Promise<{ filename: string; content: string }> {
  const { event } = await viewableEvent(guilde.db, viewer, eventId, { now });
  const [site] = event.siteId ? await guilde.db.select({ name: sites.name, city: sites.city }).from(sites).where(eq(sites.id, event.siteId)) : [];
  const url = `${origin}/events/${event.id}`;
  const location =
    event.format === "online" ? (event.onlineUrl ?? "") : [event.room, site ? `${site.name}, ${site.city}` : null, event.address].filter(Boolean).join(" · ");
  const { error, value } = createEvent({
    productId: "guilde/events",
    uid: `${event.id}@guilde`,
    title: event.title,
    description: `${markdownToPlainText(event.description, 2000)}\n\n${url}`,
    location,
    url,
    start: event.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: event.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    status: event.cancelledAt ? "CANCELLED" : "CONFIRMED",
    // Each change is a new revision of the same entry, for calendars that update what they imported.
    sequence: Math.floor((event.cancelledAt ?? event.editedAt ?? event.createdAt).getTime() / 1000),
  });
  // The library validates what it is given; our own validated row never fails it.
  if (error || !value) throw error ?? new Error("The calendar file could not be written.");
  return { filename: `${event.title.replace(/[^a-zA-Z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "event"}.ics`, content: value };
}
