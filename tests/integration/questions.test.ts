import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notifications, posts, replies, revisions, votes } from "../../db/schema";
import { Forbidden, Invalid, NotFound } from "../../server/errors";
import { listNotifications, markNotificationsRead, unreadCount } from "../../server/notifications/list-notifications";
import { acceptAnswer } from "../../server/questions/accept-answer";
import { answerQuestion } from "../../server/questions/answer-question";
import { askQuestion } from "../../server/questions/ask-question";
import { comment } from "../../server/questions/comment";
import { deleteQuestion, deleteReply } from "../../server/questions/delete";
import { editQuestion, editReply } from "../../server/questions/edit";
import { followQuestion } from "../../server/questions/follow-question";
import { getQuestion } from "../../server/questions/get-question";
import { homeFeed, listPinnedQuestions, listQuestions } from "../../server/questions/list-questions";
import { listRevisions } from "../../server/questions/list-revisions";
import { closeQuestion, pinQuestion, reopenQuestion } from "../../server/questions/moderate-question";
import { vote } from "../../server/questions/vote";
import { leaveCommunity } from "../../server/communities/memberships";
import { answer, community, customer, employee, membership, question, site } from "../support/factories";
import { useGuilde } from "../support/guilde";

const guilde = useGuilde();

/** Lyon asks in Cycling repair; Karim, a monitor at Lille, watches over it; Hugo moderates. */
async function cyclingRepair() {
  const lyon = await site(guilde, { name: "Lyon Part-Dieu", city: "Lyon" });
  const lille = await site(guilde, { name: "Lille Centre", city: "Lille" });
  const cycling = await community(guilde, { name: "Cycling repair", slug: "cycling-repair" });
  const lea = await employee(guilde, { site: lyon, displayName: "Léa Dubois", email: "lea.dubois@guilde.test" });
  const karim = await employee(guilde, { site: lille, displayName: "Karim Benali" });
  const hugo = await employee(guilde, { site: lille, displayName: "Hugo Martin" });
  const colleague = await employee(guilde, { site: lyon });
  await membership(guilde, cycling, lea);
  await membership(guilde, cycling, karim, "monitor", { topics: ["freins"] });
  await membership(guilde, cycling, hugo, "moderator");
  return { lyon, lille, cycling, lea, karim, hugo, colleague };
}

const kindsFor = async (userId: string) =>
  (await guilde.db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.userId, userId))).map((row) => row.kind).sort();

const validQuestion = { title: "Hydraulic brake feels spongy", body: "After bleeding, the lever still goes to the bar. What did I miss?", tags: "freins, hydraulique" };

describe("asking", () => {
  it("records the asker's site and calls in the community's monitors, not its members", async () => {
    const { cycling, lea, karim, hugo, colleague, lyon } = await cyclingRepair();
    await membership(guilde, cycling, colleague);
    const { questionId } = await askQuestion(guilde, { viewer: lea, communityId: cycling.id, input: validQuestion });
    const [row] = await guilde.db.select().from(posts).where(eq(posts.id, questionId));
    expect(row).toMatchObject({ kind: "question", originSiteId: lyon.id, tags: ["freins", "hydraulique"], authorId: lea.id });
    expect(row.bodyHtml).toContain("<p>After bleeding");
    expect(await kindsFor(karim.id)).toEqual(["question_in_community"]);
    expect(await kindsFor(hugo.id)).toEqual([]);
    expect(await kindsFor(colleague.id)).toEqual([]);
  });

  it("notifies people @mentioned who may read the question, and nobody else", async () => {
    const { lea, colleague } = await cyclingRepair();
    const outsider = await employee(guilde);
    const bob = await customer(guilde);
    const secret = await community(guilde, { visibility: "private" });
    await membership(guilde, secret, lea);
    await membership(guilde, secret, colleague);
    await askQuestion(guilde, {
      viewer: lea,
      communityId: secret.id,
      input: { ...validQuestion, body: `Any idea @${colleague.handle}, @${outsider.handle} or @${bob.handle}? \`@${colleague.handle}\` in code is not a mention.` },
    });
    expect(await kindsFor(colleague.id)).toEqual(["mention"]);
    expect(await kindsFor(outsider.id)).toEqual([]);
    expect(await kindsFor(bob.id)).toEqual([]);
  });

  it.each([
    ["an empty title", { title: "" }, "title"],
    ["a 300-character title", { title: "x".repeat(300) }, "title"],
    ["a 200 KB body", { body: "word ".repeat(40_000) }, "body"],
    ["six tags", { tags: "a, b, c, d, e, f" }, "tags"],
    ["a tag with markup", { tags: "<script>" }, "tags"],
  ])("refuses %s with a field error and writes nothing", async (_case, override, field) => {
    const { cycling, lea, karim } = await cyclingRepair();
    const error = await askQuestion(guilde, { viewer: lea, communityId: cycling.id, input: { ...validQuestion, ...override } }).catch((caught) => caught);
    expect(error).toBeInstanceOf(Invalid);
    expect(Object.keys((error as Invalid).fieldErrors)).toEqual([field]);
    expect(await guilde.db.select().from(posts)).toHaveLength(0);
    expect(await kindsFor(karim.id)).toEqual([]);
  });

  it("an unknown community, a private one, or an internal one for a customer is not found", async () => {
    const { lea } = await cyclingRepair();
    const bob = await customer(guilde);
    const secret = await community(guilde, { visibility: "private" });
    const internal = await community(guilde, { visibility: "internal" });
    await expect(askQuestion(guilde, { viewer: lea, communityId: "nowhere", input: validQuestion })).rejects.toThrow(NotFound);
    await expect(askQuestion(guilde, { viewer: lea, communityId: secret.id, input: validQuestion })).rejects.toThrow(NotFound);
    await expect(askQuestion(guilde, { viewer: bob, communityId: internal.id, input: validQuestion })).rejects.toThrow(NotFound);
    await expect(askQuestion(guilde, { viewer: null, communityId: internal.id, input: validQuestion })).rejects.toThrow(NotFound);
  });
});

describe("answering", () => {
  it("a monitor of another site answers: the asker is told, the answer is marked cross-site", async () => {
    const { cycling, lea, karim, colleague } = await cyclingRepair();
    const asked = await question(guilde, { in: cycling, by: lea });
    const crossSite = await answer(guilde, { to: asked, by: karim });
    const sameSite = await answer(guilde, { to: asked, by: colleague });

    expect(await kindsFor(lea.id)).toEqual(["answer_on_followed", "answer_on_followed"]);
    const thread = await getQuestion(guilde, { viewer: lea, questionId: asked.id });
    expect(thread.question.answerCount).toBe(2);
    const byId = new Map(thread.answers.map((item) => [item.id, item]));
    expect(byId.get(crossSite.id)).toMatchObject({ crossSite: true, author: expect.objectContaining({ siteName: "Lille Centre" }) });
    expect(byId.get(sameSite.id)).toMatchObject({ crossSite: false });
  });

  it("refuses an empty answer and an answer to a closed question, changing nothing", async () => {
    const { cycling, lea, karim, hugo } = await cyclingRepair();
    const asked = await question(guilde, { in: cycling, by: lea });
    await expect(answerQuestion(guilde, { viewer: karim, questionId: asked.id, input: { body: " " } })).rejects.toThrow(Invalid);
    await closeQuestion(guilde, { viewer: hugo, questionId: asked.id, input: { reason: "off_topic" } });
    await expect(answerQuestion(guilde, { viewer: karim, questionId: asked.id, input: { body: "Bleed it again from the caliper." } })).rejects.toThrow(Forbidden);
    expect(await guilde.db.select().from(replies)).toHaveLength(0);
  });

  it("comments on the question and on an answer notify their authors", async () => {
    const { cycling, lea, karim, colleague } = await cyclingRepair();
    const asked = await question(guilde, { in: cycling, by: lea });
    const given = await answer(guilde, { to: asked, by: karim });
    await comment(guilde, { viewer: colleague, questionId: asked.id, input: { body: "Which brand of brakes?" } });
    await comment(guilde, { viewer: lea, questionId: asked.id, answerId: given.id, input: { body: "Thanks, trying now." } });
    expect(await kindsFor(lea.id)).toEqual(["answer_on_followed", "comment_on_post"]);
    expect(await kindsFor(karim.id)).toContain("comment_on_post");
    const thread = await getQuestion(guilde, { viewer: colleague, questionId: asked.id });
    expect(thread.question.comments.map((item) => item.body)).toEqual(["Which brand of brakes?"]);
    expect(thread.answers[0].comments.map((item) => item.body)).toEqual(["Thanks, trying now."]);
    await expect(comment(guilde, { viewer: colleague, questionId: "elsewhere", answerId: given.id, input: { body: "Sneaky" } })).rejects.toThrow(NotFound);
  });
});

describe("editing and deleting", () => {
  it("the author edits; the revision history says who changed what", async () => {
    const { cycling, lea, hugo } = await cyclingRepair();
    const asked = await question(guilde, { in: cycling, by: lea, title: "Spongy brake lever on a Shimano", body: "The lever goes to the bar." });
    await editQuestion(guilde, { viewer: lea, questionId: asked.id, input: { title: "Spongy brake lever on a Shimano MT200", body: "The lever goes all the way to the bar.", tags: "freins" } });
    await editQuestion(guilde, { viewer: hugo, questionId: asked.id, input: { title: "Spongy brake lever on a Shimano MT200", body: "The lever goes all the way to the bar after bleeding.", tags: "freins" } });

    const { history } = await listRevisions(guilde, { viewer: lea, targetId: asked.id });
    expect(history.map((entry) => entry.editor?.id)).toEqual([hugo.id, lea.id, lea.id]);
    expect(history[0].bodyDiff.filter((part) => part.added).map((part) => part.value.trim())).toEqual(["after bleeding"]);
    expect(history[1].titleDiff?.filter((part) => part.added).map((part) => part.value.trim())).toEqual(["MT200"]);
    expect(await guilde.db.select().from(revisions)).toHaveLength(2);
  });

  it("nobody edits or deletes someone else's post, except a moderator", async () => {
    const { cycling, lea, karim, colleague, hugo } = await cyclingRepair();
    const asked = await question(guilde, { in: cycling, by: lea });
    const given = await answer(guilde, { to: asked, by: karim });
    await expect(editQuestion(guilde, { viewer: colleague, questionId: asked.id, input: validQuestion })).rejects.toThrow(Forbidden);
    await expect(editReply(guilde, { viewer: lea, replyId: given.id, input: { body: "I rewrote your answer entirely." } })).rejects.toThrow(Forbidden);
    await expect(deleteReply(guilde, { viewer: colleague, replyId: given.id })).rejects.toThrow(Forbidden);
    await expect(deleteQuestion(guilde, { viewer: karim, questionId: asked.id })).rejects.toThrow(Forbidden);
    const [unchanged] = await guilde.db.select().from(posts).where(eq(posts.id, asked.id));
    expect(unchanged.title).toBe(asked.title);

    await deleteReply(guilde, { viewer: hugo, replyId: given.id });
    const [after] = await guilde.db.select().from(posts).where(eq(posts.id, asked.id));
    expect(after.answerCount).toBe(0);
    expect((await getQuestion(guilde, { viewer: lea, questionId: asked.id })).answers).toEqual([]);
    expect((await getQuestion(guilde, { viewer: hugo, questionId: asked.id })).answers.map((item) => item.deleted)).toEqual([true]);
  });

  it("a deleted question disappears from lists and is not found by its URL", async () => {
    const { cycling, lea, colleague } = await cyclingRepair();
    const asked = await question(guilde, { in: cycling, by: lea });
    await deleteQuestion(guilde, { viewer: lea, questionId: asked.id });
    expect((await listQuestions(guilde, { viewer: colleague, communityId: cycling.id })).items).toEqual([]);
    await expect(getQuestion(guilde, { viewer: colleague, questionId: asked.id })).rejects.toThrow(NotFound);
  });
});

describe("votes", () => {
  it("one vote per person, changeable and withdrawable, never on one's own post", async () => {
    const { cycling, lea, karim, colleague } = await cyclingRepair();
    const asked = await question(guilde, { in: cycling, by: lea });
    const given = await answer(guilde, { to: asked, by: karim });

    expect(await vote(guilde, { viewer: colleague, targetId: asked.id, input: { value: 1 } })).toMatchObject({ score: 1 });
    expect(await vote(guilde, { viewer: colleague, targetId: asked.id, input: { value: 1 } })).toMatchObject({ score: 1 });
    expect(await vote(guilde, { viewer: colleague, targetId: asked.id, input: { value: -1 } })).toMatchObject({ score: -1 });
    expect(await vote(guilde, { viewer: colleague, targetId: asked.id, input: { value: 0 } })).toMatchObject({ score: 0 });
    expect(await vote(guilde, { viewer: lea, targetId: given.id, input: { value: 1 } })).toMatchObject({ score: 1 });

    await expect(vote(guilde, { viewer: lea, targetId: asked.id, input: { value: 1 } })).rejects.toThrow(Forbidden);
    await expect(vote(guilde, { viewer: karim, targetId: given.id, input: { value: 1 } })).rejects.toThrow(Forbidden);
    await expect(vote(guilde, { viewer: colleague, targetId: asked.id, input: { value: 5 } })).rejects.toThrow(Invalid);
    expect(await guilde.db.select().from(votes)).toHaveLength(1);
  });

  it("concurrent votes are each counted exactly once", async () => {
    const { cycling, lea } = await cyclingRepair();
    const asked = await question(guilde, { in: cycling, by: lea });
    const voters = await Promise.all(Array.from({ length: 12 }, () => employee(guilde)));
    await Promise.all(voters.flatMap((voter) => [1, 2].map(() => vote(guilde, { viewer: voter, targetId: asked.id, input: { value: 1 } }))));
    const [row] = await guilde.db.select({ score: posts.score }).from(posts).where(eq(posts.id, asked.id));
    expect(row.score).toBe(12);
    expect(await guilde.db.select().from(votes).where(eq(votes.targetId, asked.id))).toHaveLength(12);
  });
});

describe("accepting", () => {
  it("the asker accepts an answer: solved, shown first, its author told", async () => {
    const { cycling, lea, karim, colleague } = await cyclingRepair();
    const asked = await question(guilde, { in: cycling, by: lea });
    const first = await answer(guilde, { to: asked, by: colleague });
    await vote(guilde, { viewer: karim, targetId: first.id, input: { value: 1 } });
    const best = await answer(guilde, { to: asked, by: karim });

    await expect(acceptAnswer(guilde, { viewer: colleague, questionId: asked.id, answerId: best.id })).rejects.toThrow(Forbidden);
    await acceptAnswer(guilde, { viewer: lea, questionId: asked.id, answerId: best.id });

    const thread = await getQuestion(guilde, { viewer: lea, questionId: asked.id });
    expect(thread.question.solved).toBe(true);
    expect(thread.answers.map((item) => [item.id, item.accepted])).toEqual([
      [best.id, true],
      [first.id, false],
    ]);
    expect(await kindsFor(karim.id)).toContain("answer_accepted");
    expect((await listQuestions(guilde, { viewer: lea, communityId: cycling.id, tab: "solved" })).items.map((item) => item.id)).toEqual([asked.id]);
    expect((await listQuestions(guilde, { viewer: lea, communityId: cycling.id, tab: "unanswered" })).items).toEqual([]);
  });

  it("refuses an answer of another question", async () => {
    const { cycling, lea, karim } = await cyclingRepair();
    const asked = await question(guilde, { in: cycling, by: lea });
    const other = await question(guilde, { in: cycling, by: lea });
    const elsewhere = await answer(guilde, { to: other, by: karim });
    await expect(acceptAnswer(guilde, { viewer: lea, questionId: asked.id, answerId: elsewhere.id })).rejects.toThrow(Invalid);
  });
});

describe("moderating questions", () => {
  it("a duplicate is closed with a link kept on both sides; reopening removes it", async () => {
    const { cycling, lea, hugo, colleague } = await cyclingRepair();
    const original = await question(guilde, { in: cycling, by: lea, title: "How do I bleed Shimano brakes?" });
    const copy = await question(guilde, { in: cycling, by: colleague, title: "Bleeding Shimano hydraulic brakes" });

    await expect(closeQuestion(guilde, { viewer: lea, questionId: copy.id, input: { reason: "duplicate", duplicateOfId: original.id } })).rejects.toThrow(Forbidden);
    await expect(closeQuestion(guilde, { viewer: hugo, questionId: copy.id, input: { reason: "duplicate", duplicateOfId: copy.id } })).rejects.toThrow(Invalid);
    await expect(closeQuestion(guilde, { viewer: hugo, questionId: copy.id, input: { reason: "duplicate" } })).rejects.toThrow(Invalid);
    await closeQuestion(guilde, { viewer: hugo, questionId: copy.id, input: { reason: "duplicate", duplicateOfId: `https://guilde.example/questions/${original.id}` } });

    expect((await getQuestion(guilde, { viewer: lea, questionId: copy.id })).duplicateOf).toEqual({ id: original.id, title: original.title });
    expect((await getQuestion(guilde, { viewer: lea, questionId: original.id })).duplicates).toEqual([{ id: copy.id, title: copy.title }]);
    expect(await kindsFor(colleague.id)).toEqual(["question_closed"]);

    await reopenQuestion(guilde, { viewer: hugo, questionId: copy.id });
    expect((await getQuestion(guilde, { viewer: lea, questionId: original.id })).duplicates).toEqual([]);
  });

  it("pinned questions are listed above the others", async () => {
    const { cycling, lea, hugo } = await cyclingRepair();
    const rules = await question(guilde, { in: cycling, by: hugo, title: "Read this before asking a question" });
    await question(guilde, { in: cycling, by: lea });
    await pinQuestion(guilde, { viewer: hugo, questionId: rules.id, pinned: true });
    await expect(pinQuestion(guilde, { viewer: lea, questionId: rules.id, pinned: false })).rejects.toThrow(Forbidden);
    expect((await listPinnedQuestions(guilde, { viewer: lea, communityId: cycling.id })).map((item) => item.id)).toEqual([rules.id]);
  });
});

describe("lists and feeds", () => {
  it("pages through a community's newest questions without skipping or repeating", async () => {
    const { cycling, lea } = await cyclingRepair();
    const asked: string[] = [];
    for (let n = 0; n < 23; n++) asked.unshift((await question(guilde, { in: cycling, by: lea })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listQuestions(guilde, { viewer: lea, communityId: cycling.id, cursor, limit: 10 });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(asked);
    const forged = await listQuestions(guilde, { viewer: lea, communityId: cycling.id, cursor: "not-a-cursor", limit: 5 });
    expect(forged.items.map((item) => item.id)).toEqual(asked.slice(0, 5));
  });

  it("the top tab orders by score", async () => {
    const { cycling, lea, karim } = await cyclingRepair();
    const low = await question(guilde, { in: cycling, by: lea });
    const high = await question(guilde, { in: cycling, by: lea });
    await vote(guilde, { viewer: karim, targetId: high.id, input: { value: 1 } });
    await vote(guilde, { viewer: karim, targetId: low.id, input: { value: -1 } });
    const page = await listQuestions(guilde, { viewer: lea, communityId: cycling.id, tab: "top", limit: 1 });
    expect(page.items.map((item) => item.id)).toEqual([high.id]);
    const next = await listQuestions(guilde, { viewer: lea, communityId: cycling.id, tab: "top", cursor: page.nextCursor });
    expect(next.items.map((item) => item.id)).toEqual([low.id]);
  });

  it("the home feed shows my communities and followed questions; monitors get their unanswered ones", async () => {
    const { cycling, lea, karim } = await cyclingRepair();
    const running = await community(guilde, { name: "Running" });
    const runner = await employee(guilde);
    await membership(guilde, running, runner);
    const inCycling = await question(guilde, { in: cycling, by: lea });
    const inRunning = await question(guilde, { in: running, by: runner });

    expect((await homeFeed(guilde, { viewer: lea })).items.map((item) => item.id)).toEqual([inCycling.id]);
    await followQuestion(guilde, { viewer: lea, questionId: inRunning.id, follow: true });
    expect((await homeFeed(guilde, { viewer: lea })).items.map((item) => item.id).sort()).toEqual([inCycling.id, inRunning.id].sort());
    expect((await homeFeed(guilde, { viewer: karim })).unansweredForMonitor.map((item) => item.id)).toEqual([inCycling.id]);
  });

  it("following a question notifies of its answers; unfollowing stops it", async () => {
    const { cycling, lea, karim, colleague } = await cyclingRepair();
    const asked = await question(guilde, { in: cycling, by: lea });
    await followQuestion(guilde, { viewer: colleague, questionId: asked.id, follow: true });
    await answer(guilde, { to: asked, by: karim });
    await followQuestion(guilde, { viewer: colleague, questionId: asked.id, follow: false });
    await answer(guilde, { to: asked, by: karim, body: "And check the pads are not contaminated with oil." });
    expect(await kindsFor(colleague.id)).toEqual(["answer_on_followed"]);
  });
});

describe("notifications", () => {
  it("lists, counts and marks read; hides what the reader may no longer see", async () => {
    const { cycling, lea, karim } = await cyclingRepair();
    const secret = await community(guilde, { visibility: "private" });
    await membership(guilde, secret, karim, "monitor");
    await membership(guilde, secret, lea);
    await question(guilde, { in: secret, by: lea });
    const cyclingQuestion = await question(guilde, { in: cycling, by: lea });

    const list = await listNotifications(guilde, { viewer: karim });
    expect(list.unread).toBe(2);
    expect(list.items.map((item) => item.kind)).toEqual(["question_in_community", "question_in_community"]);

    await leaveCommunity(guilde, { viewer: karim, communityId: secret.id });
    const afterLeaving = await listNotifications(guilde, { viewer: karim });
    expect(afterLeaving.items.map((item) => item.postId)).toEqual([cyclingQuestion.id]);
    expect(await unreadCount(guilde, { viewer: karim })).toBe(1);

    await markNotificationsRead(guilde, { viewer: lea, ids: afterLeaving.items.map((item) => item.id) });
    expect(await unreadCount(guilde, { viewer: karim })).toBe(1);
    await markNotificationsRead(guilde, { viewer: karim, ids: "all" });
    expect(await unreadCount(guilde, { viewer: karim })).toBe(0);
    const [row] = await guilde.db.select().from(notifications).where(and(eq(notifications.userId, karim.id), eq(notifications.postId, cyclingQuestion.id)));
    expect(row.readAt).not.toBeNull();
  });
});
