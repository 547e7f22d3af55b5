import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { community, employee, membership, site, testPassword } from "../support/factories";
import { expectAccessible, useBrowser } from "../support/browser";
import { useGuilde } from "../support/guilde";
import { signInThroughTheForm } from "../support/pages";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "guilde-e2e-invitation-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const guilde = useGuilde({ DATA_DIR: dataDir });
const browser = useBrowser();

async function visit(page: Page, url: string) {
  await page.goto(url);
  await expectAccessible(page);
}

describe("an invited customer", () => {
  it("is invited by a moderator, accepts, asks a question held for approval, gets an answer once approved, and never sees an internal community", async () => {
    const server = await guilde.serve();
    const lille = await site(guilde, { name: "Lille Centre", city: "Lille" });
    const kayak = await community(guilde, { name: "Kayaking", slug: "kayaking", visibility: "open" });
    await community(guilde, { name: "Store operations", slug: "store-operations", visibility: "internal" });
    const hugo = await employee(guilde, { displayName: "Hugo Martin" });
    const karim = await employee(guilde, { displayName: "Karim Benali", site: lille });
    await membership(guilde, kayak, hugo, "moderator");
    await membership(guilde, kayak, karim, "monitor", { topics: ["rolling"] });

    // The moderator invites the customer; without a mail server the page gives the link.
    const moderator = await browser.newPage();
    await signInThroughTheForm(moderator, server.url, hugo.email);
    await visit(moderator, `${server.url}/c/kayaking`);
    await moderator.getByRole("link", { name: "Invitations" }).click();
    await moderator.waitForURL("**/c/kayaking/invitations");
    await expectAccessible(moderator);
    await moderator.getByLabel("E-mail addresses").fill("anna.paddler@example.com");
    await moderator.getByRole("button", { name: "Send the invitations" }).click();
    const linkField = moderator.getByLabel("Invitation link for anna.paddler@example.com");
    const link = await linkField.inputValue();
    expect(link).toMatch(/\/invitations\/[A-Za-z0-9_-]{43}$/);
    await expectAccessible(moderator);

    // The customer opens the link and accepts: an account, the community, signed in.
    const customer = await browser.newPage();
    await visit(customer, link);
    await customer.getByLabel("Name").fill("Anna Paddler");
    await customer.getByLabel("Password").fill(testPassword);
    await customer.getByRole("button", { name: "Accept and create my account" }).click();
    await customer.waitForURL("**/c/kayaking?notice=welcome");
    expect(await customer.getByRole("status").textContent()).toContain("Welcome!");
    await expectAccessible(customer);

    // Their first question waits for a moderator.
    await customer.getByRole("link", { name: "Ask a question" }).first().click();
    await expectAccessible(customer);
    await customer.getByLabel("Title").fill("Which spray deck fits a Dagger Katana?");
    await customer.getByLabel("Details").fill("The neoprene one pops off on every roll. Which size should I take?");
    await customer.getByRole("button", { name: "Post my question" }).click();
    await customer.waitForURL(/\/questions\/[a-z0-9]+\?notice=held/);
    const questionUrl = customer.url().replace(/\?.*$/, "");
    await expect.poll(() => customer.locator("main").textContent()).toContain("awaits a moderator's approval");
    await expectAccessible(customer);

    // The moderator approves it from the queue.
    await visit(moderator, `${server.url}/c/kayaking`);
    await moderator.getByRole("link", { name: "Moderation" }).click();
    await moderator.getByRole("link", { name: /Awaiting approval/ }).click();
    await moderator.waitForURL("**/c/kayaking/moderation?view=held");
    await expectAccessible(moderator);
    await moderator.getByRole("button", { name: /^Approve/ }).click();
    await expect.poll(() => moderator.getByRole("status").textContent()).toContain("Approved and published.");
    await expectAccessible(moderator);

    // The monitor is told now, and answers.
    const monitor = await browser.newPage();
    await signInThroughTheForm(monitor, server.url, karim.email);
    await monitor.getByRole("link", { name: "Notifications, 1 unread" }).click();
    await expectAccessible(monitor);
    await monitor.getByRole("link", { name: "Which spray deck fits a Dagger Katana?" }).first().click();
    await monitor.waitForURL(`${questionUrl}**`);
    await expect.poll(() => monitor.locator("main").textContent()).toContain("Customer");
    await monitor.getByLabel("Write your answer").fill("Take the XL deck: the Katana's cockpit rim is larger than the size chart says.");
    await monitor.getByRole("button", { name: "Post my answer" }).click();
    await monitor.waitForURL(/#answer-/);
    await expectAccessible(monitor);

    await visit(customer, questionUrl);
    await expect.poll(() => customer.locator("main").textContent()).toContain("Take the XL deck");

    // An internal community does not exist for a customer.
    browser.expectConsoleError(/404/);
    const response = await customer.goto(`${server.url}/c/store-operations`);
    expect(response?.status()).toBe(404);
    expect(await customer.getByRole("heading", { level: 1 }).textContent()).toBe("Page not found");
    await expectAccessible(customer);
  });
});
