import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { communities } from "./communities";
import { sites, users } from "./people";
import { posts } from "./posts";

/** Where an event happens: at one of the company's sites (a room, an address), or online (a link). */
export const eventFormat = pgEnum("event_format", ["in_person", "online"]);
/** A person's answer: a seat (going), a place in the queue (waitlisted, when full), or not coming. */
export const rsvpStatus = pgEnum("rsvp_status", ["going", "waitlisted", "not_going"]);

/**
 * An event a community's moderators or monitors announce. Times are stored in UTC with the IANA zone
 * the announcer chose, which the event is shown in. `going_count` is the number of `going` RSVPs, kept
 * in the RSVP's own transaction with the event's row locked, so that it never passes `capacity`.
 */
export const communityEvents = pgTable(
  "community_events",
  {
    id: text("id").primaryKey(),
    communityId: text("community_id")
      .notNull()
      .references(() => communities.id),
    announcedById: text("announced_by_id").references(() => users.id),
    title: text("title").notNull(),
    description: text("description").notNull(),
    descriptionHtml: text("description_html").notNull(),
    format: eventFormat("format").notNull(),
    /** In person: the site it takes place at, the room and the street address (both optional). */
    siteId: text("site_id").references(() => sites.id),
    room: text("room"),
    address: text("address"),
    /** Online: the link to join. */
    onlineUrl: text("online_url"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    timeZone: text("time_zone").notNull(),
    capacity: integer("capacity").notNull(),
    goingCount: integer("going_count").notNull().default(0),
    /** Materials kept after the event: a link to the slides, a tutorial of the community written after it. */
    slidesUrl: text("slides_url"),
    tutorialId: text("tutorial_id").references(() => posts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    /** When the reminder went to the people going: set once, in the reminders' own transaction. */
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
  },
  (table) => [
    index("community_events_community_idx").on(table.communityId, table.startsAt),
    index("community_events_site_idx").on(table.siteId, table.startsAt),
    // The reminder worker's scan: only events still to remind.
    index("community_events_reminder_idx").on(table.startsAt).where(sql`reminded_at is null and cancelled_at is null`),
    check("community_events_capacity_check", sql`capacity > 0 and going_count between 0 and capacity`),
    check("community_events_times_check", sql`ends_at > starts_at`),
  ],
);

/** One answer per person and event. The waitlist is served in the order people joined it (`responded_at`). */
export const eventRsvps = pgTable(
  "event_rsvps",
  {
    eventId: text("event_id")
      .notNull()
      .references(() => communityEvents.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    status: rsvpStatus("status").notNull(),
    respondedAt: timestamp("responded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.eventId, table.userId] }), index("event_rsvps_status_idx").on(table.eventId, table.status, table.respondedAt)],
);

export type CommunityEvent = typeof communityEvents.$inferSelect;
export type EventFormat = (typeof eventFormat.enumValues)[number];
export type RsvpStatus = (typeof rsvpStatus.enumValues)[number];
