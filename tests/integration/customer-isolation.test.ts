import { describe, expect, it } from "vitest";
import { flags, posts, replies, votes } from "../../db/schema";
import { getProfile } from "../../server/people/get-profile";
import { drainOutbox } from "../../server/search/outbox-worker";
import { searchContent } from "../../server/search/search-content";
import { answer, community, customer, employee, membership, question, site } from "../support/factories";
import { useGuilde } from "../support/guilde";
import { HttpClient } from "../support/http";
import { sessionCookie } from "../support/sockets";

const guilde = useGuilde();

/** Anna, a customer of Kayaking; Karim monitors Kayaking, is a member of Climbing (open) and of Store operations (internal). */
async function world() {
  const lille = await site(guilde, { name: "Lille Centre", city: "Lille" });
  const kayak = await community(guilde, { name: "Kayaking", slug: "kayaking", visibility: "open", premoderation: "off" });
  const climbing = await community(guilde, { name: "Climbing", slug: "climbing", visibility: "open" });
  const store = await community(guilde, { name: "Store operations", slug: "store-operations", visibility: "internal" });
  const karim = await employee(guilde, { displayName: "Karim Benali", site: lille, title: "Workshop lead", bio: "Internal phone: 4521" });
  const anna = await customer(guilde, { displayName: "Anna Paddler", invitedTo: kayak });
  await membership(guilde, kayak, karim, "monitor", { topics: ["rolling"] });
  await membership(guilde, climbing, karim);
  await membership(guilde, store, karim, "moderator");
  const internal = await question(guilde, { in: store, by: karim, title: "Shrinkage figures for the Lille store", tags: [] });
  const internalAnswer = await answer(guilde, { to: internal, by: karim });
  const server = await guilde.serve();
  const browser = new HttpClient(server.url);
  browser.setCookieHeader(await sessionCookie(guilde, anna.id));
  return { kayak, climbing, store, karim, anna, internal, internalAnswer, browser };
}

describe("what a customer sees", () => {
  it("an employee's profile shows only their name, site and monitor marks in open communities", async () => {
    const { karim, anna, browser } = await world();
    const profile = await getProfile(guilde, { viewer: anna, userId: karim.id });
    expect(profile).toMatchObject({ displayName: "Karim Benali", site: { name: "Lille Centre" }, details: null, memberSince: null, account: null });
    expect(profile.communities.map((item) => [item.name, item.role])).toEqual([["Kayaking", "monitor"]]);
    const html = (await (await browser.get(`/users/${karim.id}`)).text()).replace(/<[^>]*>/g, "");
    expect(html).toContain("Lille Centre");
    for (const hidden of ["Store operations", "Climbing", "Workshop lead", "4521", "Member since"]) expect(html).not.toContain(hidden);
  });

  it("crafting an answer, a comment, a vote or a flag on an internal question is a 404, and writes nothing", async () => {
    const { internal, internalAnswer, browser } = await world();
    const before = { replies: (await guilde.db.select().from(replies)).length };
    const crafted: Record<string, string>[] = [
      { intent: "answer", body: "Let me answer this internal question from outside." },
      { intent: "comment", body: "And comment on it too." },
      { intent: "comment", answerId: internalAnswer.id, body: "Or on its answer." },
      { intent: "vote", targetId: internal.id, value: "1" },
      { intent: "vote", targetId: internalAnswer.id, value: "1" },
      { intent: "flag", contentId: internal.id, reason: "spam" },
      { intent: "follow", follow: "true" },
    ];
    for (const form of crafted) {
      expect((await browser.post(`/questions/${internal.id}`, form)).status, form.intent).toBe(404);
    }
    expect((await browser.post("/c/store-operations/ask", { title: "A perfectly fine title", body: "Enough words in the body." })).status).toBe(404);
    expect((await browser.post("/c/store-operations", { intent: "join", communityId: internal.communityId })).status).toBe(404);
    expect(await guilde.db.select().from(replies)).toHaveLength(before.replies);
    expect(await guilde.db.select().from(votes)).toEqual([]);
    expect(await guilde.db.select().from(flags)).toEqual([]);
    expect(await guilde.db.select().from(posts)).toHaveLength(1);
  });

  it("guessed URLs of internal content answer 404, the data API included", async () => {
    const { internal, internalAnswer, browser } = await world();
    for (const path of [
      "/c/store-operations",
      "/c/store-operations/members",
      "/c/store-operations/about",
      "/c/store-operations/ask",
      "/c/store-operations.data",
      `/questions/${internal.id}`,
      `/questions/${internal.id}.data`,
      `/questions/${internal.id}/edit`,
      `/replies/${internalAnswer.id}/edit`,
      `/revisions/${internal.id}`,
      `/revisions/${internalAnswer.id}`,
    ]) {
      expect((await browser.get(path)).status, path).toBe(404);
    }
  });

  it("search finds nothing internal for a customer, not even the internal community's name", async () => {
    const { anna, karim } = await world();
    await drainOutbox(guilde.db, guilde.search);
    const forKarim = await searchContent(guilde, { viewer: karim, input: { q: "shrinkage lille store" } });
    expect(forKarim.results.length).toBeGreaterThan(0);
    for (const q of ["shrinkage lille store", "store operations"]) {
      const found = await searchContent(guilde, { viewer: anna, input: { q } });
      expect(JSON.stringify(found.results), q).not.toMatch(/Shrinkage|Store operations/);
    }
  });

  it("a customer's posts carry a Customer mark wherever their author is shown", async () => {
    const { kayak, karim, anna } = await world();
    const asked = await question(guilde, { in: kayak, by: anna, title: "Which paddle for a 1.60 m paddler?" });
    await answer(guilde, { to: asked, by: karim });
    const server = await guilde.serve();
    const colleague = new HttpClient(server.url);
    colleague.setCookieHeader(await sessionCookie(guilde, karim.id));
    const customerMark = /Anna Paddler<\/a>\s*<span[^>]*>Customer<\/span>/;
    for (const path of ["/c/kayaking", `/questions/${asked.id}`, `/revisions/${asked.id}`, "/"]) {
      expect(await (await colleague.get(path)).text(), path).toMatch(customerMark);
    }
  });
});
