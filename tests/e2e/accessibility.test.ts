import fs from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { communities, communityEvents, ideas, posts, replies, tutorials, users } from "../../db/schema";
import { demoPassword, seedDemoData } from "../../db/seed";
import { openRound } from "../../server/barometers/open-round";
import { unsubscribeToken } from "../../server/digests/unsubscribe";
import { inviteCustomers } from "../../server/invitations/invite-customers";
import { sendMail } from "../../server/mail/send-mail";
import { flagContent } from "../../server/moderation/flag-content";
import { hideContent } from "../../server/moderation/hide-content";
import { askQuestion } from "../../server/questions/ask-question";
import { customer } from "../support/factories";
import { expectAccessible, useBrowser } from "../support/browser";
import { useGuilde } from "../support/guilde";
import { signInThroughTheForm } from "../support/pages";

// Invitation e-mails go to this data folder's outbox.
const dataDir = fs.mkdtempSync(join(tmpdir(), "guilde-accessibility-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const guilde = useGuilde({ DATA_DIR: dataDir });
const browser = useBrowser();

/** Every kind of page, on the demo data, as the admin (who sees every control) and in both languages. */
async function pagesToVisit() {
  const [camille] = await guilde.db.select().from(users).where(eq(users.email, "camille.laurent@guilde.demo"));
  const [solved] = await guilde.db.select().from(posts).where(eq(posts.kind, "question")).orderBy(posts.acceptedAnswerId).limit(1);
  const [someAnswer] = await guilde.db.select().from(replies).where(eq(replies.kind, "answer")).limit(1);
  const moderation = await moderationToReview(camille);
  const [implemented] = await guilde.db.select({ id: ideas.postId }).from(ideas).where(eq(ideas.status, "implemented")).limit(1);
  const [tutorial] = await guilde.db.select({ id: tutorials.postId }).from(tutorials).limit(1);
  const [event] = await guilde.db.select({ id: communityEvents.id }).from(communityEvents).where(eq(communityEvents.format, "in_person")).limit(1);
  const written = await sendMail(guilde.config.mail, { to: "lea@example.com", subject: "Votre résumé de la semaine", text: "Trois questions attendent une réponse." });
  const mailId = written.via === "outbox" ? basename(written.file, ".eml") : "";
  const { roundId } = await openRound(guilde, { viewer: camille, input: { title: "Winter barometer", subject: "Guilde", audience: "employees" } });
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
      "/ideas?tab=top&status=implemented",
      `/ideas/${implemented.id}`,
      `/ideas/${implemented.id}/edit`,
      `/ideas/${implemented.id}/history`,
      "/c/cycling-repair/propose",
      `/tutorials/${tutorial.id}`,
      `/tutorials/${tutorial.id}/edit`,
      `/tutorials/${tutorial.id}/history`,
      "/c/cycling-repair/tutorials/new",
      "/c/cycling-repair/events",
      "/c/cycling-repair/events/new",
      `/events/${event.id}`,
      `/events/${event.id}/edit`,
      "/search?q=freins",
      "/c/whitewater/moderation",
      "/c/whitewater/moderation?view=held",
      "/c/whitewater/moderation?view=hidden",
      "/c/whitewater/invitations",
      "/c/whitewater/audit",
      `/questions/${moderation.heldId}`,
      `/questions/${moderation.hiddenAnswerQuestionId}`,
      `/users/${moderation.customerId}`,
      "/admin/audit",
      "/admin/customers",
      "/c/cycling-repair/webhooks",
      "/unanswered",
      "/admin/barometers",
      `/admin/barometers/${roundId}`,
      `/barometers/${roundId}`,
      `/unsubscribe/${unsubscribeToken(guilde.config, camille.id)}`,
      "/api",
      "/analytics",
      "/c/whitewater/analytics",
      "/admin/mail",
      `/admin/mail/${mailId}`,
    ],
  };
}

/**
 * Something in each part of Whitewater's moderation queue: a flag, a held question, a hidden answer. The
 * hidden answer is an accepted one, which its moderator still sees on the question page, marked.
 */
async function moderationToReview(moderator: typeof users.$inferSelect) {
  const [whitewater] = await guilde.db.select().from(communities).where(eq(communities.slug, "whitewater"));
  const whitewaterQuestions = and(eq(posts.communityId, whitewater.id), eq(posts.kind, "question"));
  const [flagged] = await guilde.db.select().from(posts).where(and(whitewaterQuestions, isNull(posts.acceptedAnswerId))).limit(1);
  const [solved] = await guilde.db.select().from(posts).where(and(whitewaterQuestions, isNotNull(posts.acceptedAnswerId))).limit(1);
  const [answer] = await guilde.db.select().from(replies).where(eq(replies.id, solved.acceptedAnswerId!));
  const anna = await customer(guilde, { displayName: "Anna Paddler", invitedTo: whitewater });
  await flagContent(guilde, { viewer: anna, contentId: flagged.id, input: { reason: "off_topic", note: "Looks like it belongs in Camping." } });
  await hideContent(guilde, { viewer: moderator, contentId: answer.id, input: { reason: "confidential" } });
  const { questionId } = await askQuestion(guilde, {
    viewer: anna,
    communityId: whitewater.id,
    input: { title: "Which spray deck fits a Dagger Katana?", body: "The neoprene one pops off on every roll. Which size should I take?" },
  });
  return { heldId: questionId, customerId: anna.id, hiddenAnswerQuestionId: solved.id };
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
    await seedDemoData(guilde);
    const [camille] = await guilde.db.select().from(users).where(eq(users.email, "camille.laurent@guilde.demo"));
    const [whitewater] = await guilde.db.select().from(communities).where(eq(communities.slug, "whitewater"));
    const { sent } = await inviteCustomers(guilde, { viewer: camille, communityId: whitewater.id, origin: server.url, input: { emails: "anna@example.com" } });
    const page = await browser.newPage();
    for (const path of ["/", "/signin", "/signup", new URL(sent[0].link!).pathname]) {
      await page.goto(`${server.url}${path}`);
      await expectAccessible(page);
    }
  });
});
