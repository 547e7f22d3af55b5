import { and, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { flags, kudos, replies } from "../../db/schema";
import { expectAccessible, useBrowser } from "../support/browser";
import { answer, community, employee, membership, question } from "../support/factories";
import { useGuilde } from "../support/guilde";
import { signInThroughTheForm } from "../support/pages";

const guilde = useGuilde();
const browser = useBrowser();

/** A question of Léa's answered by Karim, and Hugo, a colleague of the community, who reads it. */
async function answeredQuestion() {
  const cycling = await community(guilde, { name: "Cycling repair", slug: "cycling-repair" });
  const lea = await employee(guilde, { displayName: "Léa Dubois" });
  const karim = await employee(guilde, { displayName: "Karim Benali" });
  const hugo = await employee(guilde, { displayName: "Hugo Martin" });
  for (const person of [lea, karim, hugo]) await membership(guilde, cycling, person);
  const asked = await question(guilde, { in: cycling, by: lea, title: "Which chain for a 12-speed cassette?" });
  const answered = await answer(guilde, { to: asked, by: karim, body: "A 12-speed chain of the same brand as the cassette." });
  return { asked, answered, hugo };
}

function answerItem(page: Page, answerId: string) {
  return page.locator(`#answer-${answerId}`);
}

describe("the question page's forms in the browser", () => {
  it("a colleague comments on an answer, thanks its author and flags it, each through its disclosure under the answer", async () => {
    const server = await guilde.serve();
    const { asked, answered, hugo } = await answeredQuestion();
    const page = await browser.newPage();
    await signInThroughTheForm(page, server.url, hugo.email);
    await page.goto(`${server.url}/questions/${asked.id}`);
    const item = answerItem(page, answered.id);

    await item.getByText("Add a comment").click();
    await item.getByLabel("Your comment").fill("Mind the quick link: 12-speed ones are single use.");
    await item.getByRole("button", { name: "Post the comment" }).click();
    await expect.poll(() => item.textContent()).toContain("Mind the quick link: 12-speed ones are single use.");
    await expectAccessible(page);

    await item.getByText("Thank Karim Benali for this answer").click();
    await item.getByLabel("A note (optional)").fill("Saved me a wrong order.");
    await item.getByRole("button", { name: "Thank" }).click();
    await expect.poll(() => item.textContent()).toContain("You thanked them for this.");
    expect(await page.getByRole("main").textContent()).toContain("Your thanks have been sent.");

    // The flag form is not in the page until asked for; opening it moves focus to it and loads nothing.
    expect(await page.locator('input[name="intent"][value="flag"]').count()).toBe(0);
    const loads: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes(".data")) loads.push(request.url());
    });
    await item.getByText("Flag this answer").click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest("details")?.id)).toBe(`flag-${answered.id}`);
    expect(loads).toEqual([]);
    await item.getByLabel("Reason").selectOption("off_topic");
    await item.getByRole("button", { name: "Send to the moderators" }).click();
    await expect.poll(() => item.textContent()).toContain("You flagged this.");
    expect(await page.getByRole("main").textContent()).toContain("Thank you: the moderators have been told.");
    await expectAccessible(page);

    const [thanks] = await guilde.db.select().from(kudos).where(and(eq(kudos.giverId, hugo.id), eq(kudos.targetId, answered.id)));
    expect(thanks.note).toBe("Saved me a wrong order.");
    const [flag] = await guilde.db.select().from(flags).where(and(eq(flags.reporterId, hugo.id), eq(flags.targetId, answered.id)));
    expect(flag.reason).toBe("off_topic");
    const comments = await guilde.db.select().from(replies).where(and(eq(replies.postId, asked.id), eq(replies.kind, "comment")));
    expect(comments.map((comment) => [comment.authorId, comment.parentReplyId])).toEqual([[hugo.id, answered.id]]);
  });

  it("votes, comments and flags work as plain HTML forms and links, without JavaScript", async () => {
    const server = await guilde.serve();
    const { asked, answered, hugo } = await answeredQuestion();
    const page = await browser.newPage({ javaScriptEnabled: false });
    await signInThroughTheForm(page, server.url, hugo.email);
    await page.goto(`${server.url}/questions/${asked.id}`);
    const votes = answerItem(page, answered.id).getByRole("group", { name: "Votes" });

    await votes.getByRole("button", { name: "Vote up" }).click();
    await page.waitForURL(/#answer-/);
    expect(await votes.getByRole("button", { name: "Vote up" }).getAttribute("aria-pressed")).toBe("true");
    expect(await votes.textContent()).toContain("Score: 1");

    const item = answerItem(page, answered.id);
    await item.getByText("Add a comment").click();
    await item.getByLabel("Your comment").fill("Checked with the shop's chain checker: worn at 0.75.");
    await item.getByRole("button", { name: "Post the comment" }).click();
    await page.waitForURL(/#comment-/);
    expect(await item.textContent()).toContain("Checked with the shop's chain checker: worn at 0.75.");

    await item.getByText("Flag this answer").click();
    await page.waitForURL(/\?open=flag-/);
    await item.getByLabel("Reason").selectOption("spam");
    await item.getByRole("button", { name: "Send to the moderators" }).click();
    await page.waitForURL((url) => !url.search.includes("open="));
    expect(await item.textContent()).toContain("You flagged this.");
    const [flag] = await guilde.db.select().from(flags).where(and(eq(flags.reporterId, hugo.id), eq(flags.targetId, answered.id)));
    expect(flag.reason).toBe("spam");
  });
});
