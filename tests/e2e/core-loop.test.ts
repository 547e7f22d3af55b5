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

describe("the core loop", () => {
  it("Lyon asks, a Lille monitor is notified and answers, the asker accepts: solved with a cross-site answer", async () => {
    const server = await guilde.serve();
    const lyon = await site(guilde, { name: "Lyon Part-Dieu", city: "Lyon" });
    const lille = await site(guilde, { name: "Lille Centre", city: "Lille" });
    const cycling = await community(guilde, { name: "Cycling repair", slug: "cycling-repair" });
    const lea = await employee(guilde, { site: lyon, displayName: "Léa Dubois" });
    const karim = await employee(guilde, { site: lille, displayName: "Karim Benali" });
    await membership(guilde, cycling, lea);
    await membership(guilde, cycling, karim, "monitor", { topics: ["freins"] });

    const asker = await browser.newPage();
    await signInThroughTheForm(asker, server.url, lea.email);
    await visit(asker, `${server.url}/c/cycling-repair`);
    await asker.getByRole("link", { name: "Ask a question" }).first().click();
    await expectAccessible(asker);
    await asker.getByLabel("Title").fill("How do I bleed Shimano hydraulic brakes?");
    await asker.getByLabel("Details").fill("The lever goes to the bar after a fall. Which oil, and in which order?");
    await asker.getByLabel("Tags").fill("freins, hydraulique");
    await asker.getByRole("button", { name: "Post my question" }).click();
    await asker.waitForURL(/\/questions\/[a-z0-9]+/);
    const questionUrl = asker.url();
    await expect.poll(() => asker.getByRole("heading", { level: 1 }).textContent()).toBe("How do I bleed Shimano hydraulic brakes?");
    await expectAccessible(asker);

    const monitor = await browser.newPage();
    await signInThroughTheForm(monitor, server.url, karim.email);
    await monitor.getByRole("link", { name: "Notifications, 1 unread" }).click();
    await expectAccessible(monitor);
    await monitor.getByRole("link", { name: /How do I bleed Shimano hydraulic brakes\?/ }).first().click();
    await monitor.waitForURL(questionUrl.replace(/#.*$/, "") + "**");
    await monitor
      .getByLabel("Write your answer")
      .fill("Use Shimano mineral oil only. Bleed from the caliper up with the bleed block in, then top up at the lever.");
    await monitor.getByRole("button", { name: "Post my answer" }).click();
    await monitor.waitForURL(/#answer-/);
    await expect.poll(() => monitor.locator("main").textContent()).toContain("Use Shimano mineral oil only.");

    await visit(asker, questionUrl);
    await asker.getByRole("button", { name: "Accept this answer" }).click();
    await expect.poll(() => asker.locator("main").textContent()).toContain("Accepted answer");
    const main = (await asker.locator("main").textContent()) ?? "";
    expect(main).toContain("Solved");
    expect(main).toContain("Cross-site answer");
    expect(main).toContain("Lille Centre");
    await expectAccessible(asker);

    // One form holds both vote buttons: the button pressed sends its value, pressing it again withdraws the vote.
    const votes = asker.locator('li[id^="answer-"]').getByRole("group", { name: "Votes" });
    await votes.getByRole("button", { name: "Vote up" }).click();
    await expect.poll(() => votes.getByRole("button", { name: "Vote up" }).getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => votes.textContent()).toContain("Score: 1");
    await votes.getByRole("button", { name: "Vote up" }).click();
    await expect.poll(() => votes.getByRole("button", { name: "Vote up" }).getAttribute("aria-pressed")).toBe("false");
    await expect.poll(() => votes.textContent()).toContain("Score: 0");
    await votes.getByRole("button", { name: "Vote down" }).click();
    await expect.poll(() => votes.textContent()).toContain("Score: -1");
    await expect.poll(() => votes.getByRole("button", { name: "Vote down" }).getAttribute("aria-pressed")).toBe("true");

    await visit(asker, `${server.url}/c/cycling-repair?tab=solved`);
    expect(await asker.getByRole("link", { name: "How do I bleed Shimano hydraulic brakes?" }).count()).toBe(1);
  });
});
