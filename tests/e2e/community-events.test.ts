import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "../../db/schema";
import { announceEvent } from "../../server/community-events/announce-event";
import { respondToEvent } from "../../server/community-events/rsvp";
import { admin, community, employee, membership, site } from "../support/factories";
import { expectAccessible, useBrowser } from "../support/browser";
import { useGuilde } from "../support/guilde";
import { signInThroughTheForm } from "../support/pages";

const guilde = useGuilde();
const browser = useBrowser();

describe("community events in the browser", () => {
  it.each(["en", "fr"] as const)("the events pages pass axe, a full event's waitlist is joined by a plain form, a bad announce shows field errors, the .ics downloads (%s)", async (locale) => {
    const server = await guilde.serve();
    const lille = await site(guilde, { name: "Lille Centre", city: "Lille" });
    const repair = await community(guilde, { name: "Cycling repair", slug: "cycling-repair" });
    const camille = await admin(guilde, { site: lille, locale });
    const lea = await employee(guilde, { site: lille });
    await membership(guilde, repair, camille, "moderator");
    const input = { title: "Bleeding hydraulic brakes", description: "Bring a bike with **hydraulic** brakes.", format: "in_person", siteId: lille.id, room: "Workshop", address: "Rue Neuve", startsAt: "2030-06-01T18:30", endsAt: "2030-06-01T20:00", timeZone: "Europe/Paris", capacity: "1" };
    const { eventId } = await announceEvent(guilde, { viewer: camille, communityId: repair.id, input });
    await respondToEvent(guilde, { viewer: lea, eventId, input: { response: "going" } });
    await announceEvent(guilde, { viewer: camille, communityId: repair.id, input: { ...input, format: "online", onlineUrl: "https://meet.example.com/x", title: "Online clinic" } });
    await guilde.db.update(users).set({ locale }).where(eq(users.id, camille.id));
    const page = await browser.newPage();
    await signInThroughTheForm(page, server.url, camille.email);
    for (const path of ["/", "/c/cycling-repair/events", "/c/cycling-repair/events/new", `/events/${eventId}`, `/events/${eventId}/edit`]) {
      const response = await page.goto(`${server.url}${path}`);
      expect(response?.status(), path).toBe(200);
      expect(await page.locator("h1").count(), `one h1 on ${path}`).toBe(1);
      await expectAccessible(page);
    }
    // Léa took the only place: Camille joins the waitlist through the plain form.
    await page.goto(`${server.url}/events/${eventId}`);
    await page.getByRole("button", { name: locale === "en" ? "Join the waitlist" : "M'inscrire en liste d'attente" }).click();
    await page.waitForURL(/notice=waitlisted/);
    await expectAccessible(page);
    browser.expectConsoleError(/status of 400/);
    // A capacity of 0 comes back with the field's error (a 400 the browser reports).
    await page.goto(`${server.url}/c/cycling-repair/events/new`);
    await page.locator("#field-capacity").fill("0");
    await page.locator("#field-title").fill("Brake clinic");
    await page.getByRole("button", { name: locale === "en" ? "Announce the event" : "Annoncer l'événement" }).click();
    await page.locator("#field-capacity-error").waitFor();
    await expectAccessible(page);
    const ics = await page.request.get(`${server.url}/events/${eventId}.ics`);
    expect(ics.status()).toBe(200);
    expect(ics.headers()["content-type"]).toContain("text/calendar");
    expect(await ics.text()).toContain("BEGIN:VEVENT");
  });
});
