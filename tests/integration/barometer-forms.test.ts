import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { barometerAnswers, barometerRespondents, barometerRounds } from "../../db/schema";
import { answerBarometer } from "../../server/barometers/answer-barometer";
import { openRound } from "../../server/barometers/open-round";
import { admin, community, customer, employee, site } from "../support/factories";
import { useGuilde } from "../support/guilde";
import { pageText, signedInThroughTheForm } from "../support/http";

const guilde = useGuilde();

async function signedIn(email: string) {
  return signedInThroughTheForm((await guilde.serve()).url, email);
}

const answersTo = (roundId: string) => guilde.db.select().from(barometerAnswers).where(eq(barometerAnswers.roundId, roundId));

describe("barometer forms", () => {
  it("an administrator opens a round through the form; a bad title comes back as a field error", async () => {
    const ada = await admin(guilde);
    const browser = await signedIn(ada.email);
    expect(await pageText(await browser.get("/admin/barometers"))).toContain("No round yet.");

    const refused = await browser.post("/admin/barometers", { intent: "open", title: "Q", subject: "Guilde", audience: "employees" });
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toContain("The title must have at least 3 characters.");
    expect(page).toMatch(/aria-invalid="true"[^>]*name="title"|name="title"[^>]*aria-invalid="true"/);
    expect(await guilde.db.select().from(barometerRounds)).toEqual([]);

    const customersWithout = await browser.post("/admin/barometers", { intent: "open", title: "Winter barometer", subject: "Guilde", audience: "customers" });
    expect(customersWithout.status).toBe(400);
    expect(await pageText(customersWithout)).toContain("Choose the community whose customers it asks.");

    const opened = await browser.post("/admin/barometers", { intent: "open", title: "Winter barometer", subject: "Guilde", audience: "employees", closesOn: "" });
    expect(opened.status).toBe(302);
    const [round] = await guilde.db.select().from(barometerRounds);
    expect(round).toMatchObject({ title: "Winter barometer", subject: "Guilde", audience: "employees", closesAt: null, closedAt: null });
    expect(opened.headers.get("location")).toBe(`/admin/barometers?notice=opened#round-${round.id}`);
    const listed = await pageText(await browser.get("/admin/barometers?notice=opened"));
    expect(listed).toContain("The round is open");
    expect(listed).toContain("Winter barometer");
  });

  it("an employee is invited on the home page and answers through the form; a bad score is a 400 field error that writes nothing", async () => {
    const ada = await admin(guilde);
    const { roundId } = await openRound(guilde, { viewer: ada, input: { title: "Winter barometer", subject: "Guilde", audience: "employees" } });
    const lea = await employee(guilde);
    const browser = await signedIn(lea.email);
    const path = `/barometers/${roundId}`;

    const home = await browser.get("/");
    expect(await home.text()).toContain(`href="${path}"`);
    const form = await pageText(await browser.get(path));
    expect(form).toContain("How likely are you to recommend Guilde to a colleague?");

    for (const score of ["11", "", "7.5"]) {
      const refused = await browser.post(path, { score, comment: "Useful" });
      expect(refused.status, score).toBe(400);
      const page = await refused.text();
      expect(page).toContain("Choose a score from 0 to 10.");
      expect(page).toContain('id="score-error"');
    }
    expect(await answersTo(roundId)).toEqual([]);

    const answered = await browser.post(path, { score: "9", comment: "I found a monitor in Lille within an hour." });
    expect(answered.status).toBe(302);
    expect(answered.headers.get("location")).toBe(`${path}?notice=answered`);
    expect(await answersTo(roundId)).toMatchObject([{ score: 9, comment: "I found a monitor in Lille within an hour.", siteId: lea.siteId }]);
    const after = await pageText(await browser.get(`${path}?notice=answered`));
    expect(after).toContain("Thank you: your answer has been recorded.");
    expect(after).toContain("You have already answered this round.");
    expect(await (await browser.get("/")).text()).not.toContain(`href="${path}"`);

    const again = await browser.post(path, { score: "2" });
    expect(again.status).toBe(409);
    expect(await pageText(again)).toContain("You have already answered this round.");
    expect(await answersTo(roundId)).toHaveLength(1);
  });

  it("a closed round says so and refuses answers", async () => {
    const ada = await admin(guilde);
    const { roundId } = await openRound(guilde, { viewer: ada, input: { title: "Winter barometer", subject: "Guilde", audience: "employees" } });
    const adminBrowser = await signedIn(ada.email);
    const closed = await adminBrowser.post("/admin/barometers", { intent: "close", roundId });
    expect(closed.headers.get("location")).toBe(`/admin/barometers/${roundId}?notice=closed`);

    const browser = await signedIn((await employee(guilde)).email);
    expect(await pageText(await browser.get(`/barometers/${roundId}`))).toContain("This round is closed: it no longer takes answers.");
    const refused = await browser.post(`/barometers/${roundId}`, { score: "8" });
    expect(refused.status).toBe(409);
    expect(await pageText(refused)).toContain("This round is closed");
    expect(await answersTo(roundId)).toEqual([]);
  });

  it("results: counts only while open; once closed, per site with its distribution and comments, and “not enough answers” for a small site", async () => {
    const ada = await admin(guilde);
    const { roundId } = await openRound(guilde, { viewer: ada, input: { title: "Winter barometer", subject: "Guilde", audience: "employees" } });
    const [lyon, lille] = [await site(guilde, { name: "Lyon Part-Dieu" }), await site(guilde, { name: "Lille Lomme" })];
    for (const score of [10, 9, 9, 8, 3]) {
      await answerBarometer(guilde, { viewer: await employee(guilde, { site: lyon }), roundId, input: { score: String(score), comment: score === 3 ? "Too many notifications." : undefined } });
    }
    await answerBarometer(guilde, { viewer: await employee(guilde, { site: lille }), roundId, input: { score: "0", comment: "The only comment from Lille" } });
    const browser = await signedIn(ada.email);
    const path = `/admin/barometers/${roundId}`;

    const whileOpen = await pageText(await browser.get(path));
    expect(whileOpen).toContain("6 answers so far. Results show once the round is closed.");
    expect(whileOpen).not.toContain("Too many notifications.");

    expect((await browser.post("/admin/barometers", { intent: "close", roundId })).status).toBe(302);
    const results = await pageText(await browser.get(`${path}?notice=closed`));
    expect(results).toContain("The round is closed: its results are ready.");
    expect(results).toContain("Lyon Part-Dieu");
    // 3 promoters, 1 detractor of 5: +40.
    expect(results).toMatch(/40\s*Recommendation score/);
    expect(results).toContain("Too many notifications.");
    expect(results).toContain("Lille Lomme");
    expect(results).toContain("Not enough answers to show (fewer than 5).");
    expect(results).not.toContain("The only comment from Lille");
    expect(results).toContain("Trend");
  });

  it("non-administrators get a 404 on the administration pages and their forms", async () => {
    const ada = await admin(guilde);
    const { roundId } = await openRound(guilde, { viewer: ada, input: { title: "Winter barometer", subject: "Guilde", audience: "employees" } });
    const browser = await signedIn((await employee(guilde)).email);
    expect((await browser.get("/admin/barometers")).status).toBe(404);
    expect((await browser.get(`/admin/barometers/${roundId}`)).status).toBe(404);
    expect((await browser.post("/admin/barometers", { intent: "open", title: "Rogue round", subject: "Guilde", audience: "employees" })).status).toBe(404);
    expect((await browser.post("/admin/barometers", { intent: "close", roundId })).status).toBe(404);
    expect(await guilde.db.select().from(barometerRounds)).toHaveLength(1);
  });

  it("a customers' round: its community's customers answer it, a customer of another community gets a 404", async () => {
    const ada = await admin(guilde);
    const [kayak, climbing] = [await community(guilde, { visibility: "open" }), await community(guilde, { visibility: "open" })];
    const { roundId } = await openRound(guilde, { viewer: ada, input: { title: "Kayak customers", subject: "the kayak community", audience: "customers", communityId: kayak.id } });
    const path = `/barometers/${roundId}`;

    const outsider = await signedIn((await customer(guilde, { invitedTo: climbing })).email);
    expect((await outsider.get(path)).status).toBe(404);
    expect((await outsider.post(path, { score: "7" })).status).toBe(404);
    expect(await (await outsider.get("/")).text()).not.toContain(`href="${path}"`);

    const insider = await signedIn((await customer(guilde, { invitedTo: kayak })).email);
    expect(await (await insider.get("/")).text()).toContain(`href="${path}"`);
    expect((await insider.post(path, { score: "7" })).status).toBe(302);
    expect(await answersTo(roundId)).toMatchObject([{ score: 7, communityId: kayak.id, siteId: null }]);
    expect(await guilde.db.select().from(barometerRespondents)).toHaveLength(1);
  });
});
