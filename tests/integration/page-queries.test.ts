import { describe, expect, it } from "vitest";
import { comment } from "../../server/questions/comment";
import { vote } from "../../server/questions/vote";
import { answer, community, employee, membership, question, testPassword } from "../support/factories";
import { useGuilde } from "../support/guilde";
import { HttpClient } from "../support/http";

const guilde = useGuilde();

/** Queries a page runs, from the request to the last byte: the session, the layout and the page. */
async function queriesFor(browser: HttpClient, path: string): Promise<number> {
  guilde.database.queries.reset();
  const response = await browser.get(path);
  expect(response.status).toBe(200);
  await response.text();
  return guilde.database.queries.count;
}

async function signedInReader() {
  const server = await guilde.serve();
  const cycling = await community(guilde, { slug: "cycling-repair" });
  const reader = await employee(guilde);
  await membership(guilde, cycling, reader);
  const browser = new HttpClient(server.url);
  await browser.post("/signin", { email: reader.email, password: testPassword });
  return { cycling, reader, browser };
}

describe("pages run a bounded number of queries, whatever their size", () => {
  it("the question page", async () => {
    const { cycling, reader, browser } = await signedInReader();
    const helpers = await Promise.all(Array.from({ length: 5 }, () => employee(guilde)));
    const thread = async (answers: number) => {
      const asked = await question(guilde, { in: cycling, by: reader });
      for (let n = 0; n < answers; n++) {
        const given = await answer(guilde, { to: asked, by: helpers[n % helpers.length] });
        await comment(guilde, { viewer: reader, questionId: asked.id, answerId: given.id, input: { body: `Thanks for answer ${n}` } });
        await vote(guilde, { viewer: reader, targetId: given.id, input: { value: 1 } });
      }
      return asked;
    };
    const small = await thread(1);
    const large = await thread(20);

    const forSmall = await queriesFor(browser, `/questions/${small.id}`);
    const forLarge = await queriesFor(browser, `/questions/${large.id}`);
    expect(forLarge).toBe(forSmall);
    expect(forLarge).toBeLessThanOrEqual(12);
  });

  it("the community page, newest and unanswered tabs", async () => {
    const { cycling, reader, browser } = await signedInReader();
    const forTab = async (tab: string) => queriesFor(browser, `/c/${cycling.slug}?tab=${tab}`);
    await question(guilde, { in: cycling, by: reader });
    const fewNewest = await forTab("newest");
    const fewUnanswered = await forTab("unanswered");
    for (let n = 0; n < 30; n++) await question(guilde, { in: cycling, by: reader });
    expect(await forTab("newest")).toBe(fewNewest);
    expect(await forTab("unanswered")).toBe(fewUnanswered);
    expect(fewNewest).toBeLessThanOrEqual(12);
  });
});
