import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { posts } from "../../db/schema";
import { escalateDueQuestions } from "../../server/routing/escalate-questions";
import { community, employee, membership, site } from "../support/factories";
import { expectAccessible, useBrowser } from "../support/browser";
import { useGuilde } from "../support/guilde";
import { signInThroughTheForm } from "../support/pages";

const guilde = useGuilde();
const browser = useBrowser();
const hours = (n: number) => n * 3_600_000;

describe("escalation", () => {
  it("a question nobody answers escalates to the moderators; one answers, and the analytics page shows the time to first answer", async () => {
    const server = await guilde.serve();
    const lyon = await site(guilde, { name: "Lyon Part-Dieu" });
    const lille = await site(guilde, { name: "Lille Centre" });
    const cycling = await community(guilde, { name: "Cycling repair", slug: "cycling-repair" });
    const lea = await employee(guilde, { site: lyon, displayName: "Léa Dubois" });
    const karim = await employee(guilde, { site: lille, displayName: "Karim Benali" });
    const sophie = await employee(guilde, { site: lille, displayName: "Sophie Martin" });
    await membership(guilde, cycling, lea);
    await membership(guilde, cycling, karim, "monitor", { topics: ["freins"] });
    await membership(guilde, cycling, sophie, "moderator");

    const asker = await browser.newPage();
    await signInThroughTheForm(asker, server.url, lea.email);
    await asker.goto(`${server.url}/c/cycling-repair/ask`);
    await asker.getByLabel("Title").fill("Which pads for a loaded touring bike?");
    await asker.getByLabel("Details").fill("Organic pads wear out in a week on the descents with panniers. What lasts longer?");
    await asker.getByLabel("Tags").fill("freins");
    await asker.getByRole("button", { name: "Post my question" }).click();
    await asker.waitForURL(/\/questions\/[a-z0-9]+/);
    const questionUrl = asker.url().replace(/#.*$/, "");
    const questionId = new URL(questionUrl).pathname.split("/").at(-1)!;
    await expect.poll(() => asker.locator("main").textContent()).toContain("Sent to 1 monitor who knows its topic");

    // Three hours pass without an answer: the asking moved back, the escalation run on a clock three hours on.
    const [asked] = await guilde.db.select({ createdAt: posts.createdAt }).from(posts).where(eq(posts.id, questionId));
    await guilde.db.update(posts).set({ createdAt: new Date(asked.createdAt.getTime() - hours(3)) }).where(eq(posts.id, questionId));
    expect(await escalateDueQuestions(guilde, { now: new Date(Date.now() + hours(3)) })).toBeGreaterThan(0);

    const moderator = await browser.newPage();
    await signInThroughTheForm(moderator, server.url, sophie.email);
    await moderator.getByRole("link", { name: "Notifications, 1 unread" }).click();
    await moderator.getByRole("link", { name: /Which pads for a loaded touring bike\?/ }).first().click();
    await moderator.waitForURL(`${questionUrl}**`);
    await expect.poll(() => moderator.locator("main").textContent()).toContain("Escalated to 1 moderator");
    await expectAccessible(moderator);
    await moderator.getByLabel("Write your answer").fill("Sintered pads: they last three times longer on long descents, and bite better in the wet.");
    await moderator.getByRole("button", { name: "Post my answer" }).click();
    await moderator.waitForURL(/#answer-/);

    await moderator.goto(`${server.url}/c/cycling-repair/analytics`);
    await expectAccessible(moderator);
    const median = moderator.locator('[data-figure="analytics.summary.firstAnswerMedian"]');
    expect(await median.textContent()).toBe("3 h");
    expect(await moderator.locator('[data-figure="analytics.summary.crossSite"]').textContent()).toBe("1");
  });
});
