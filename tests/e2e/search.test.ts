import { describe, expect, it } from "vitest";
import { acceptAnswer } from "../../server/questions/accept-answer";
import { startSearchWorker } from "../../server/search/outbox-worker";
import { answer, community, employee, membership, question } from "../support/factories";
import { expectAccessible, useBrowser } from "../support/browser";
import { useGuilde } from "../support/guilde";
import { signInThroughTheForm } from "../support/pages";

const guilde = useGuilde();
const browser = useBrowser();

async function seedCycling() {
  const cycling = await community(guilde, { name: "Cycling repair", slug: "cycling-repair" });
  const [lea, karim] = [await employee(guilde, { displayName: "Léa Dubois" }), await employee(guilde, { displayName: "Karim Benali" })];
  await membership(guilde, cycling, lea);
  await membership(guilde, cycling, karim, "monitor", { topics: ["brakes"] });
  const solved = await question(guilde, { in: cycling, by: lea, title: "How do I bleed hydraulic brakes?", tags: ["brakes"] });
  await acceptAnswer(guilde, { viewer: lea, questionId: solved.id, answerId: (await answer(guilde, { to: solved, by: karim })).id });
  await question(guilde, { in: cycling, by: lea, title: "Squealing disc brakes in the rain", tags: ["brakes"] });
  await question(guilde, { in: cycling, by: lea, title: "Which saddle for long rides?" });
  return { lea };
}

describe("search in the browser", () => {
  it("the / shortcut, results as you type with highlights and facets, keyboard navigation", async () => {
    const server = await guilde.serve();
    const worker = startSearchWorker(guilde, { pollMs: 100 });
    try {
      const { lea } = await seedCycling();
      const page = await browser.newPage();
      await signInThroughTheForm(page, server.url, lea.email);

      await page.keyboard.press("/");
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("header-search");
      await page.keyboard.type("brakes");
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/search\?q=brakes/);
      await expect.poll(() => page.locator("mark").first().textContent()).toMatch(/brakes/i);
      await expect.poll(() => page.getByRole("status").first().textContent()).toContain("results");
      await expectAccessible(page);

      // As you type: the fetcher replaces the results without a navigation.
      const search = page.getByRole("searchbox", { name: "Search Guilde" }).last();
      await search.fill("saddle");
      await expect.poll(() => page.locator("main ol").textContent()).toContain("Which saddle for long rides?");
      expect(page.url()).toMatch(/q=brakes/);

      // Arrow keys go from the box to the results and between them.
      await search.fill("brakes");
      await expect.poll(() => page.locator("main ol > li").count()).toBeGreaterThan(1);
      await search.press("ArrowDown");
      const first = await page.evaluate(() => document.activeElement?.textContent);
      await page.keyboard.press("ArrowDown");
      const second = await page.evaluate(() => document.activeElement?.textContent);
      expect(first).toBeTruthy();
      expect(second).not.toBe(first);

      // Facets are plain links: "Solved" narrows to the solved question.
      await page.getByRole("navigation", { name: "Refine the results" }).getByRole("link", { name: /^Solved/ }).click();
      await page.waitForURL(/status=solved/);
      // The list is replaced once the new page's data arrives: wait for it rather than for the URL.
      await expect.poll(() => page.locator("main ol > li").count()).toBe(1);
      await expect(page.locator("main ol").textContent()).resolves.toContain("How do I bleed hydraulic brakes?");
      await expectAccessible(page);
    } finally {
      await worker.stop();
    }
  });

  it("similar questions show while a title is typed, solved first", async () => {
    const server = await guilde.serve();
    const worker = startSearchWorker(guilde, { pollMs: 100 });
    try {
      const { lea } = await seedCycling();
      const page = await browser.newPage();
      await signInThroughTheForm(page, server.url, lea.email);
      await page.goto(`${server.url}/c/cycling-repair/ask`);
      await page.getByLabel("Title").pressSequentially("My brakes squeal, how do I bleed them", { delay: 10 });
      const similar = page.getByRole("region", { name: "Similar questions already asked" });
      await expect.poll(() => similar.getByRole("listitem").count(), { timeout: 5000 }).toBe(2);
      expect(await similar.getByRole("listitem").first().textContent()).toContain("How do I bleed hydraulic brakes?");
      expect(await similar.getByRole("listitem").first().textContent()).toContain("Solved");
      await expectAccessible(page);
    } finally {
      await worker.stop();
    }
  });
});
