import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { posts, replies, votes } from "../../db/schema";
import { answer, community, customer, employee, membership, question } from "../support/factories";
import { useGuilde } from "../support/guilde";
import { signedInThroughTheForm } from "../support/http";

const guilde = useGuilde();

async function signedIn(email: string) {
  return signedInThroughTheForm((await guilde.serve()).url, email);
}

/** Bad input through the real forms: a clear 4xx with the error on the page, never a 500, nothing changed. */
describe("question forms refuse bad input", () => {
  it.each([
    ["an empty title", { title: "", body: "Enough words in the body of this question." }, 400, "The title must have at least 10 characters."],
    ["a 300-character title", { title: "t".repeat(300), body: "Enough words in the body of this question." }, 400, "The title must have at most 150 characters."],
    ["a 200 KB body", { title: "A perfectly fine title", body: "b".repeat(200_000) }, 400, "This text is too long"],
    ["six tags", { title: "A perfectly fine title", body: "Enough words in the body of this question.", tags: "a, b, c, d, e, f" }, 400, "At most 5 tags."],
  ])("asking with %s", async (_case, form, status, message) => {
    const cycling = await community(guilde, { slug: "cycling-repair" });
    const lea = await employee(guilde);
    await membership(guilde, cycling, lea);
    const browser = await signedIn(lea.email);
    const response = await browser.post("/c/cycling-repair/ask", form);
    expect(response.status).toBe(status);
    expect(await response.text()).toContain(message);
    expect(await guilde.db.select().from(posts)).toEqual([]);
  });

  it("asking in an unknown community is a 404", async () => {
    const lea = await employee(guilde);
    const browser = await signedIn(lea.email);
    expect((await browser.post("/c/nowhere/ask", { title: "A perfectly fine title", body: "Enough words in the body." })).status).toBe(404);
  });

  it("a customer crafting a post into an internal community gets a 404", async () => {
    await community(guilde, { slug: "store-operations", visibility: "internal" });
    const bob = await customer(guilde);
    const browser = await signedIn(bob.email);
    const response = await browser.post("/c/store-operations/ask", { title: "A perfectly fine title", body: "Enough words in the body." });
    expect(response.status).toBe(404);
    expect(await guilde.db.select().from(posts)).toEqual([]);
  });

  it("voting twice, on one's own post, or with a forged value", async () => {
    const cycling = await community(guilde);
    const [lea, karim] = [await employee(guilde), await employee(guilde)];
    const asked = await question(guilde, { in: cycling, by: lea });
    const karimBrowser = await signedIn(karim.email);
    const leaBrowser = await signedIn(lea.email);
    const path = `/questions/${asked.id}`;

    expect((await karimBrowser.post(path, { intent: "vote", targetId: asked.id, value: "1" })).status).toBe(302);
    expect((await karimBrowser.post(path, { intent: "vote", targetId: asked.id, value: "1" })).status).toBe(302);
    expect((await karimBrowser.post(path, { intent: "vote", targetId: asked.id, value: "99" })).status).toBe(400);
    expect((await leaBrowser.post(path, { intent: "vote", targetId: asked.id, value: "1" })).status).toBe(403);
    const [row] = await guilde.db.select({ score: posts.score }).from(posts).where(eq(posts.id, asked.id));
    expect(row.score).toBe(1);
    expect(await guilde.db.select().from(votes)).toHaveLength(1);
  });

  it("accepting on someone else's question, answering a closed one, editing someone else's post, an unknown intent", async () => {
    const cycling = await community(guilde);
    const [lea, karim, hugo] = [await employee(guilde), await employee(guilde), await employee(guilde)];
    await membership(guilde, cycling, hugo, "moderator");
    const asked = await question(guilde, { in: cycling, by: lea });
    const given = await answer(guilde, { to: asked, by: karim });
    const karimBrowser = await signedIn(karim.email);
    const hugoBrowser = await signedIn(hugo.email);
    const path = `/questions/${asked.id}`;

    expect((await karimBrowser.post(path, { intent: "accept", answerId: given.id })).status).toBe(403);
    expect((await karimBrowser.post(`/questions/${asked.id}/edit`, { title: "Hijacked title here", body: "Hijacked body of the question." })).status).toBe(403);
    expect((await karimBrowser.post(path, { intent: "teleport" })).status).toBe(400);
    expect((await hugoBrowser.post(path, { intent: "close", reason: "off_topic" })).status).toBe(302);
    const refused = await karimBrowser.post(path, { intent: "answer", body: "One more answer after closing." });
    expect(refused.status).toBe(403);

    const [row] = await guilde.db.select().from(posts).where(eq(posts.id, asked.id));
    expect(row).toMatchObject({ acceptedAnswerId: null, title: asked.title, answerCount: 1 });
    expect(await guilde.db.select().from(replies)).toHaveLength(1);
  });

  it("a question of a private community is a 404 to a non-member, even by its exact URL", async () => {
    const secret = await community(guilde, { visibility: "private" });
    const [member, outsider] = [await employee(guilde), await employee(guilde)];
    await membership(guilde, secret, member);
    const asked = await question(guilde, { in: secret, by: member });
    const browser = await signedIn(outsider.email);
    expect((await browser.get(`/questions/${asked.id}`)).status).toBe(404);
    expect((await browser.post(`/questions/${asked.id}`, { intent: "answer", body: "Let me in, I know the answer." })).status).toBe(404);
    expect((await browser.get(`/revisions/${asked.id}`)).status).toBe(404);
  });
});
