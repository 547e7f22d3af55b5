import { and, count, eq, isNotNull, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { newId } from "../../db/ids";
import { notifications, posts, type Community } from "../../db/schema";
import { getCommunity } from "../../server/communities/get-community";
import { approveContent } from "../../server/moderation/approve-content";
import { hideContent, restoreContent } from "../../server/moderation/hide-content";
import { moveQuestion } from "../../server/moderation/move-question";
import { setPremoderation } from "../../server/moderation/set-premoderation";
import { listNotifications, markNotificationsRead, unreadCount, unreadCountCap } from "../../server/notifications/list-notifications";
import { acceptAnswer } from "../../server/questions/accept-answer";
import { answerQuestion } from "../../server/questions/answer-question";
import { askQuestion } from "../../server/questions/ask-question";
import { deleteQuestion, deleteReply } from "../../server/questions/delete";
import { answer, community, customer, employee, membership, question } from "../support/factories";
import { useGuilde } from "../support/guilde";

const guilde = useGuilde();

/** What the community page's counts mean, counted from the posts themselves. */
async function countedFromPosts(of: Community) {
  const listed = and(eq(posts.communityId, of.id), eq(posts.kind, "question"), isNull(posts.deletedAt), isNull(posts.hiddenAt));
  const [[questions], [unanswered], [solved]] = await Promise.all([
    guilde.db.select({ n: count() }).from(posts).where(listed),
    guilde.db.select({ n: count() }).from(posts).where(and(listed, eq(posts.answerCount, 0))),
    guilde.db.select({ n: count() }).from(posts).where(and(listed, isNotNull(posts.acceptedAnswerId))),
  ]);
  return { questions: questions.n, unanswered: unanswered.n, solved: solved.n };
}

async function shownCounts(of: Community, viewer: Awaited<ReturnType<typeof employee>>) {
  const { counts } = await getCommunity(guilde, { viewer, slug: of.slug });
  return counts && { questions: counts.questions, unanswered: counts.unanswered, solved: counts.solved };
}

describe("a community's question counts, kept as questions change", () => {
  it("stay equal to the listed questions through asking, answering, accepting, hiding, restoring, deleting and moving", async () => {
    const kayak = await community(guilde, { slug: "kayak" });
    const canoe = await community(guilde, { slug: "canoe" });
    const hugo = await employee(guilde);
    const lea = await employee(guilde);
    const karim = await employee(guilde);
    await membership(guilde, kayak, hugo, "moderator");
    await membership(guilde, canoe, hugo, "moderator");
    const expectCounts = async (expected: { kayak: [number, number, number]; canoe: [number, number, number] }) => {
      for (const [where, [questions, unanswered, solved]] of [
        [kayak, expected.kayak],
        [canoe, expected.canoe],
      ] as const) {
        expect(await shownCounts(where, lea)).toEqual({ questions, unanswered, solved });
        expect(await countedFromPosts(where)).toEqual({ questions, unanswered, solved });
      }
    };

    const first = await question(guilde, { in: kayak, by: lea });
    const second = await question(guilde, { in: kayak, by: lea });
    await expectCounts({ kayak: [2, 2, 0], canoe: [0, 0, 0] });

    const given = await answer(guilde, { to: first, by: karim });
    await answer(guilde, { to: first, by: hugo });
    await expectCounts({ kayak: [2, 1, 0], canoe: [0, 0, 0] });

    await acceptAnswer(guilde, { viewer: lea, questionId: first.id, answerId: given.id });
    await expectCounts({ kayak: [2, 1, 1], canoe: [0, 0, 0] });

    await hideContent(guilde, { viewer: hugo, contentId: first.id, input: { reason: "confidential" } });
    await expectCounts({ kayak: [1, 1, 0], canoe: [0, 0, 0] });
    await restoreContent(guilde, { viewer: hugo, contentId: first.id });
    await expectCounts({ kayak: [2, 1, 1], canoe: [0, 0, 0] });

    await moveQuestion(guilde, { viewer: hugo, questionId: first.id, input: { communityId: canoe.id } });
    await expectCounts({ kayak: [1, 1, 0], canoe: [1, 0, 1] });

    const reply = await answer(guilde, { to: second, by: karim });
    await expectCounts({ kayak: [1, 0, 0], canoe: [1, 0, 1] });
    await deleteReply(guilde, { viewer: karim, replyId: reply.id });
    await expectCounts({ kayak: [1, 1, 0], canoe: [1, 0, 1] });

    await deleteQuestion(guilde, { viewer: hugo, questionId: first.id });
    await expectCounts({ kayak: [1, 1, 0], canoe: [0, 0, 0] });
  });

  it("a question held for approval counts once approved, not before", async () => {
    const kayak = await community(guilde, { slug: "kayak", visibility: "open" });
    const hugo = await employee(guilde);
    await membership(guilde, kayak, hugo, "moderator");
    await setPremoderation(guilde, { viewer: hugo, communityId: kayak.id, input: { premoderation: "everyone" } });
    const bob = await customer(guilde, { invitedTo: kayak });
    const { questionId, held } = await askQuestion(guilde, {
      viewer: bob,
      communityId: kayak.id,
      input: { title: "Which paddle length for a touring kayak?", body: "I am 1.80 m tall and paddle on lakes.", tags: [] },
    });
    expect(held).toBe(true);
    expect(await shownCounts(kayak, hugo)).toEqual({ questions: 0, unanswered: 0, solved: 0 });

    await approveContent(guilde, { viewer: hugo, contentId: questionId });
    expect(await shownCounts(kayak, hugo)).toEqual({ questions: 1, unanswered: 1, solved: 0 });
    const { answerId } = await answerQuestion(guilde, { viewer: bob, questionId, input: { body: "Around 220 cm, I was told at the shop." } });
    expect(await shownCounts(kayak, hugo)).toEqual({ questions: 1, unanswered: 1, solved: 0 });
    await approveContent(guilde, { viewer: hugo, contentId: answerId });
    expect(await shownCounts(kayak, hugo)).toEqual({ questions: 1, unanswered: 0, solved: 0 });
    expect(await countedFromPosts(kayak)).toEqual({ questions: 1, unanswered: 0, solved: 0 });
  });
});

describe("the unread notifications count", () => {
  it("leaves out notifications about posts the reader may no longer see, as the list does", async () => {
    const kayak = await community(guilde, { slug: "kayak" });
    const committee = await community(guilde, { slug: "committee", visibility: "private" });
    const hugo = await employee(guilde);
    const lea = await employee(guilde);
    const karim = await employee(guilde);
    await membership(guilde, kayak, hugo, "moderator");
    await membership(guilde, committee, hugo, "moderator");
    const deleted = await question(guilde, { in: kayak, by: lea });
    const hidden = await question(guilde, { in: kayak, by: karim });
    const moved = await question(guilde, { in: kayak, by: lea });
    const kept = await question(guilde, { in: kayak, by: lea });
    // Lea follows what she asked and the question she answered: each answer notifies her.
    await answer(guilde, { to: hidden, by: lea });
    for (const asked of [deleted, hidden, moved, kept]) await answer(guilde, { to: asked, by: hugo });
    expect(await unreadCount(guilde, { viewer: lea })).toBe(4);

    await deleteQuestion(guilde, { viewer: hugo, questionId: deleted.id });
    await hideContent(guilde, { viewer: hugo, contentId: hidden.id, input: { reason: "confidential" } });
    await moveQuestion(guilde, { viewer: hugo, questionId: moved.id, input: { communityId: committee.id } });

    expect(await unreadCount(guilde, { viewer: lea })).toBe(1);
    const listed = await listNotifications(guilde, { viewer: lea });
    expect(listed.unread).toBe(1);
    expect(listed.items.map((item) => item.postId)).toEqual([kept.id]);
    // Its author still sees their hidden question, and what is about it.
    const karimsList = await listNotifications(guilde, { viewer: karim });
    expect(karimsList.items.filter((item) => item.postId === hidden.id).length).toBeGreaterThanOrEqual(2);
    expect(await unreadCount(guilde, { viewer: karim })).toBe(karimsList.items.filter((item) => !item.read).length);
  });

  it("stops counting at the cap, beyond which the bell shows 99+, and counts again once they are read", async () => {
    const lea = await employee(guilde);
    const many = Array.from({ length: unreadCountCap + 5 }, () => ({ id: newId(), userId: lea.id, kind: "mention" as const }));
    await guilde.db.insert(notifications).values(many);
    expect(await unreadCount(guilde, { viewer: lea })).toBe(unreadCountCap);
    expect((await listNotifications(guilde, { viewer: lea })).unread).toBe(unreadCountCap);

    await markNotificationsRead(guilde, { viewer: lea, ids: many.slice(0, 10).map((row) => row.id) });
    expect(await unreadCount(guilde, { viewer: lea })).toBe(unreadCountCap - 5);
  });
});
