import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, flags, notifications, posts, replies } from "../../db/schema";
import { Conflict, Forbidden, Invalid, NotFound } from "../../server/errors";
import type { DomainEvent } from "../../server/events";
import { approveContent } from "../../server/moderation/approve-content";
import { decideFlags } from "../../server/moderation/decide-flags";
import { flagContent } from "../../server/moderation/flag-content";
import { hideContent, restoreContent } from "../../server/moderation/hide-content";
import { moderationQueue } from "../../server/moderation/moderation-queue";
import { moveQuestion } from "../../server/moderation/move-question";
import { setPremoderation } from "../../server/moderation/set-premoderation";
import { listNotifications } from "../../server/notifications/list-notifications";
import { answerQuestion } from "../../server/questions/answer-question";
import { askQuestion } from "../../server/questions/ask-question";
import { comment } from "../../server/questions/comment";
import { getQuestion } from "../../server/questions/get-question";
import { communityQuestionsPage, homeFeed } from "../../server/questions/list-questions";
import { lockQuestion } from "../../server/questions/moderate-question";
import { drainOutbox } from "../../server/search/outbox-worker";
import { searchContent } from "../../server/search/search-content";
import { getCommunity } from "../../server/communities/get-community";
import { answer, community, customer, employee, membership, question, site } from "../support/factories";
import { useGuilde } from "../support/guilde";
import { HttpClient } from "../support/http";
import { sessionCookie } from "../support/sockets";

const guilde = useGuilde();

/** Kayaking is open to customers: Hugo moderates it, Karim watches over it, Léa and Anna (a customer) take part. */
async function kayaking() {
  const lyon = await site(guilde, { name: "Lyon Part-Dieu", city: "Lyon" });
  const kayak = await community(guilde, { name: "Kayaking", slug: "kayaking", visibility: "open" });
  const hugo = await employee(guilde, { displayName: "Hugo Martin", site: lyon });
  const karim = await employee(guilde, { displayName: "Karim Benali" });
  const lea = await employee(guilde, { displayName: "Léa Dubois", site: lyon });
  const anna = await customer(guilde, { displayName: "Anna Paddler", invitedTo: kayak });
  await membership(guilde, kayak, hugo, "moderator");
  await membership(guilde, kayak, karim, "monitor", { topics: ["spray-deck"] });
  await membership(guilde, kayak, lea);
  return { kayak, hugo, karim, lea, anna };
}

const validQuestion = { title: "Which spray deck fits a Dagger Katana?", body: "The neoprene one pops off on every roll. Which size should I take?", tags: "spray-deck" };
const validAnswer = { body: "Take the XL: the Katana's cockpit is larger than the chart says, and tighten the rand before rolling." };

const kindsFor = async (userId: string) =>
  (await guilde.db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.userId, userId))).map((row) => row.kind).sort();

function recordEvents() {
  const heard: DomainEvent[] = [];
  const stop = guilde.events.subscribe((event) => void heard.push(event));
  return { heard, stop };
}

/** The titles of the questions and answers a search finds for this viewer, once the index caught up. */
async function searchTitles(viewer: Parameters<typeof searchContent>[1]["viewer"], q: string) {
  await drainOutbox(guilde.db, guilde.search);
  const page = await searchContent(guilde, { viewer, input: { q } });
  const titles = page.results.filter((result) => result.kind === "question" || result.kind === "answer").map((result) => result.title.map((segment) => segment.text).join(""));
  return [...new Set(titles)];
}

describe("flagging", () => {
  it("anyone who can see a post flags it once; the moderators hear of its first open flag", async () => {
    const { kayak, hugo, lea, anna, karim } = await kayaking();
    const asked = await question(guilde, { in: kayak, by: lea });
    await flagContent(guilde, { viewer: anna, contentId: asked.id, input: { reason: "spam" } });
    await flagContent(guilde, { viewer: karim, contentId: asked.id, input: { reason: "off_topic", note: "Belongs in Canoeing." } });
    expect(await kindsFor(hugo.id)).toEqual(["content_flagged"]);
    const rows = await guilde.db.select().from(flags);
    expect(rows.map((flag) => [flag.reporterId, flag.reason, flag.status, flag.communityId])).toEqual([
      [anna.id, "spam", "open", kayak.id],
      [karim.id, "off_topic", "open", kayak.id],
    ]);
  });

  it("flagging twice is refused clearly and leaves one flag; once decided, the same person may flag again", async () => {
    const { kayak, hugo, lea, anna } = await kayaking();
    const asked = await question(guilde, { in: kayak, by: lea });
    await flagContent(guilde, { viewer: anna, contentId: asked.id, input: { reason: "spam" } });
    await expect(flagContent(guilde, { viewer: anna, contentId: asked.id, input: { reason: "abusive" } })).rejects.toThrow(new Conflict("errors.alreadyFlagged"));
    expect(await guilde.db.select().from(flags)).toHaveLength(1);
    await decideFlags(guilde, { viewer: hugo, contentId: asked.id, input: { decision: "dismiss" } });
    await flagContent(guilde, { viewer: anna, contentId: asked.id, input: { reason: "abusive" } });
    expect((await guilde.db.select().from(flags)).map((flag) => flag.status).sort()).toEqual(["dismissed", "open"]);
  });

  it("flags an answer or a comment too; never one's own post; 'other' needs a note; what one cannot see is not found", async () => {
    const { kayak, lea, anna } = await kayaking();
    const asked = await question(guilde, { in: kayak, by: lea });
    const reply = await answer(guilde, { to: asked, by: lea });
    const { commentId } = await comment(guilde, { viewer: lea, questionId: asked.id, input: { body: "Thanks all!" } });
    await flagContent(guilde, { viewer: anna, contentId: reply.id, input: { reason: "abusive" } });
    await flagContent(guilde, { viewer: anna, contentId: commentId, input: { reason: "confidential" } });
    await expect(flagContent(guilde, { viewer: lea, contentId: asked.id, input: { reason: "spam" } })).rejects.toThrow(Forbidden);
    const error = await flagContent(guilde, { viewer: anna, contentId: asked.id, input: { reason: "other" } }).catch((caught: unknown) => caught);
    expect((error as Invalid).fieldErrors).toEqual({ note: ["errors.flagNoteRequired"] });
    const internal = await community(guilde, { visibility: "internal" });
    const secret = await question(guilde, { in: internal, by: lea });
    await expect(flagContent(guilde, { viewer: anna, contentId: secret.id, input: { reason: "spam" } })).rejects.toThrow(NotFound);
    await expect(flagContent(guilde, { viewer: anna, contentId: "nothing", input: { reason: "spam" } })).rejects.toThrow(NotFound);
    expect((await guilde.db.select().from(flags)).map((flag) => flag.targetId).sort()).toEqual([commentId, reply.id].sort());
  });
});

describe("the moderation queue", () => {
  it("lists flagged items with their context for the community's moderators, and is not found for anyone else", async () => {
    const { kayak, hugo, lea, anna, karim } = await kayaking();
    const asked = await question(guilde, { in: kayak, by: lea, title: "Which paddle length for a 1.60 m paddler?" });
    await flagContent(guilde, { viewer: anna, contentId: asked.id, input: { reason: "spam", note: "An ad for a shop." } });
    const queue = await moderationQueue(guilde, { viewer: hugo, slug: "kayaking" });
    expect(queue.counts).toEqual({ flagged: 1, held: 0, hidden: 0 });
    expect(queue.page.items).toMatchObject([
      {
        id: asked.id,
        kind: "question",
        post: { kind: "question", title: "Which paddle length for a 1.60 m paddler?" },
        author: { displayName: "Léa Dubois", role: "employee", siteName: "Lyon Part-Dieu" },
        flags: [{ reason: "spam", note: "An ad for a shop.", reporter: { displayName: "Anna Paddler" } }],
      },
    ]);
    const elsewhere = await community(guilde, { visibility: "open" });
    const otherModerator = await employee(guilde);
    await membership(guilde, elsewhere, otherModerator, "moderator");
    for (const viewer of [lea, anna, karim, otherModerator, null]) {
      await expect(moderationQueue(guilde, { viewer, slug: "kayaking" })).rejects.toThrow(NotFound);
    }
    const server = await guilde.serve();
    const browser = new HttpClient(server.url);
    browser.setCookieHeader(await sessionCookie(guilde, hugo.id));
    const page = await browser.get("/c/kayaking/moderation");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("An ad for a shop.");
  });

  it("pages through many flagged items without skipping or repeating", async () => {
    const { kayak, hugo, lea, anna } = await kayaking();
    const ids: string[] = [];
    for (let n = 0; n < 5; n++) {
      const asked = await question(guilde, { in: kayak, by: lea });
      await flagContent(guilde, { viewer: anna, contentId: asked.id, input: { reason: "spam" } });
      ids.push(asked.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const queue = await moderationQueue(guilde, { viewer: hugo, slug: "kayaking", cursor, limit: 2 });
      seen.push(...queue.page.items.map((item) => item.id));
      cursor = queue.page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });

  it("resolving or dismissing closes the item's flags, is audited, and refuses when nothing is open", async () => {
    const { kayak, hugo, lea, anna } = await kayaking();
    const asked = await question(guilde, { in: kayak, by: lea });
    await flagContent(guilde, { viewer: anna, contentId: asked.id, input: { reason: "off_topic" } });
    const server = await guilde.serve();
    const browser = new HttpClient(server.url);
    browser.setCookieHeader(await sessionCookie(guilde, hugo.id));
    const resolved = await browser.post("/c/kayaking/moderation", { intent: "resolve", contentId: asked.id, note: "Retitled it.", view: "flagged" });
    expect(resolved.status).toBe(302);
    expect(await guilde.db.select({ status: flags.status, decidedById: flags.decidedById }).from(flags)).toEqual([{ status: "resolved", decidedById: hugo.id }]);
    expect(await guilde.db.select().from(auditLog).where(eq(auditLog.action, "flags.resolve"))).toMatchObject([
      { actorId: hugo.id, targetId: asked.id, reason: "Retitled it.", communityId: kayak.id },
    ]);
    const again = await browser.post("/c/kayaking/moderation", { intent: "dismiss", contentId: asked.id, view: "flagged" });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("There is no open flag on this any more.");
  });
});

describe("hiding and restoring", () => {
  it("confidential information hidden by a moderator disappears at once from lists, feeds, counts and search; its author sees why", async () => {
    const { kayak, hugo, lea, anna, karim } = await kayaking();
    const asked = await question(guilde, { in: kayak, by: lea, title: "Supplier prices for the Katana spray decks", tags: [] });
    // Its answer is indexed too, under the question's title: it must vanish with it.
    await answer(guilde, { to: asked, by: karim });
    expect(await searchTitles(anna, "supplier prices katana")).toEqual(["Supplier prices for the Katana spray decks"]);
    await flagContent(guilde, { viewer: anna, contentId: asked.id, input: { reason: "confidential" } });

    const { heard, stop } = recordEvents();
    await hideContent(guilde, { viewer: hugo, contentId: asked.id, input: { reason: "confidential", note: "Prices stay internal." } });
    stop();
    expect(heard).toContainEqual({ type: "question.changed", communityId: kayak.id, questionId: asked.id, change: "hidden" });

    for (const viewer of [anna, karim]) {
      const listed = await communityQuestionsPage(guilde, { viewer, slug: "kayaking" });
      expect(listed.readable && listed.page.items.map((item) => item.id)).toEqual([]);
      expect((await homeFeed(guilde, { viewer })).items).toEqual([]);
      await expect(getQuestion(guilde, { viewer, questionId: asked.id })).rejects.toThrow(NotFound);
      expect(await searchTitles(viewer, "supplier prices katana")).toEqual([]);
    }
    expect((await getCommunity(guilde, { viewer: anna, slug: "kayaking" })).counts?.questions).toBe(0);

    const ownView = await getQuestion(guilde, { viewer: lea, questionId: asked.id });
    expect(ownView.question).toMatchObject({ hidden: true, held: false, hiddenReason: "confidential", hiddenNote: "Prices stay internal." });
    const told = await listNotifications(guilde, { viewer: lea });
    expect(told.items.find((item) => item.kind === "content_hidden")).toMatchObject({ postId: asked.id, summary: { reason: "confidential", note: "Prices stay internal." } });
    expect(await guilde.db.select({ status: flags.status }).from(flags)).toEqual([{ status: "resolved" }]);
    expect(await guilde.db.select().from(auditLog).where(eq(auditLog.action, "question.hide"))).toMatchObject([
      { actorId: hugo.id, targetKind: "question", targetId: asked.id, communityId: kayak.id, reason: "confidential" },
    ]);
  });

  it("a hidden answer no longer counts; restored, it counts and shows again", async () => {
    const { kayak, hugo, lea, karim, anna } = await kayaking();
    const asked = await question(guilde, { in: kayak, by: lea });
    const reply = await answer(guilde, { to: asked, by: karim });
    await hideContent(guilde, { viewer: hugo, contentId: reply.id, input: { reason: "abusive" } });
    expect((await guilde.db.select({ answerCount: posts.answerCount }).from(posts))[0].answerCount).toBe(0);
    expect((await getQuestion(guilde, { viewer: anna, questionId: asked.id })).answers).toEqual([]);
    expect(await kindsFor(karim.id)).toContain("content_hidden");
    await expect(hideContent(guilde, { viewer: hugo, contentId: reply.id, input: { reason: "spam" } })).rejects.toThrow(new Conflict("errors.alreadyHidden"));

    await restoreContent(guilde, { viewer: hugo, contentId: reply.id });
    expect((await guilde.db.select({ answerCount: posts.answerCount }).from(posts))[0].answerCount).toBe(1);
    expect((await getQuestion(guilde, { viewer: anna, questionId: asked.id })).answers.map((item) => item.id)).toEqual([reply.id]);
    await expect(restoreContent(guilde, { viewer: hugo, contentId: reply.id })).rejects.toThrow(new Conflict("errors.notHidden"));
    expect((await guilde.db.select({ action: auditLog.action }).from(auditLog)).map((row) => row.action)).toEqual(["answer.hide", "answer.restore"]);
  });

  it("through the question page: a moderator hides a comment with a reason; a bad reason is a 400 that changes nothing", async () => {
    const { kayak, hugo, lea, anna } = await kayaking();
    const asked = await question(guilde, { in: kayak, by: lea });
    const { commentId } = await comment(guilde, { viewer: anna, questionId: asked.id, input: { body: "Buy cheap decks at my shop!" } });
    const server = await guilde.serve();
    const browser = new HttpClient(server.url);
    browser.setCookieHeader(await sessionCookie(guilde, hugo.id));
    const refused = await browser.post(`/questions/${asked.id}`, { intent: "hide", contentId: commentId, reason: "boring" });
    expect(refused.status).toBe(400);
    const hidden = await browser.post(`/questions/${asked.id}`, { intent: "hide", contentId: commentId, reason: "spam" });
    expect(hidden.status).toBe(302);
    expect(hidden.headers.get("location")).toBe(`/questions/${asked.id}?notice=hidden#comment-${commentId}`);
    expect((await guilde.db.select({ hiddenReason: replies.hiddenReason }).from(replies).where(eq(replies.id, commentId)))[0].hiddenReason).toBe("spam");
  });
});

describe("locking, pinning and moving", () => {
  it("a locked question takes no new answer or comment until unlocked", async () => {
    const { kayak, hugo, lea, karim } = await kayaking();
    const asked = await question(guilde, { in: kayak, by: lea });
    await lockQuestion(guilde, { viewer: hugo, questionId: asked.id, locked: true });
    await expect(answerQuestion(guilde, { viewer: karim, questionId: asked.id, input: validAnswer })).rejects.toThrow(Forbidden);
    await expect(comment(guilde, { viewer: karim, questionId: asked.id, input: { body: "Me too" } })).rejects.toThrow(Forbidden);
    const thread = await getQuestion(guilde, { viewer: karim, questionId: asked.id });
    expect(thread.question.locked).toBe(true);
    expect(thread.may).toMatchObject({ answer: false, comment: false, vote: true });
    await expect(lockQuestion(guilde, { viewer: karim, questionId: asked.id, locked: false })).rejects.toThrow(Forbidden);
    await lockQuestion(guilde, { viewer: hugo, questionId: asked.id, locked: false });
    await answerQuestion(guilde, { viewer: karim, questionId: asked.id, input: validAnswer });
    expect((await guilde.db.select({ action: auditLog.action }).from(auditLog)).map((row) => row.action)).toEqual(["question.lock", "question.unlock"]);
  });

  it("a moderator of both communities moves a question; its flags and notifications follow; both logs record it", async () => {
    const { kayak, hugo, lea, anna, karim } = await kayaking();
    const canoe = await community(guilde, { name: "Canoeing", slug: "canoeing", visibility: "internal" });
    await membership(guilde, canoe, hugo, "moderator");
    const asked = await question(guilde, { in: kayak, by: lea });
    await answer(guilde, { to: asked, by: karim });
    await flagContent(guilde, { viewer: anna, contentId: asked.id, input: { reason: "off_topic" } });

    const { heard, stop } = recordEvents();
    await moveQuestion(guilde, { viewer: hugo, questionId: asked.id, input: { communityId: canoe.id } });
    stop();
    expect((await guilde.db.select({ communityId: posts.communityId }).from(posts))[0].communityId).toBe(canoe.id);
    expect((await guilde.db.select({ communityId: flags.communityId }).from(flags))[0].communityId).toBe(canoe.id);
    expect(heard.filter((event) => event.type === "question.changed")).toEqual([
      { type: "question.changed", communityId: kayak.id, questionId: asked.id, change: "moved" },
      { type: "question.changed", communityId: canoe.id, questionId: asked.id, change: "moved" },
    ]);
    // Now internal: the customer who flagged it can no longer see it, nor notifications about it.
    await expect(getQuestion(guilde, { viewer: anna, questionId: asked.id })).rejects.toThrow(NotFound);
    const moved = await guilde.db.select({ communityId: notifications.communityId }).from(notifications).where(eq(notifications.postId, asked.id));
    expect(moved.every((row) => row.communityId === canoe.id)).toBe(true);
    const logged = await guilde.db.select().from(auditLog).where(eq(auditLog.action, "question.move"));
    expect(logged.map((entry) => entry.communityId).sort()).toEqual([kayak.id, canoe.id].sort());
  });

  it("a moderator of one community cannot move, hide, lock, approve or decide flags in another: refused, nothing changed", async () => {
    const { kayak, lea, anna } = await kayaking();
    const climbing = await community(guilde, { name: "Climbing", slug: "climbing", visibility: "open" });
    const zoe = await employee(guilde);
    await membership(guilde, climbing, zoe, "moderator");
    const asked = await question(guilde, { in: kayak, by: lea });
    await flagContent(guilde, { viewer: anna, contentId: asked.id, input: { reason: "spam" } });
    await expect(moveQuestion(guilde, { viewer: zoe, questionId: asked.id, input: { communityId: climbing.id } })).rejects.toThrow(Forbidden);
    await expect(hideContent(guilde, { viewer: zoe, contentId: asked.id, input: { reason: "spam" } })).rejects.toThrow(Forbidden);
    await expect(lockQuestion(guilde, { viewer: zoe, questionId: asked.id, locked: true })).rejects.toThrow(Forbidden);
    await expect(decideFlags(guilde, { viewer: zoe, contentId: asked.id, input: { decision: "dismiss" } })).rejects.toThrow(Forbidden);
    await expect(setPremoderation(guilde, { viewer: zoe, communityId: kayak.id, input: { premoderation: "off" } })).rejects.toThrow(Forbidden);
    // Nor can a moderator of the question's community move it where they do not moderate.
    const hugoOnly = await employee(guilde);
    await membership(guilde, kayak, hugoOnly, "moderator");
    await expect(moveQuestion(guilde, { viewer: hugoOnly, questionId: asked.id, input: { communityId: climbing.id } })).rejects.toThrow(Forbidden);
    await expect(moveQuestion(guilde, { viewer: hugoOnly, questionId: asked.id, input: { communityId: kayak.id } })).rejects.toThrow(Invalid);

    const [row] = await guilde.db.select().from(posts);
    expect(row).toMatchObject({ communityId: kayak.id, hiddenAt: null, lockedAt: null });
    expect((await guilde.db.select({ status: flags.status }).from(flags))[0].status).toBe("open");
    expect(await guilde.db.select().from(auditLog)).toEqual([]);

    const server = await guilde.serve();
    const browser = new HttpClient(server.url);
    browser.setCookieHeader(await sessionCookie(guilde, zoe.id));
    expect((await browser.post(`/questions/${asked.id}`, { intent: "hide", contentId: asked.id, reason: "spam" })).status).toBe(403);
    expect((await browser.get("/c/kayaking/moderation")).status).toBe(404);
    expect((await browser.post("/c/kayaking/moderation", { intent: "dismiss", contentId: asked.id })).status).toBe(403);
  });
});

describe("pre-moderation", () => {
  it("a customer's first question is held: invisible to others until a moderator approves it, then announced as if just asked", async () => {
    const { kayak, hugo, karim, lea, anna } = await kayaking();
    const { heard, stop } = recordEvents();
    const { questionId, held } = await askQuestion(guilde, { viewer: anna, communityId: kayak.id, input: validQuestion });
    stop();
    expect(held).toBe(true);
    expect(heard.some((event) => event.type === "question.asked")).toBe(false);
    expect(await kindsFor(hugo.id)).toEqual(["awaiting_approval"]);
    expect(await kindsFor(karim.id)).toEqual([]);

    for (const viewer of [karim, lea]) {
      await expect(getQuestion(guilde, { viewer, questionId })).rejects.toThrow(NotFound);
      const listed = await communityQuestionsPage(guilde, { viewer, slug: "kayaking" });
      expect(listed.readable && listed.page.items).toEqual([]);
      expect(await searchTitles(viewer, "spray deck katana")).toEqual([]);
    }
    const own = await getQuestion(guilde, { viewer: anna, questionId });
    expect(own.question).toMatchObject({ held: true, hidden: true });
    expect(own.may).toMatchObject({ answer: false, comment: false });
    const queue = await moderationQueue(guilde, { viewer: hugo, slug: "kayaking", view: "held" });
    expect(queue.counts.held).toBe(1);
    expect(queue.page.items).toMatchObject([{ id: questionId, kind: "question", author: { role: "customer" }, hidden: { reason: "awaiting_approval" } }]);
    await expect(approveContent(guilde, { viewer: lea, contentId: questionId })).rejects.toThrow(NotFound);

    const approval = recordEvents();
    await approveContent(guilde, { viewer: hugo, contentId: questionId });
    approval.stop();
    expect(approval.heard).toContainEqual({ type: "question.asked", communityId: kayak.id, questionId, authorId: anna.id });
    expect(await kindsFor(karim.id)).toEqual(["question_in_community"]);
    expect(await kindsFor(anna.id)).toEqual(["content_approved"]);
    expect((await getQuestion(guilde, { viewer: lea, questionId })).question.held).toBe(false);
    expect(await searchTitles(lea, "spray deck katana")).toEqual([validQuestion.title]);
    await expect(approveContent(guilde, { viewer: hugo, contentId: questionId })).rejects.toThrow(new Conflict("errors.notAwaitingApproval"));

    // Once one post is published, the customer's next posts are not held.
    const next = await askQuestion(guilde, { viewer: anna, communityId: kayak.id, input: { ...validQuestion, title: "Which helmet for a first river trip?" } });
    expect(next.held).toBe(false);
    expect(await guilde.db.select({ action: auditLog.action }).from(auditLog)).toEqual([{ action: "question.approve" }]);
  });

  it("a held answer does not count or notify until approved; a rejected one stays hidden with its reason", async () => {
    const { kayak, hugo, lea, anna } = await kayaking();
    const asked = await question(guilde, { in: kayak, by: lea });
    const first = await answerQuestion(guilde, { viewer: anna, questionId: asked.id, input: validAnswer });
    expect(first.held).toBe(true);
    expect((await guilde.db.select({ answerCount: posts.answerCount }).from(posts))[0].answerCount).toBe(0);
    expect(await kindsFor(lea.id)).toEqual([]);
    expect((await getQuestion(guilde, { viewer: lea, questionId: asked.id })).answers).toEqual([]);
    const own = await getQuestion(guilde, { viewer: anna, questionId: asked.id });
    expect(own.answers.map((item) => [item.id, item.held])).toEqual([[first.answerId, true]]);

    await hideContent(guilde, { viewer: hugo, contentId: first.answerId, input: { reason: "spam" } });
    expect((await guilde.db.select({ action: auditLog.action }).from(auditLog))[0].action).toBe("answer.reject");
    expect((await guilde.db.select({ hiddenReason: replies.hiddenReason }).from(replies))[0].hiddenReason).toBe("spam");

    const second = await answerQuestion(guilde, { viewer: anna, questionId: asked.id, input: validAnswer });
    expect(second.held).toBe(true);
    await approveContent(guilde, { viewer: hugo, contentId: second.answerId });
    expect((await guilde.db.select({ answerCount: posts.answerCount }).from(posts))[0].answerCount).toBe(1);
    expect(await kindsFor(lea.id)).toEqual(["answer_on_followed"]);
  });

  it("the community's setting decides whose posts are held; moderators' never are; employees' only under 'everyone'", async () => {
    const { kayak, hugo, lea, anna } = await kayaking();
    expect(kayak.premoderation).toBe("customers_first_post");
    await setPremoderation(guilde, { viewer: hugo, communityId: kayak.id, input: { premoderation: "off" } });
    expect((await askQuestion(guilde, { viewer: anna, communityId: kayak.id, input: validQuestion })).held).toBe(false);
    await setPremoderation(guilde, { viewer: hugo, communityId: kayak.id, input: { premoderation: "customers" } });
    expect((await askQuestion(guilde, { viewer: anna, communityId: kayak.id, input: validQuestion })).held).toBe(true);
    expect((await askQuestion(guilde, { viewer: lea, communityId: kayak.id, input: validQuestion })).held).toBe(false);
    await setPremoderation(guilde, { viewer: hugo, communityId: kayak.id, input: { premoderation: "everyone" } });
    expect((await askQuestion(guilde, { viewer: lea, communityId: kayak.id, input: validQuestion })).held).toBe(true);
    expect((await askQuestion(guilde, { viewer: hugo, communityId: kayak.id, input: validQuestion })).held).toBe(false);
    await expect(setPremoderation(guilde, { viewer: hugo, communityId: kayak.id, input: { premoderation: "sometimes" } })).rejects.toThrow(Invalid);
    const logged = await guilde.db.select().from(auditLog).where(eq(auditLog.action, "community.premoderation"));
    expect(logged.map((entry) => entry.details)).toEqual([
      { from: "customers_first_post", to: "off" },
      { from: "off", to: "customers" },
      { from: "customers", to: "everyone" },
    ]);
  });

  it("through the forms: a held question redirects with a notice, and the moderator approves it from the queue", async () => {
    const { hugo, anna } = await kayaking();
    const server = await guilde.serve();
    const customerBrowser = new HttpClient(server.url);
    customerBrowser.setCookieHeader(await sessionCookie(guilde, anna.id));
    const asked = await customerBrowser.post("/c/kayaking/ask", validQuestion);
    expect(asked.status).toBe(302);
    const location = asked.headers.get("location")!;
    expect(location).toMatch(/^\/questions\/[a-z0-9]+\?notice=held$/);
    const page = await customerBrowser.get(location);
    expect(await page.text()).toContain("A moderator will review your post before others can see it.");
    const questionId = location.split("/")[2].split("?")[0];

    const moderator = new HttpClient(server.url);
    moderator.setCookieHeader(await sessionCookie(guilde, hugo.id));
    expect(await (await moderator.get("/c/kayaking/moderation?view=held")).text()).toContain(validQuestion.title);
    const approved = await moderator.post("/c/kayaking/moderation", { intent: "approve", contentId: questionId, view: "held" });
    expect(approved.status).toBe(302);
    expect((await guilde.db.select({ hiddenAt: posts.hiddenAt }).from(posts).where(and(eq(posts.id, questionId))))[0].hiddenAt).toBeNull();
  });
});
