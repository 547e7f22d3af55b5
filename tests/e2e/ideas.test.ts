import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { community, employee, membership, site } from "../support/factories";
import { expectAccessible, useBrowser } from "../support/browser";
import { useGuilde } from "../support/guilde";
import { signInThroughTheForm } from "../support/pages";

const guilde = useGuilde();
const browser = useBrowser();

async function visit(page: Page, url: string) {
  await page.goto(url);
  await expectAccessible(page);
}

const title = "Self-service returns kiosk at the entrance";

describe("idea threads", () => {
  it("an employee proposes an idea, three colleagues vote, a moderator plans it with a note, the author is told", async () => {
    const server = await guilde.serve();
    const lyon = await site(guilde, { name: "Lyon Part-Dieu", city: "Lyon" });
    const lille = await site(guilde, { name: "Lille Centre", city: "Lille" });
    const store = await community(guilde, { name: "Store operations", slug: "store-operations" });
    const lea = await employee(guilde, { site: lyon, displayName: "Léa Dubois" });
    const hugo = await employee(guilde, { site: lille, displayName: "Hugo Martin" });
    const colleagues = await Promise.all(["Karim Benali", "Sophie Moreau", "Thomas Petit"].map((displayName) => employee(guilde, { site: lille, displayName })));
    await membership(guilde, store, lea);
    await membership(guilde, store, hugo, "moderator");

    const author = await browser.newPage();
    await signInThroughTheForm(author, server.url, lea.email);
    await visit(author, `${server.url}/c/store-operations/ideas`);
    await author.getByRole("link", { name: "Propose an idea" }).click();
    await author.waitForURL(/\/propose$/);
    await expectAccessible(author);
    await author.getByLabel("Title").fill(title);
    await author.getByLabel("The problem you see").fill("Returns queue at the main till for twenty minutes on Saturdays.");
    await author.getByLabel("What you propose").fill("A self-service kiosk at the entrance that prints the return label.");
    await author.getByLabel("The expected benefit").fill("Shorter queues, and staff free for advice.");
    await author.getByLabel("Tags").fill("returns, tills");
    await author.getByRole("button", { name: "Propose my idea" }).click();
    await author.waitForURL(/\/ideas\/[a-z0-9]+/);
    const ideaUrl = author.url().replace(/[?#].*$/, "");
    await expect.poll(() => author.getByRole("heading", { level: 1 }).textContent()).toBe(title);
    expect(await author.locator("main").textContent()).toContain("Lyon Part-Dieu");
    await expectAccessible(author);

    for (const colleague of colleagues) {
      const page = await browser.newPage();
      await signInThroughTheForm(page, server.url, colleague.email);
      await visit(page, `${server.url}/ideas`);
      await page.getByRole("link", { name: title }).click();
      await page.waitForURL(ideaUrl);
      await page.getByRole("button", { name: "Vote for this idea" }).click();
      await expect.poll(() => page.getByRole("button", { name: "Withdraw my vote" }).getAttribute("aria-pressed")).toBe("true");
      await page.close();
    }

    const moderator = await browser.newPage();
    await signInThroughTheForm(moderator, server.url, hugo.email);
    await visit(moderator, ideaUrl);
    expect(await moderator.locator("#votes").textContent()).toContain("3 votes");
    // The author's open page follows the votes live.
    await expect.poll(() => author.locator("#votes").textContent(), { timeout: 10_000 }).toContain("3 votes");
    await moderator.getByLabel("New status").selectOption("planned");
    await moderator.locator("#workflow").getByLabel("Note", { exact: true }).first().fill("Lyon pilots it in March, then every store by June.");
    await moderator.getByRole("button", { name: "Change the status" }).click();
    await expect.poll(() => moderator.locator("#timeline").textContent()).toContain("Lyon pilots it in March");
    await expectAccessible(moderator);

    await visit(author, `${server.url}/`);
    await author.getByRole("link", { name: "Notifications, 1 unread" }).click();
    await expectAccessible(author);
    const notification = (await author.locator("main li").first().textContent()) ?? "";
    expect(notification).toContain("Hugo Martin planned");
    expect(notification).toContain("Lyon pilots it in March");
    await author.getByRole("link", { name: title }).first().click();
    await author.waitForURL(ideaUrl + "**");
    await expect.poll(() => author.locator("main").textContent()).toContain("Planned");

    await visit(author, `${server.url}/ideas?tab=top&status=planned`);
    expect(await author.getByRole("link", { name: title }).count()).toBe(1);
    await visit(author, `${server.url}/ideas?status=declined`);
    expect(await author.getByRole("link", { name: title }).count()).toBe(0);
  });
});
