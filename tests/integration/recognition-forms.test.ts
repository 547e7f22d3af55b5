import { describe, expect, it } from "vitest";
import { kudos } from "../../db/schema";
import { writeTutorial } from "../../server/tutorials/write-tutorial";
import { answer, community, customer, employee, membership, question, site } from "../support/factories";
import { useGuilde } from "../support/guilde";
import { pageText, signedInThroughTheForm } from "../support/http";

const guilde = useGuilde();

async function signedIn(email: string) {
  return signedInThroughTheForm((await guilde.serve()).url, email);
}

/** A page's text without its markup (React separates text nodes with comments). */
describe("thank forms", () => {
  it("thanking an answer on the question page: redirect with a notice, the answer says so, a second time is a 409 with the message", async () => {
    const bikes = await community(guilde);
    const [hugo, lea] = [await employee(guilde), await employee(guilde, { displayName: "Léa Martin" })];
    const asked = await question(guilde, { in: bikes, by: hugo });
    const helpful = await answer(guilde, { to: asked, by: lea });
    const browser = await signedIn(hugo.email);
    const path = `/questions/${asked.id}`;

    expect(await pageText(await browser.get(path))).toContain("Thank Léa Martin for this answer");
    const thanked = await browser.post(path, { intent: "thank", targetId: helpful.id, note: "Saved my Saturday." });
    expect(thanked.status).toBe(302);
    expect(thanked.headers.get("location")).toBe(`${path}?notice=thanked#answer-${helpful.id}`);
    const after = await pageText(await browser.get(`${path}?notice=thanked`));
    expect(after).toContain("Your thanks have been sent.");
    expect(after).toContain("You thanked them for this.");
    expect(after).not.toContain("Thank Léa Martin for this answer");
    expect(await guilde.db.select({ note: kudos.note, receiverId: kudos.receiverId }).from(kudos)).toEqual([{ note: "Saved my Saturday.", receiverId: lea.id }]);

    const again = await browser.post(path, { intent: "thank", targetId: helpful.id, note: "Again" });
    expect(again.status).toBe(409);
    expect(await pageText(again)).toContain("You have already thanked them for this.");
    expect(await guilde.db.select().from(kudos)).toHaveLength(1);
  });

  it("no thank form under one's own answer, and thanking oneself anyway (a forged post, a profile) shows the error", async () => {
    const bikes = await community(guilde);
    const lea = await employee(guilde, { displayName: "Léa Martin" });
    const asked = await question(guilde, { in: bikes, by: await employee(guilde) });
    const own = await answer(guilde, { to: asked, by: lea });
    const browser = await signedIn(lea.email);

    expect(await pageText(await browser.get(`/questions/${asked.id}`))).not.toContain("for this answer");
    const onAnswer = await browser.post(`/questions/${asked.id}`, { intent: "thank", targetId: own.id });
    expect(onAnswer.status).toBe(400);
    expect(await pageText(onAnswer)).toContain("You cannot thank yourself.");

    expect(await pageText(await browser.get(`/users/${lea.id}`))).not.toContain("Thank Léa Martin");
    const onProfile = await browser.post(`/users/${lea.id}`, { intent: "thank", targetId: lea.id });
    expect(onProfile.status).toBe(400);
    expect(await pageText(onProfile)).toContain("You cannot thank yourself.");
    expect(await guilde.db.select().from(kudos)).toEqual([]);
  });

  it("a customer cannot thank an answer in an internal community: 404, nothing written", async () => {
    const store = await community(guilde, { visibility: "internal" });
    const kayak = await community(guilde, { visibility: "open" });
    const asked = await question(guilde, { in: store, by: await employee(guilde) });
    const internal = await answer(guilde, { to: asked, by: await employee(guilde) });
    const bob = await customer(guilde, { invitedTo: kayak });
    const browser = await signedIn(bob.email);

    expect((await browser.post(`/questions/${asked.id}`, { intent: "thank", targetId: internal.id })).status).toBe(404);
    // Nor through a question the customer may read, naming the internal answer.
    const open = await question(guilde, { in: kayak, by: await employee(guilde) });
    expect((await browser.post(`/questions/${open.id}`, { intent: "thank", targetId: internal.id })).status).toBe(404);
    expect(await guilde.db.select().from(kudos)).toEqual([]);
  });

  it("thanking a person on their profile: the note, the giver and their site then show there; a long note is a field error", async () => {
    const grenoble = await site(guilde, { name: "Grenoble Comboire" });
    const hugo = await employee(guilde, { displayName: "Hugo Bernard", site: grenoble });
    const lea = await employee(guilde, { displayName: "Léa Martin" });
    const browser = await signedIn(hugo.email);
    const path = `/users/${lea.id}`;

    const tooLong = await browser.post(path, { intent: "thank", targetId: lea.id, note: "x".repeat(281) });
    expect(tooLong.status).toBe(400);
    const refused = await tooLong.text();
    expect(refused).toContain("A thank-you note is at most 280 characters.");
    expect(refused).toMatch(/<details id="thank-[^"]+" open/);
    expect(await guilde.db.select().from(kudos)).toEqual([]);

    const thanked = await browser.post(path, { intent: "thank", targetId: lea.id, note: "Thanks for the inventory training." });
    expect(thanked.headers.get("location")).toBe(`${path}?notice=thanked#recognition`);
    const profile = await pageText(await browser.get(`${path}?notice=thanked`));
    expect(profile).toContain("Your thanks have been sent.");
    expect(profile).toContain("Thanks for the inventory training.");
    expect(profile).toContain("Hugo Bernard");
    expect(profile).toContain("Grenoble Comboire");
    expect(profile).toContain("for their help");
  });

  it("the profile shows reputation, people and sites helped, accepted answers and tutorials", async () => {
    const bikes = await community(guilde);
    const lea = await employee(guilde, { displayName: "Léa Martin" });
    await membership(guilde, bikes, lea);
    const [hugo, nadia] = [await employee(guilde), await employee(guilde)];
    const browser = await signedIn(hugo.email);
    for (const asker of [hugo, nadia]) {
      const asked = await question(guilde, { in: bikes, by: asker });
      const given = await answer(guilde, { to: asked, by: lea });
      const askerBrowser = asker === hugo ? browser : await signedIn(asker.email);
      expect((await askerBrowser.post(`/questions/${asked.id}`, { intent: "accept", answerId: given.id })).status).toBe(302);
    }
    await writeTutorial(guilde, {
      viewer: lea,
      communityId: bikes.id,
      input: { title: "Truing a wheel", summary: "Bring a buckled wheel back to true with a spoke key.", body: "1. Find the wobble.\n2. Tighten opposite spokes.", difficulty: "beginner", minutes: "20", videoUploadId: "" },
      publish: true,
    });
    const profile = await pageText(await browser.get(`/users/${lea.id}`));
    expect(profile).toContain("Helped 2 colleagues at 2 sites");
    expect(profile).toMatch(/Reputation\s*30/);
    expect(profile).toMatch(/Accepted answers\s*2/);
    expect(profile).toMatch(/Tutorials\s*1/);
  });

  it("thanking a tutorial: not offered to its author, done once by a reader", async () => {
    const bikes = await community(guilde);
    const lea = await employee(guilde, { displayName: "Léa Martin" });
    await membership(guilde, bikes, lea);
    const { tutorialId } = await writeTutorial(guilde, {
      viewer: lea,
      communityId: bikes.id,
      input: { title: "Truing a wheel", summary: "Bring a buckled wheel back to true with a spoke key.", body: "1. Find the wobble.\n2. Tighten opposite spokes.", difficulty: "beginner", minutes: "20", videoUploadId: "" },
      publish: true,
    });
    const path = `/tutorials/${tutorialId}`;
    const author = await signedIn(lea.email);
    expect(await pageText(await author.get(path))).not.toContain("Thank Léa Martin for this tutorial");
    const own = await author.post(path, { intent: "thank", targetId: tutorialId });
    expect(own.status).toBe(400);
    expect(await pageText(own)).toContain("You cannot thank yourself.");

    const reader = await signedIn((await employee(guilde)).email);
    expect(await pageText(await reader.get(path))).toContain("Thank Léa Martin for this tutorial");
    const thanked = await reader.post(path, { intent: "thank", targetId: tutorialId });
    expect(thanked.headers.get("location")).toBe(`${path}?notice=thanked#thank-${tutorialId}`);
    const after = await pageText(await reader.get(`${path}?notice=thanked`));
    expect(after).toContain("Your thanks have been sent.");
    expect(after).toContain("You thanked them for this.");
    const again = await reader.post(path, { intent: "thank", targetId: tutorialId });
    expect(again.status).toBe(409);
    expect(await pageText(again)).toContain("You have already thanked them for this.");
    expect(await guilde.db.select().from(kudos)).toHaveLength(1);
  });
});
