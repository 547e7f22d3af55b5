import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { communityEvents, eventRsvps, notifications, type Community, type User } from "../../db/schema";
import { announceEvent } from "../../server/community-events/announce-event";
import { cancelEvent } from "../../server/community-events/cancel-event";
import { editEvent } from "../../server/community-events/edit-event";
import { eventCalendar } from "../../server/community-events/event-calendar";
import { getEvent, getEventForEdit } from "../../server/community-events/get-event";
import { communityEventsPage, upcomingEventsAtMySite } from "../../server/community-events/list-events";
import { respondToEvent } from "../../server/community-events/rsvp";
import { sendEventReminders, startEventReminderWorker } from "../../server/community-events/send-event-reminders";
import { shareEventMaterials } from "../../server/community-events/share-event-materials";
import { Conflict, Forbidden, Invalid, NotFound } from "../../server/errors";
import { listNotifications } from "../../server/notifications/list-notifications";
import { writeTutorial } from "../../server/tutorials/write-tutorial";
import { seedDemoEvents } from "../../db/demo-events";
import { community, customer, employee, membership, site } from "../support/factories";
import { useGuilde } from "../support/guilde";

const guilde = useGuilde();

/** The services' clock in these tests: 1 December 2026, 09:00 UTC (10:00 in Paris). */
const now = new Date("2026-12-01T09:00:00Z");
const later = (hours: number) => new Date(now.getTime() + hours * 3600_000);

/** Cycling repair: Hugo moderates, Karim is a monitor, Léa a member at Lyon; Lille hosts workshops. */
async function cycling() {
  const lille = await site(guilde, { name: "Lille Centre", city: "Lille" });
  const lyon = await site(guilde, { name: "Lyon Part-Dieu", city: "Lyon" });
  const repair = await community(guilde, { name: "Cycling repair", slug: "cycling-repair" });
  const hugo = await employee(guilde, { site: lille, displayName: "Hugo Martin" });
  const karim = await employee(guilde, { site: lille, displayName: "Karim Benali" });
  const lea = await employee(guilde, { site: lyon, displayName: "Léa Dubois" });
  await membership(guilde, repair, hugo, "moderator");
  await membership(guilde, repair, karim, "monitor", { topics: ["freins"] });
  await membership(guilde, repair, lea);
  return { lille, lyon, repair, hugo, karim, lea };
}

const workshop = (siteId: string, override: Record<string, string> = {}) => ({
  title: "Bleeding hydraulic brakes",
  description: "Bring a bike with **hydraulic** brakes; we bleed them together.",
  format: "in_person",
  siteId,
  room: "Workshop, first floor",
  address: "12 rue Nationale, Lille",
  startsAt: "2026-12-03T18:30",
  endsAt: "2026-12-03T20:00",
  timeZone: "Europe/Paris",
  capacity: "10",
  ...override,
});

async function announce(where: Community, by: User, input: Record<string, string>, at = now) {
  return (await announceEvent(guilde, { viewer: by, communityId: where.id, input, now: at })).eventId;
}

const eventRow = async (eventId: string) => (await guilde.db.select().from(communityEvents).where(eq(communityEvents.id, eventId)))[0];
const rsvps = async (eventId: string, status: "going" | "waitlisted" | "not_going") =>
  guilde.db
    .select()
    .from(eventRsvps)
    .where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.status, status)))
    .orderBy(asc(eventRsvps.respondedAt), asc(eventRsvps.userId));
const kindsFor = async (userId: string) =>
  (await guilde.db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.userId, userId))).map((row) => row.kind).sort();

describe("announcing", () => {
  it("stores the time in UTC with the venue's zone, and shows it back on the venue's clock", async () => {
    const { repair, hugo, lille } = await cycling();
    const eventId = await announce(repair, hugo, workshop(lille.id));
    const row = await eventRow(eventId);
    // 18:30 in Paris in December is 17:30 UTC.
    expect(row).toMatchObject({ startsAt: new Date("2026-12-03T17:30:00Z"), endsAt: new Date("2026-12-03T19:00:00Z"), timeZone: "Europe/Paris", capacity: 10, goingCount: 0 });
    expect(row.descriptionHtml).toContain("<strong>hydraulic</strong>");
    const page = await getEvent(guilde, { viewer: hugo, eventId, now });
    expect(page.event).toMatchObject({ format: "in_person", site: { name: "Lille Centre", city: "Lille" }, room: "Workshop, first floor", cancelled: false });
    expect((await getEventForEdit(guilde, { viewer: hugo, eventId, now })).values).toMatchObject({ startsAt: "2026-12-03T18:30", endsAt: "2026-12-03T20:00" });
  });

  it("an online event keeps its link and no place; New York's clock is read in New York", async () => {
    const { repair, karim } = await cycling();
    const eventId = await announce(repair, karim, {
      ...workshop(""),
      format: "online",
      onlineUrl: "https://meet.example.com/brakes",
      timeZone: "America/New_York",
      startsAt: "2026-12-03T12:00",
      endsAt: "2026-12-03T13:00",
    });
    expect(await eventRow(eventId)).toMatchObject({ format: "online", onlineUrl: "https://meet.example.com/brakes", siteId: null, room: null, startsAt: new Date("2026-12-03T17:00:00Z") });
  });

  it.each([
    ["a start in the past", { startsAt: "2026-11-30T18:30", endsAt: "2026-11-30T20:00" }, "startsAt"],
    ["a capacity of 0", { capacity: "0" }, "capacity"],
    ["a capacity that is no number", { capacity: "ten" }, "capacity"],
    ["an unknown time zone", { timeZone: "Mars/Olympus_Mons" }, "timeZone"],
    ["an hour the clock skips (summer time)", { startsAt: "2027-03-28T02:30", endsAt: "2027-03-28T04:00" }, "startsAt"],
    ["an end before the start", { endsAt: "2026-12-03T17:00" }, "endsAt"],
    ["no site for an in-person event", { siteId: "" }, "siteId"],
    ["a site that does not exist", { siteId: "nowhere" }, "siteId"],
    ["no link for an online event", { format: "online", onlineUrl: "" }, "onlineUrl"],
    ["a link that is not https", { format: "online", onlineUrl: "javascript:alert(1)" }, "onlineUrl"],
    ["a short title", { title: "Bike" }, "title"],
  ])("refuses %s with a field error and stores nothing", async (_case, override, field) => {
    const { repair, hugo, lille } = await cycling();
    const error = await announce(repair, hugo, workshop(lille.id, override)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Invalid);
    expect(Object.keys((error as Invalid).fieldErrors)).toEqual([field]);
    expect(await guilde.db.select().from(communityEvents)).toHaveLength(0);
  });

  it("moderators and monitors announce; members, other employees and customers may not; outsiders of a private community get a 404", async () => {
    const { repair, lea, lille } = await cycling();
    const outsider = await employee(guilde);
    const kayak = await community(guilde, { visibility: "open" });
    const bob = await customer(guilde, { invitedTo: kayak });
    const secret = await community(guilde, { visibility: "private" });
    await expect(announce(repair, lea, workshop(lille.id))).rejects.toThrow(Forbidden);
    await expect(announce(repair, outsider, workshop(lille.id))).rejects.toThrow(Forbidden);
    await expect(announce(kayak, bob, workshop(lille.id))).rejects.toThrow(Forbidden);
    await expect(announce(secret, outsider, workshop(lille.id))).rejects.toThrow(NotFound);
    expect(await guilde.db.select().from(communityEvents)).toHaveLength(0);
  });
});

describe("RSVP", () => {
  it("answering twice is a clear conflict and loses nothing; giving up the seat frees it", async () => {
    const { repair, hugo, lea, lille } = await cycling();
    const eventId = await announce(repair, hugo, workshop(lille.id));
    expect(await respondToEvent(guilde, { viewer: lea, eventId, input: { response: "going" }, now })).toEqual({ status: "going" });
    const error = await respondToEvent(guilde, { viewer: lea, eventId, input: { response: "going" }, now }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Conflict).message).toBe("events.errors.already.going");
    expect((await eventRow(eventId)).goingCount).toBe(1);
    expect(await rsvps(eventId, "going")).toHaveLength(1);
    await expect(respondToEvent(guilde, { viewer: lea, eventId, input: { response: "maybe" }, now })).rejects.toThrow(Invalid);

    expect(await respondToEvent(guilde, { viewer: lea, eventId, input: { response: "not_going" }, now })).toEqual({ status: "not_going" });
    await expect(respondToEvent(guilde, { viewer: lea, eventId, input: { response: "not_going" }, now })).rejects.toThrow(Conflict);
    expect((await eventRow(eventId)).goingCount).toBe(0);
    expect((await getEvent(guilde, { viewer: lea, eventId, now })).myRsvp).toEqual({ status: "not_going", position: null });
  });

  it("capacity 10 and 40 concurrent RSVPs: exactly 10 going and 30 waitlisted; a seat given up goes to the first waiting, who is told", async () => {
    const { repair, hugo, lille } = await cycling();
    const eventId = await announce(repair, hugo, workshop(lille.id, { capacity: "10" }));
    const people = await Promise.all(Array.from({ length: 40 }, () => employee(guilde)));
    // Each answers at a distinct moment (the waitlist's order), all at once.
    const results = await Promise.allSettled(
      people.map((person, index) => respondToEvent(guilde, { viewer: person, eventId, input: { response: "going" }, now: new Date(now.getTime() + index) })),
    );
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    const going = await rsvps(eventId, "going");
    const waiting = await rsvps(eventId, "waitlisted");
    expect([going.length, waiting.length, (await eventRow(eventId)).goingCount]).toEqual([10, 30, 10]);

    const first = waiting[0].userId;
    const leaving = people.find((person) => person.id === going[3].userId)!;
    const page = await getEvent(guilde, { viewer: people.find((person) => person.id === waiting[1].userId)!, eventId, now });
    expect(page.myRsvp).toEqual({ status: "waitlisted", position: 2 });

    await respondToEvent(guilde, { viewer: leaving, eventId, input: { response: "not_going" }, now: later(1) });
    expect((await rsvps(eventId, "going")).map((row) => row.userId)).toContain(first);
    expect([(await rsvps(eventId, "going")).length, (await rsvps(eventId, "waitlisted")).length, (await eventRow(eventId)).goingCount]).toEqual([10, 29, 10]);
    expect(await kindsFor(first)).toEqual(["event_promoted"]);
    const told = await listNotifications(guilde, { viewer: people.find((person) => person.id === first)!, limit: 10 });
    expect(told.items[0]).toMatchObject({ kind: "event_promoted", eventId, summary: { title: "Bleeding hydraulic brakes" } });
  });

  it("the same person clicking twice at once holds one seat", async () => {
    const { repair, hugo, lea, lille } = await cycling();
    const eventId = await announce(repair, hugo, workshop(lille.id));
    const results = await Promise.allSettled([1, 2, 3].map(() => respondToEvent(guilde, { viewer: lea, eventId, input: { response: "going" }, now })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect((await eventRow(eventId)).goingCount).toBe(1);
  });

  it("who may answer: readers of the community, customers in the open community they joined; not after it started, nor once cancelled", async () => {
    const { repair, hugo, lille, lea } = await cycling();
    const passerby = await employee(guilde);
    const kayak = await community(guilde, { visibility: "open" });
    const sophie = await employee(guilde, { site: lille });
    await membership(guilde, kayak, sophie, "monitor");
    const bob = await customer(guilde, { invitedTo: kayak });
    const stranger = await customer(guilde);
    const secret = await community(guilde, { visibility: "private" });
    await membership(guilde, secret, hugo, "moderator");

    const internal = await announce(repair, hugo, workshop(lille.id));
    const open = await announce(kayak, sophie, workshop(lille.id, { title: "Rolling practice at the pool" }));
    const hidden = await announce(secret, hugo, workshop(lille.id, { title: "Pricing committee dinner" }));
    const going = { response: "going" };
    // An employee reads an internal community without joining it.
    await expect(respondToEvent(guilde, { viewer: passerby, eventId: internal, input: going, now })).resolves.toEqual({ status: "going" });
    await expect(respondToEvent(guilde, { viewer: bob, eventId: open, input: going, now })).resolves.toEqual({ status: "going" });
    await expect(respondToEvent(guilde, { viewer: bob, eventId: internal, input: going, now })).rejects.toThrow(NotFound);
    await expect(respondToEvent(guilde, { viewer: stranger, eventId: open, input: going, now })).rejects.toThrow(NotFound);
    await expect(respondToEvent(guilde, { viewer: lea, eventId: hidden, input: going, now })).rejects.toThrow(NotFound);
    await expect(getEvent(guilde, { viewer: lea, eventId: hidden, now })).rejects.toThrow(NotFound);

    // 3 December 18:30 in Paris has come.
    await expect(respondToEvent(guilde, { viewer: lea, eventId: internal, input: going, now: new Date("2026-12-03T17:30:00Z") })).rejects.toThrow(Forbidden);
    await cancelEvent(guilde, { viewer: sophie, eventId: open, input: { note: "The pool is closed." }, now });
    await expect(respondToEvent(guilde, { viewer: lea, eventId: open, input: going, now })).rejects.toThrow(Forbidden);
  });
});

describe("editing and cancelling", () => {
  it("the capacity may not drop below the people going; raising it seats the people waiting longest", async () => {
    const { repair, hugo, lille } = await cycling();
    const eventId = await announce(repair, hugo, workshop(lille.id, { capacity: "2" }));
    const people = await Promise.all(Array.from({ length: 5 }, () => employee(guilde)));
    for (const [index, person] of people.entries()) await respondToEvent(guilde, { viewer: person, eventId, input: { response: "going" }, now: later(index) });
    const error = await editEvent(guilde, { viewer: hugo, eventId, input: workshop(lille.id, { capacity: "1" }), now }).catch((caught: unknown) => caught);
    expect((error as Invalid).fieldErrors).toEqual({ capacity: ["events.errors.capacityBelowGoing"] });

    await editEvent(guilde, { viewer: hugo, eventId, input: workshop(lille.id, { capacity: "4", title: "Bleeding brakes, second session" }), now: later(10) });
    expect(await eventRow(eventId)).toMatchObject({ capacity: 4, goingCount: 4, title: "Bleeding brakes, second session" });
    expect((await rsvps(eventId, "waitlisted")).map((row) => row.userId)).toEqual([people[4].id]);
    expect(await kindsFor(people[2].id)).toEqual(["event_promoted"]);
    expect(await kindsFor(people[4].id)).toEqual([]);
  });

  it("a monitor runs the events they announced, not another's; moderators run every one; a cancelled event tells who was coming", async () => {
    const { repair, hugo, karim, lea, lille } = await cycling();
    const byHugo = await announce(repair, hugo, workshop(lille.id));
    const byKarim = await announce(repair, karim, workshop(lille.id, { capacity: "1" }));
    await expect(editEvent(guilde, { viewer: karim, eventId: byHugo, input: workshop(lille.id), now })).rejects.toThrow(Forbidden);
    await expect(cancelEvent(guilde, { viewer: karim, eventId: byHugo, input: {}, now })).rejects.toThrow(Forbidden);
    await expect(cancelEvent(guilde, { viewer: lea, eventId: byKarim, input: {}, now })).rejects.toThrow(Forbidden);

    const waiting = await employee(guilde);
    await respondToEvent(guilde, { viewer: lea, eventId: byKarim, input: { response: "going" }, now });
    await respondToEvent(guilde, { viewer: waiting, eventId: byKarim, input: { response: "going" }, now });
    await cancelEvent(guilde, { viewer: hugo, eventId: byKarim, input: { note: "The workshop floods." }, now });
    expect(await kindsFor(lea.id)).toEqual(["event_cancelled"]);
    expect(await kindsFor(waiting.id)).toEqual(["event_cancelled"]);
    expect((await getEvent(guilde, { viewer: lea, eventId: byKarim, now })).event.cancelled).toBe(true);
    await expect(cancelEvent(guilde, { viewer: hugo, eventId: byKarim, input: {}, now })).rejects.toThrow(Forbidden);
  });

  it("after the event, its runner shares the slides and a tutorial of the community, which its page keeps", async () => {
    const { repair, hugo, karim, lea, lille } = await cycling();
    const eventId = await announce(repair, karim, workshop(lille.id));
    const tutorialInput = (title: string) => ({
      title,
      summary: "How to bleed hydraulic brakes, as shown at the workshop.",
      body: "1. Remove the wheel.\n2. Fit the bleed kit.\n3. Push fluid up.",
      difficulty: "intermediate",
      minutes: "30",
    });
    const { tutorialId } = await writeTutorial(guilde, { viewer: karim, communityId: repair.id, input: tutorialInput("Bleeding hydraulic brakes, step by step"), publish: true });
    const elsewhere = await community(guilde);
    await membership(guilde, elsewhere, karim);
    const { tutorialId: foreign } = await writeTutorial(guilde, { viewer: karim, communityId: elsewhere.id, input: tutorialInput("Tuning a derailleur"), publish: true });
    const after = new Date("2026-12-04T09:00:00Z");

    const nextWeek = { startsAt: "2026-12-10T18:30", endsAt: "2026-12-10T20:00" };
    await expect(editEvent(guilde, { viewer: karim, eventId, input: workshop(lille.id, nextWeek), now: after })).rejects.toThrow(Forbidden);
    await expect(shareEventMaterials(guilde, { viewer: lea, eventId, input: { slidesUrl: "https://slides.example.com/brakes" }, now: after })).rejects.toThrow(Forbidden);
    const error = await shareEventMaterials(guilde, { viewer: karim, eventId, input: { tutorial: `/tutorials/${foreign}` }, now: after }).catch((caught: unknown) => caught);
    expect((error as Invalid).fieldErrors).toEqual({ tutorial: ["events.errors.tutorialNotInCommunity"] });
    await shareEventMaterials(guilde, { viewer: karim, eventId, input: { slidesUrl: "https://slides.example.com/brakes", tutorial: `https://guilde.test/tutorials/${tutorialId}` }, now: after });

    const page = await getEvent(guilde, { viewer: lea, eventId, now: after });
    expect(page.event).toMatchObject({ over: true, slidesUrl: "https://slides.example.com/brakes", tutorial: { id: tutorialId, title: "Bleeding hydraulic brakes, step by step" } });
    expect(page.may).toEqual({ rsvp: false, edit: false, cancel: false, shareMaterials: false });
    const tab = await communityEventsPage(guilde, { viewer: hugo, slug: repair.slug, now: after });
    expect(tab.readable && tab.past.map((event) => [event.id, event.hasMaterials])).toEqual([[eventId, true]]);
  });
});

describe("reminders", () => {
  it("the people going are reminded once, about 24 hours before, however often the worker turns", async () => {
    const { repair, hugo, lea, lille } = await cycling();
    const eventId = await announce(repair, hugo, workshop(lille.id));
    const skipping = await employee(guilde);
    await respondToEvent(guilde, { viewer: lea, eventId, input: { response: "going" }, now });
    await respondToEvent(guilde, { viewer: skipping, eventId, input: { response: "not_going" }, now });

    // Starts 3 December 17:30 UTC: 56.5 hours from now, then 23.5.
    expect(await sendEventReminders(guilde, { now })).toBe(0);
    const dayBefore = new Date("2026-12-02T18:00:00Z");
    let clock = dayBefore;
    const worker = startEventReminderWorker(guilde, { everyMs: 3_600_000, clock: () => clock });
    await worker.tick();
    clock = new Date("2026-12-03T09:00:00Z");
    expect(await worker.tick()).toBe(0);
    await worker.stop();
    expect(await Promise.all([sendEventReminders(guilde, { now: dayBefore }), sendEventReminders(guilde, { now: dayBefore })])).toEqual([0, 0]);

    expect(await kindsFor(lea.id)).toEqual(["event_reminder"]);
    expect(await kindsFor(skipping.id)).toEqual([]);
    expect((await eventRow(eventId)).remindedAt).toEqual(dayBefore);
  });

  it("a cancelled event is not reminded", async () => {
    const { repair, hugo, lea, lille } = await cycling();
    const eventId = await announce(repair, hugo, workshop(lille.id));
    await respondToEvent(guilde, { viewer: lea, eventId, input: { response: "going" }, now });
    await cancelEvent(guilde, { viewer: hugo, eventId, input: {}, now });
    expect(await sendEventReminders(guilde, { now: new Date("2026-12-02T18:00:00Z") })).toBe(0);
    expect(await kindsFor(lea.id)).toEqual(["event_cancelled"]);
  });
});

describe("lists and calendar", () => {
  it("the Events tab lists what is coming; the home page shows upcoming events at my site, in communities I may read", async () => {
    const { repair, hugo, lea, lille, lyon } = await cycling();
    const atLille = await announce(repair, hugo, workshop(lille.id));
    const atLyon = await announce(repair, hugo, workshop(lyon.id, { title: "Wheel truing at Lyon", startsAt: "2026-12-05T10:00", endsAt: "2026-12-05T12:00" }));
    await announce(repair, hugo, { ...workshop(""), format: "online", onlineUrl: "https://meet.example.com/x", title: "Online gears clinic", startsAt: "2026-12-04T18:30", endsAt: "2026-12-04T19:30" });
    const secret = await community(guilde, { visibility: "private" });
    await membership(guilde, secret, hugo, "moderator");
    await announce(secret, hugo, workshop(lyon.id, { title: "Pricing committee dinner" }));

    const tab = await communityEventsPage(guilde, { viewer: lea, slug: repair.slug, now });
    expect(tab.readable && tab.upcoming.map((event) => event.title)).toEqual(["Bleeding hydraulic brakes", "Online gears clinic", "Wheel truing at Lyon"]);
    expect(tab.readable && tab.mayAnnounce).toBe(false);
    expect((await upcomingEventsAtMySite(guilde, { viewer: lea, now })).map((event) => event.id)).toEqual([atLyon]);
    expect((await upcomingEventsAtMySite(guilde, { viewer: hugo, now })).map((event) => event.id)).toEqual([atLille]);
    expect(await upcomingEventsAtMySite(guilde, { viewer: hugo, now: new Date("2026-12-04T00:00:00Z") })).toEqual([]);
  });

  it("the .ics file holds the event in UTC with a stable UID; it is refused to whoever may not read the community", async () => {
    const { repair, hugo, lille } = await cycling();
    const eventId = await announce(repair, hugo, workshop(lille.id, { title: "Brakes; bleeding, and more" }));
    const { filename, content: folded } = await eventCalendar(guilde, { viewer: hugo, eventId, origin: "https://guilde.test", now });
    expect(filename).toBe("Brakes-bleeding-and-more.ics");
    // Long lines are folded at 75 octets (RFC 5545): read them unfolded.
    const content = folded.replace(/\r\n[ \t]/g, "");
    expect(content).toContain("BEGIN:VCALENDAR");
    expect(content).toContain(`UID:${eventId}@guilde`);
    expect(content).toContain("DTSTART:20261203T173000Z");
    expect(content).toContain("DTEND:20261203T190000Z");
    expect(content).toContain("SUMMARY:Brakes\\; bleeding\\, and more");
    expect(content).toContain("LOCATION:Workshop\\, first floor · Lille Centre\\, Lille · 12 rue Nationale\\, Lille");
    const kayak = await community(guilde, { visibility: "open" });
    const bob = await customer(guilde, { invitedTo: kayak });
    await expect(eventCalendar(guilde, { viewer: bob, eventId, origin: "https://guilde.test", now })).rejects.toThrow(NotFound);
  });
});

describe("demo", () => {
  it("seeds two upcoming events, one at a site and one online, with people going", async () => {
    const { repair, hugo, karim, lea } = await cycling();
    const whitewater = await community(guilde, { slug: "whitewater", visibility: "open" });
    const sophie = await employee(guilde);
    await membership(guilde, whitewater, sophie, "monitor");
    const people: Record<string, User> = { "hugo.martin": hugo, "karim.benali": karim, "lea.dubois": lea, "thomas.petit": await employee(guilde), "sophie.moreau": sophie, "emma.roux": await employee(guilde) };
    await seedDemoEvents(guilde, { person: (handle) => people[handle], communityIds: new Map([["cycling-repair", repair.id], ["whitewater", whitewater.id]]) });
    const rows = await guilde.db.select().from(communityEvents).orderBy(asc(communityEvents.startsAt));
    expect(rows.map((row) => [row.format, row.goingCount])).toEqual([["in_person", 3], ["online", 1]]);
    expect(rows.every((row) => row.startsAt > new Date())).toBe(true);
    expect(rows[0].siteId).toBe(hugo.siteId);
  });
});
