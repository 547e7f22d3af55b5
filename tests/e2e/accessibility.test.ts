import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { posts, replies, users } from "../../db/schema";
import { demoPassword, seedDemoData } from "../../db/seed";
import { expectAccessible, useBrowser } from "../support/browser";
import { useGuilde } from "../support/guilde";
import { signInThroughTheForm } from "../support/pages";

const guilde = useGuilde();
const browser = useBrowser();

/** Every kind of page, on the demo data, as the admin (who sees every control) and in both languages. */
async function pagesToVisit() {
  const [camille] = await guilde.db.select().from(users).where(eq(users.email, "camille.laurent@guilde.demo"));
  const [solved] = await guilde.db.select().from(posts).where(eq(posts.kind, "question")).orderBy(posts.acceptedAnswerId).limit(1);
  const [someAnswer] = await guilde.db.select().from(replies).where(eq(replies.kind, "answer")).limit(1);
  return {
    camille,
    paths: [
      "/",
      "/communities",
      "/communities/new",
      "/c/cycling-repair",
      "/c/cycling-repair?tab=unanswered",
      "/c/cycling-repair/members",
      "/c/cycling-repair/about",
      "/c/cycling-repair/tutorials",
      "/c/cycling-repair/ideas",
      "/c/cycling-repair/settings",
      "/c/cycling-repair/ask",
      "/c/camping/members",
      `/questions/${solved.id}`,
      `/questions/${solved.id}/edit`,
      `/replies/${someAnswer.id}/edit`,
      `/revisions/${solved.id}`,
      "/notifications",
      `/users/${camille.id}`,
      "/settings",
      "/admin/sites",
      "/ideas",
      "/search?q=freins",
    ],
  };
}

describe("accessibility", () => {
  it.each(["en", "fr"] as const)("every page passes axe's WCAG 2.1 A and AA rules (%s)", async (locale) => {
    const server = await guilde.serve();
    await seedDemoData(guilde);
    const { camille, paths } = await pagesToVisit();
    await guilde.db.update(users).set({ locale }).where(eq(users.id, camille.id));
    const page = await browser.newPage();
    await signInThroughTheForm(page, server.url, camille.email, demoPassword);
    for (const path of paths) {
      const response = await page.goto(`${server.url}${path}`);
      expect(response?.status(), path).toBe(200);
      expect(await page.locator("h1").count(), `one h1 on ${path}`).toBe(1);
      await expectAccessible(page);
    }
  });

  it("the signed-out pages pass too", async () => {
    const server = await guilde.serve();
    const page = await browser.newPage();
    for (const path of ["/", "/signin", "/signup"]) {
      await page.goto(`${server.url}${path}`);
      await expectAccessible(page);
    }
  });
});
