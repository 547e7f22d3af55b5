import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { follows, ideaAdoptions, ideas, ideaStatusChanges, ideaVotes, notifications, posts, replies, type Community, type User } from "../../db/schema";
import { Conflict, Forbidden, Invalid, NotFound } from "../../server/errors";
import { adoptIdea } from "../../server/ideas/adopt-idea";
import { changeIdeaStatus } from "../../server/ideas/change-idea-status";
import { commentOnIdea } from "../../server/ideas/comment-on-idea";
import { followIdea } from "../../server/ideas/follow-idea";
import { getIdea } from "../../server/ideas/get-idea";
import { communityIdeasPage, listAllIdeas } from "../../server/ideas/list-ideas";
import { mergeIdeas } from "../../server/ideas/merge-ideas";
import { proposeIdea } from "../../server/ideas/propose-idea";
import { voteOnIdea } from "../../server/ideas/vote-on-idea";
import { listNotifications } from "../../server/notifications/list-notifications";
import { comment } from "../../server/questions/comment";
import { deleteQuestion } from "../../server/questions/delete";
import { editQuestion } from "../../server/questions/edit";
import { followQuestion } from "../../server/questions/follow-question";
import { homeFeed, listQuestions } from "../../server/questions/list-questions";
import { vote } from "../../server/questions/vote";
import { getCommunity } from "../../server/communities/get-community";
import { drainOutbox } from "../../server/search/outbox-worker";
import { searchContent } from "../../server/search/search-content";
import { community, customer, employee, membership, question, site } from "../support/factories";
import { useGuilde } from "../support/guilde";
import { signedInThroughTheForm } from "../support/http";

const guilde = useGuilde();

/** Store operations: Léa at Lyon proposes, Karim at Lille and a Lyon colleague vote, Hugo moderates. */
async function storeOperations() {
  const lyon = await site(guilde, { name: "Lyon Part-Dieu", city: "Lyon" });
  const lille = await site(guilde, { name: "Lille Centre", city: "Lille" });
  const store = await community(guilde, { name: "Store operations", slug: "store-operations" });
  const lea = await employee(guilde, { site: lyon, displayName: "Léa Dubois" });
  const karim = await employee(guilde, { site: lille, displayName: "Karim Benali" });
  const hugo = await employee(guilde, { site: lille, displayName: "Hugo Martin" });
  const colleague = await employee(guilde, { site: lyon });
  await membership(guilde, store, lea);
  await membership(guilde, store, karim);
  await membership(guilde, store, hugo, "moderator");
  return { lyon, lille, store, lea, karim, hugo, colleague };
}

const validIdea = {
  title: "Self-service returns kiosk at the entrance",
  problem: "Returns queue at the main till for twenty minutes on Saturdays.",
  proposal: "Put a self-service kiosk at the entrance that prints a return label.",
  benefit: "Shorter queues, and staff free for advice.",
  tags: "returns, tills",
};

async function idea(where: Community, by: User, title = validIdea.title) {
  const { ideaId } = await proposeIdea(guilde, { viewer: by, communityId: where.id, input: { ...validIdea, title } });
  return ideaId;
}

const kindsFor = async (userId: string) =>
  (await guilde.db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.userId, userId))).map((row) => row.kind).sort();

const voteCount = async (ideaId: string) => (await guilde.db.select({ voteCount: ideas.voteCount }).from(ideas).where(eq(ideas.postId, ideaId)))[0].voteCount;
const voteRows = async (ideaId: string) => (await guilde.db.select().from(ideaVotes).where(eq(ideaVotes.ideaId, ideaId))).length;

describe("proposing", () => {
  it("records the idea as a post of kind idea with its site, starts its timeline and has its author follow it", async () => {
    const { store, lea, lyon } = await storeOperations();
    const ideaId = await idea(store, lea);
    const [post] = await guilde.db.select().from(posts).where(eq(posts.id, ideaId));
    expect(post).toMatchObject({ kind: "idea", originSiteId: lyon.id, authorId: lea.id, tags: ["returns", "tills"], body: validIdea.problem });
    const page = await getIdea(guilde, { viewer: lea, ideaId });
    if ("mergedInto" in page) throw new Error("not merged");
    expect(page.idea).toMatchObject({ status: "proposed", voteCount: 0, following: true, author: expect.objectContaining({ siteName: "Lyon Part-Dieu" }) });
    expect(page.idea.proposalHtml).toContain("<p>Put a self-service kiosk");
    expect(page.timeline.map((change) => change.toStatus)).toEqual(["proposed"]);
  });

  it.each([
    ["a short title", { title: "Kiosk" }, "title"],
    ["no problem", { problem: "" }, "problem"],
    ["a short proposal", { proposal: "A kiosk." }, "proposal"],
    ["no benefit", { benefit: " " }, "benefit"],
    ["six tags", { tags: "a, b, c, d, e, f" }, "tags"],
  ])("refuses %s with a field error and stores nothing", async (_case, override, field) => {
    const { store, lea } = await storeOperations();
    const error = await proposeIdea(guilde, { viewer: lea, communityId: store.id, input: { ...validIdea, ...override } }).catch((caught) => caught);
    expect(error).toBeInstanceOf(Invalid);
    expect(Object.keys((error as Invalid).fieldErrors)).toEqual([field]);
    expect(await guilde.db.select().from(posts)).toHaveLength(0);
    expect(await guilde.db.select().from(ideas)).toHaveLength(0);
  });

  it("a private community's idea cannot be proposed by an outsider; customers read but do not propose", async () => {
    const { lea } = await storeOperations();
    const secret = await community(guilde, { visibility: "private" });
    const kayak = await community(guilde, { visibility: "open" });
    const bob = await customer(guilde, { invitedTo: kayak });
    await expect(proposeIdea(guilde, { viewer: lea, communityId: secret.id, input: validIdea })).rejects.toThrow(NotFound);
    await expect(proposeIdea(guilde, { viewer: bob, communityId: kayak.id, input: validIdea })).rejects.toThrow(Forbidden);
    expect(await guilde.db.select().from(posts)).toHaveLength(0);
  });
});

describe("voting", () => {
  it("one vote per person, withdrawable, never on one's own idea; a second vote is refused and changes nothing", async () => {
    const { store, lea, karim } = await storeOperations();
    const ideaId = await idea(store, lea);
    expect(await voteOnIdea(guilde, { viewer: karim, ideaId, input: { vote: "true" } })).toEqual({ voteCount: 1, voted: true });
    await expect(voteOnIdea(guilde, { viewer: karim, ideaId, input: { vote: "true" } })).rejects.toThrow(Conflict);
    expect([await voteCount(ideaId), await voteRows(ideaId)]).toEqual([1, 1]);
    await expect(voteOnIdea(guilde, { viewer: lea, ideaId, input: { vote: true } })).rejects.toThrow(Forbidden);
    await expect(voteOnIdea(guilde, { viewer: karim, ideaId, input: { vote: "maybe" } })).rejects.toThrow(Invalid);
    expect(await voteOnIdea(guilde, { viewer: karim, ideaId, input: { vote: "false" } })).toEqual({ voteCount: 0, voted: false });
    await expect(voteOnIdea(guilde, { viewer: karim, ideaId, input: { vote: false } })).rejects.toThrow(Conflict);
    expect([await voteCount(ideaId), await voteRows(ideaId)]).toEqual([0, 0]);
  });

  it("50 concurrent voters give a count of 50, each voting twice at once", async () => {
    const { store, lea } = await storeOperations();
    const ideaId = await idea(store, lea);
    const voters = await Promise.all(Array.from({ length: 50 }, () => employee(guilde)));
    const results = await Promise.allSettled(voters.flatMap((voter) => [1, 2].map(() => voteOnIdea(guilde, { viewer: voter, ideaId, input: { vote: true } }))));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(50);
    const refusals = results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
    expect(refusals.every((reason) => reason instanceof Conflict)).toBe(true);
    expect(await voteCount(ideaId)).toBe(50);
    expect(await voteRows(ideaId)).toBe(50);
  });

  it("a customer of an open community votes there; nobody votes where they may not read", async () => {
    const { lea } = await storeOperations();
    const kayak = await community(guilde, { visibility: "open" });
    const secret = await community(guilde, { visibility: "private" });
    await membership(guilde, kayak, lea);
    await membership(guilde, secret, lea);
    const bob = await customer(guilde, { invitedTo: kayak });
    const outsider = await employee(guilde);
    const open = await idea(kayak, lea);
    const hidden = await idea(secret, lea, "A private committee's idea about pricing");
    expect(await voteOnIdea(guilde, { viewer: bob, ideaId: open, input: { vote: true } })).toMatchObject({ voteCount: 1 });
    await expect(voteOnIdea(guilde, { viewer: outsider, ideaId: hidden, input: { vote: true } })).rejects.toThrow(NotFound);
    await expect(voteOnIdea(guilde, { viewer: bob, ideaId: hidden, input: { vote: true } })).rejects.toThrow(NotFound);
    expect(await voteRows(hidden)).toBe(0);
  });
});

describe("question services refuse an idea", () => {
  it("votes, comments, follows, edits and deletes meant for questions find no idea, and change nothing", async () => {
    const { store, lea, karim, hugo } = await storeOperations();
    const ideaId = await idea(store, lea);
    const [before] = await guilde.db.select().from(posts).where(eq(posts.id, ideaId));
    await expect(vote(guilde, { viewer: karim, targetId: ideaId, input: { value: "-1" } })).rejects.toThrow(NotFound);
    await expect(comment(guilde, { viewer: karim, questionId: ideaId, input: { body: "A comment through the question path." } })).rejects.toThrow(NotFound);
    await expect(followQuestion(guilde, { viewer: karim, questionId: ideaId, follow: true })).rejects.toThrow(NotFound);
    await expect(editQuestion(guilde, { viewer: lea, questionId: ideaId, input: { title: "Rewritten through the question path", body: "Rewritten body text.", tags: "" } })).rejects.toThrow(NotFound);
    await expect(deleteQuestion(guilde, { viewer: hugo, questionId: ideaId })).rejects.toThrow(NotFound);
    const [after] = await guilde.db.select().from(posts).where(eq(posts.id, ideaId));
    expect(after).toEqual(before);
    expect(await guilde.db.select().from(replies).where(eq(replies.postId, ideaId))).toEqual([]);
    expect(await guilde.db.select().from(follows).where(eq(follows.userId, karim.id))).toEqual([]);
  });
});

describe("the status workflow", () => {
  it("a moderator moves the idea with a note: the timeline shows it, the author and followers are told", async () => {
    const { store, lea, karim, hugo, colleague } = await storeOperations();
    const ideaId = await idea(store, lea);
    await followIdea(guilde, { viewer: karim, ideaId, follow: true });
    await changeIdeaStatus(guilde, { viewer: hugo, ideaId, input: { status: "under_review", note: "The regional team looks at it." } });
    await changeIdeaStatus(guilde, { viewer: hugo, ideaId, input: { status: "planned", note: "Lyon pilots it in March." } });

    const page = await getIdea(guilde, { viewer: colleague, ideaId });
    if ("mergedInto" in page) throw new Error("not merged");
    expect(page.idea.status).toBe("planned");
    expect(page.timeline.map((change) => [change.fromStatus, change.toStatus, change.note, change.actorName])).toEqual([
      [null, "proposed", "", "Léa Dubois"],
      ["proposed", "under_review", "The regional team looks at it.", "Hugo Martin"],
      ["under_review", "planned", "Lyon pilots it in March.", "Hugo Martin"],
    ]);
    expect(await kindsFor(lea.id)).toEqual(["idea_status_changed", "idea_status_changed"]);
    expect(await kindsFor(karim.id)).toEqual(["idea_status_changed", "idea_status_changed"]);
    expect(await kindsFor(colleague.id)).toEqual([]);
    expect(await kindsFor(hugo.id)).toEqual([]);
    const { items } = await listNotifications(guilde, { viewer: lea });
    expect(items[0]).toMatchObject({ kind: "idea_status_changed", postId: ideaId, summary: { decision: "planned", note: "Lyon pilots it in March." } });
  });

  it("refuses a status change by a non-moderator, a decline without a reason, an unknown status and the same status, storing nothing", async () => {
    const { store, lea, karim, hugo } = await storeOperations();
    const ideaId = await idea(store, lea);
    await expect(changeIdeaStatus(guilde, { viewer: karim, ideaId, input: { status: "planned", note: "I like it." } })).rejects.toThrow(Forbidden);
    await expect(changeIdeaStatus(guilde, { viewer: lea, ideaId, input: { status: "implemented", note: "Done!" } })).rejects.toThrow(Forbidden);
    const declined = await changeIdeaStatus(guilde, { viewer: hugo, ideaId, input: { status: "declined", note: " " } }).catch((caught) => caught);
    expect(declined).toBeInstanceOf(Invalid);
    expect((declined as Invalid).fieldErrors).toEqual({ note: ["ideas.errors.reasonRequired"] });
    await expect(changeIdeaStatus(guilde, { viewer: hugo, ideaId, input: { status: "shipped", note: "Yes." } })).rejects.toThrow(Invalid);
    await expect(changeIdeaStatus(guilde, { viewer: hugo, ideaId, input: { status: "proposed", note: "Again." } })).rejects.toThrow(Invalid);
    const [row] = await guilde.db.select().from(ideas).where(eq(ideas.postId, ideaId));
    expect(row.status).toBe("proposed");
    expect(await guilde.db.select().from(ideaStatusChanges)).toHaveLength(1);
    expect(await kindsFor(lea.id)).toEqual([]);

    await changeIdeaStatus(guilde, { viewer: hugo, ideaId, input: { status: "declined", note: "The kiosks cost too much this year." } });
    expect((await guilde.db.select().from(ideas).where(eq(ideas.postId, ideaId)))[0].status).toBe("declined");
  });

  it("a follower who left the private community is no longer told", async () => {
    const { lea, hugo, karim } = await storeOperations();
    const secret = await community(guilde, { visibility: "private" });
    for (const person of [lea, karim]) await membership(guilde, secret, person);
    await membership(guilde, secret, hugo, "moderator");
    const ideaId = await idea(secret, lea);
    await followIdea(guilde, { viewer: karim, ideaId, follow: true });
    await guilde.db.execute(`delete from community_members where user_id = '${karim.id}'`);
    await changeIdeaStatus(guilde, { viewer: hugo, ideaId, input: { status: "planned", note: "For next year." } });
    expect(await kindsFor(karim.id)).toEqual([]);
    expect(await kindsFor(lea.id)).toEqual(["idea_status_changed"]);
  });
});

describe("comments and follows", () => {
  it("a comment tells the author and followers; unfollowing stops it", async () => {
    const { store, lea, karim, colleague } = await storeOperations();
    const ideaId = await idea(store, lea);
    await followIdea(guilde, { viewer: karim, ideaId, follow: true });
    await commentOnIdea(guilde, { viewer: colleague, ideaId, input: { body: "We tried this in Nantes: it works." } });
    expect(await kindsFor(lea.id)).toEqual(["idea_comment"]);
    expect(await kindsFor(karim.id)).toEqual(["idea_comment"]);
    await followIdea(guilde, { viewer: karim, ideaId, follow: false });
    await commentOnIdea(guilde, { viewer: colleague, ideaId, input: { body: "And in Bordeaux too." } });
    expect(await kindsFor(karim.id)).toEqual(["idea_comment"]);
    const page = await getIdea(guilde, { viewer: karim, ideaId });
    if ("mergedInto" in page) throw new Error("not merged");
    expect(page.comments).toHaveLength(2);
    await expect(commentOnIdea(guilde, { viewer: colleague, ideaId, input: { body: "" } })).rejects.toThrow(Invalid);
  });
});

describe("merging duplicates", () => {
  it("moves votes without counting twice, comments and followers; the duplicate leads to the surviving idea", async () => {
    const { store, lea, karim, hugo, colleague } = await storeOperations();
    const survivor = await idea(store, lea, "Self-service returns kiosk at the entrance");
    const duplicate = await idea(store, karim, "Returns machine near the doors");
    const both = await employee(guilde);
    const onlyDuplicate = await employee(guilde);
    await voteOnIdea(guilde, { viewer: both, ideaId: survivor, input: { vote: true } });
    await voteOnIdea(guilde, { viewer: both, ideaId: duplicate, input: { vote: true } });
    await voteOnIdea(guilde, { viewer: onlyDuplicate, ideaId: duplicate, input: { vote: true } });
    // The surviving idea's author voted for the duplicate: that vote cannot follow onto their own idea.
    await voteOnIdea(guilde, { viewer: lea, ideaId: duplicate, input: { vote: true } });
    await commentOnIdea(guilde, { viewer: colleague, ideaId: duplicate, input: { body: "Same as the kiosk idea?" } });
    await followIdea(guilde, { viewer: colleague, ideaId: duplicate, follow: true });

    await mergeIdeas(guilde, { viewer: hugo, ideaId: duplicate, input: { intoId: `https://guilde.example/ideas/${survivor}`, note: "Same idea." } });

    expect(await voteCount(survivor)).toBe(2);
    expect(await voteRows(survivor)).toBe(2);
    expect(await voteRows(duplicate)).toBe(0);
    expect((await guilde.db.select().from(replies).where(eq(replies.postId, survivor))).map((row) => row.body)).toEqual(["Same as the kiosk idea?"]);
    const followers = (await guilde.db.select({ userId: follows.userId }).from(follows).where(eq(follows.postId, survivor))).map((row) => row.userId).sort();
    expect(followers).toEqual([lea.id, karim.id, colleague.id].sort());
    expect(await getIdea(guilde, { viewer: colleague, ideaId: duplicate })).toEqual({ mergedInto: survivor });
    const page = await getIdea(guilde, { viewer: colleague, ideaId: survivor });
    if ("mergedInto" in page) throw new Error("not merged");
    expect(page.timeline.at(-1)).toMatchObject({ mergedIdeaId: duplicate, mergedTitle: "Returns machine near the doors", note: "Same idea." });
    expect(await kindsFor(karim.id)).toContain("idea_merged");
    expect((await listAllIdeas(guilde, { viewer: colleague, tab: "newest" })).items.map((item) => item.id)).toEqual([survivor]);
    await expect(voteOnIdea(guilde, { viewer: colleague, ideaId: duplicate, input: { vote: true } })).rejects.toThrow(Forbidden);
  });

  it("refuses merging into itself, across communities, into an unknown idea, or by a non-moderator, changing nothing", async () => {
    const { store, lea, karim, hugo } = await storeOperations();
    const other = await community(guilde, { name: "Logistics" });
    await membership(guilde, other, hugo, "moderator");
    const first = await idea(store, lea);
    const second = await idea(store, karim, "Returns machine near the doors");
    const elsewhere = await idea(other, hugo, "Returns kiosk for the warehouse too");
    await voteOnIdea(guilde, { viewer: karim, ideaId: first, input: { vote: true } });

    const fieldErrorOf = (ideaId: string, intoId: string) =>
      mergeIdeas(guilde, { viewer: hugo, ideaId, input: { intoId } }).then(
        () => null,
        (error: unknown) => (error instanceof Invalid ? error.fieldErrors.intoId : error),
      );
    expect(await fieldErrorOf(first, first)).toEqual(["ideas.errors.mergeIntoItself"]);
    expect(await fieldErrorOf(first, elsewhere)).toEqual(["ideas.errors.mergeAcrossCommunities"]);
    expect(await fieldErrorOf(first, "nothing-here")).toEqual(["ideas.errors.mergeTargetNotFound"]);
    expect(await fieldErrorOf(first, "")).toEqual(["errors.required"]);
    await expect(mergeIdeas(guilde, { viewer: karim, ideaId: first, input: { intoId: second } })).rejects.toThrow(Forbidden);

    expect(await guilde.db.select().from(ideas).where(eq(ideas.mergedIntoId, second))).toHaveLength(0);
    expect(await voteCount(first)).toBe(1);
    expect(await guilde.db.select().from(ideaStatusChanges)).toHaveLength(3);
  });
});

describe("adoption", () => {
  it("once implemented, sites mark that they adopted it, once each; the idea shows which", async () => {
    const { store, lea, karim, hugo, colleague } = await storeOperations();
    const ideaId = await idea(store, lea);
    await expect(adoptIdea(guilde, { viewer: karim, ideaId, adopted: true })).rejects.toThrow(Conflict);
    await changeIdeaStatus(guilde, { viewer: hugo, ideaId, input: { status: "implemented", note: "Rolled out." } });
    await adoptIdea(guilde, { viewer: karim, ideaId, adopted: true });
    await adoptIdea(guilde, { viewer: colleague, ideaId, adopted: true });
    // Hugo works at Lille, which Karim already marked.
    await expect(adoptIdea(guilde, { viewer: hugo, ideaId, adopted: true })).rejects.toThrow(Conflict);
    await adoptIdea(guilde, { viewer: colleague, ideaId, adopted: false });
    await expect(adoptIdea(guilde, { viewer: colleague, ideaId, adopted: false })).rejects.toThrow(Conflict);
    await adoptIdea(guilde, { viewer: colleague, ideaId, adopted: true });
    const page = await getIdea(guilde, { viewer: hugo, ideaId });
    if ("mergedInto" in page) throw new Error("not merged");
    expect(page.adoptions.map((adoption) => adoption.siteName)).toEqual(["Lille Centre", "Lyon Part-Dieu"]);
    expect(page.adoptedByMySite).toBe(true);
    expect(await kindsFor(lea.id)).toContain("idea_adopted");

    // A customer has no site to speak for.
    const kayak = await community(guilde, { visibility: "open" });
    await membership(guilde, kayak, lea);
    await membership(guilde, kayak, hugo, "moderator");
    const bob = await customer(guilde, { invitedTo: kayak });
    const open = await idea(kayak, lea, "An open community's implemented idea");
    await changeIdeaStatus(guilde, { viewer: hugo, ideaId: open, input: { status: "implemented", note: "Done." } });
    await expect(adoptIdea(guilde, { viewer: bob, ideaId: open, adopted: true })).rejects.toThrow(Forbidden);
    expect(await guilde.db.select().from(ideaAdoptions).where(eq(ideaAdoptions.ideaId, open))).toHaveLength(0);
  });
});

describe("lists", () => {
  it("trending, top, newest and by status, within a community and across those the viewer may read", async () => {
    const { store, lea, karim, hugo, colleague } = await storeOperations();
    const secret = await community(guilde, { name: "Pricing", slug: "pricing", visibility: "private" });
    await membership(guilde, secret, lea);
    const old = await idea(store, lea, "An old idea with many votes");
    const fresh = await idea(store, karim, "A fresh idea with a recent vote");
    const hidden = await idea(secret, lea, "A private idea nobody else sees");
    for (const voter of [karim, colleague, hugo]) await voteOnIdea(guilde, { viewer: voter, ideaId: old, input: { vote: true } });
    // The old idea's votes were cast long ago: they count for Top, not for Trending.
    await guilde.db.update(ideaVotes).set({ createdAt: new Date(Date.now() - 30 * 86_400_000) }).where(eq(ideaVotes.ideaId, old));
    await voteOnIdea(guilde, { viewer: colleague, ideaId: fresh, input: { vote: true } });
    await changeIdeaStatus(guilde, { viewer: hugo, ideaId: fresh, input: { status: "planned", note: "Next quarter." } });

    const ids = async (tab: "trending" | "top" | "newest", status: "planned" | null = null) =>
      (await listAllIdeas(guilde, { viewer: colleague, tab, status })).items.map((item) => item.id);
    expect(await ids("trending")).toEqual([fresh, old]);
    expect(await ids("top")).toEqual([old, fresh]);
    expect(await ids("newest")).toEqual([fresh, old]);
    expect(await ids("newest", "planned")).toEqual([fresh]);
    expect((await listAllIdeas(guilde, { viewer: lea, tab: "newest" })).items.map((item) => item.id)).toEqual([hidden, fresh, old]);

    const page = await communityIdeasPage(guilde, { viewer: colleague, slug: "store-operations", tab: "top", limit: 1 });
    if (!page.readable) throw new Error("readable");
    expect(page.page.items.map((item) => item.id)).toEqual([old]);
    const next = await communityIdeasPage(guilde, { viewer: colleague, slug: "store-operations", tab: "top", limit: 1, cursor: page.page.nextCursor });
    if (!next.readable) throw new Error("readable");
    expect(next.page.items.map((item) => item.id)).toEqual([fresh]);
    expect(await communityIdeasPage(guilde, { viewer: colleague, slug: "pricing" })).toEqual({ readable: false });
  });

  it("a customer sees only the ideas of the open communities they joined", async () => {
    const { store, lea } = await storeOperations();
    const kayak = await community(guilde, { visibility: "open", slug: "kayaking" });
    const climbing = await community(guilde, { visibility: "open", slug: "climbing" });
    for (const where of [kayak, climbing]) await membership(guilde, where, lea);
    const bob = await customer(guilde, { invitedTo: kayak });
    const seen = await idea(kayak, lea, "Rental kayaks by the hour");
    await idea(climbing, lea, "Climbing shoes resoling service");
    await idea(store, lea, "Internal idea about tills");
    expect((await listAllIdeas(guilde, { viewer: bob, tab: "newest" })).items.map((item) => item.id)).toEqual([seen]);
    await expect(communityIdeasPage(guilde, { viewer: bob, slug: "store-operations" })).rejects.toThrow(NotFound);
    await expect(getIdea(guilde, { viewer: bob, ideaId: (await listAllIdeas(guilde, { viewer: lea, tab: "newest" })).items[0].id })).rejects.toThrow(NotFound);
  });

  it("question lists, the home feed and community counts still list questions only", async () => {
    const { store, lea, karim } = await storeOperations();
    const asked = await question(guilde, { in: store, by: karim });
    await idea(store, lea);
    expect((await listQuestions(guilde, { viewer: lea, communityId: store.id })).items.map((item) => item.id)).toEqual([asked.id]);
    expect((await homeFeed(guilde, { viewer: lea })).items.map((item) => item.id)).toEqual([asked.id]);
    const page = await getCommunity(guilde, { viewer: lea, slug: "store-operations" });
    expect(page.counts?.questions).toBe(1);
  });
});

describe("search", () => {
  it("finds an idea with its status as a facet, and never for someone who may not read it", async () => {
    const { store, lea, hugo, colleague } = await storeOperations();
    const secret = await community(guilde, { name: "Pricing", visibility: "private" });
    await membership(guilde, secret, lea);
    const ideaId = await idea(store, lea, "Self-service returns kiosk at the entrance");
    await idea(secret, lea, "Secret returns kiosk pricing idea");
    await changeIdeaStatus(guilde, { viewer: hugo, ideaId, input: { status: "planned", note: "Pilot in Lyon." } });
    await drainOutbox(guilde.db, guilde.search);

    const results = await searchContent(guilde, { viewer: colleague, input: { q: "returns kiosk" } });
    expect(results.results.map((result) => [result.kind, result.href, result.status])).toEqual([["idea", `/ideas/${ideaId}`, "planned"]]);
    expect(results.facets.status.map((option) => option.value)).toEqual(["planned"]);
    const filtered = await searchContent(guilde, { viewer: colleague, input: { q: "kiosk", status: "planned" } });
    expect(filtered.results.map((result) => result.href)).toEqual([`/ideas/${ideaId}`]);
    expect((await searchContent(guilde, { viewer: colleague, input: { q: "kiosk", status: "declined" } })).results).toEqual([]);
    // Found by its proposal's words too, never by someone who may not read its community.
    expect((await searchContent(guilde, { viewer: colleague, input: { q: "prints label" } })).results.map((result) => result.href)).toEqual([`/ideas/${ideaId}`]);
    expect((await searchContent(guilde, { viewer: colleague, input: { q: "pricing idea" } })).results.filter((result) => result.kind === "idea")).toEqual([]);
  });
});

async function signedIn(email: string) {
  return signedInThroughTheForm((await guilde.serve()).url, email);
}

/** Bad input through the real forms: a clear 4xx with the error on the page, never a 500, nothing stored. */
describe("idea forms refuse bad input", () => {
  it("proposing with a short title, and in a community one may not read", async () => {
    const { lea } = await storeOperations();
    await community(guilde, { slug: "pricing", visibility: "private" });
    const browser = await signedIn(lea.email);
    const response = await browser.post("/c/store-operations/propose", { ...validIdea, title: "Kiosk" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("The title must have at least 10 characters.");
    expect((await browser.post("/c/pricing/propose", validIdea)).status).toBe(404);
    expect(await guilde.db.select().from(posts)).toEqual([]);
    const proposed = await browser.post("/c/store-operations/propose", validIdea);
    expect(proposed.status).toBe(302);
    expect(proposed.headers.get("location")).toMatch(/^\/ideas\/[a-z0-9]+\?notice=proposed$/);
  });

  it("a vote twice, a status change by a non-moderator, a decline without a reason, a merge into itself or across communities", async () => {
    const { store, lea, karim, hugo } = await storeOperations();
    const other = await community(guilde, { slug: "logistics" });
    await membership(guilde, other, hugo, "moderator");
    const ideaId = await idea(store, lea);
    const elsewhere = await idea(other, hugo, "Returns kiosk for the warehouse too");
    const path = `/ideas/${ideaId}`;
    const karimBrowser = await signedIn(karim.email);
    const hugoBrowser = await signedIn(hugo.email);

    expect((await karimBrowser.post(path, { intent: "vote", vote: "true" })).status).toBe(302);
    const twice = await karimBrowser.post(path, { intent: "vote", vote: "true" });
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain("You already voted for this idea.");
    expect((await karimBrowser.post(path, { intent: "vote", vote: "sure" })).status).toBe(400);
    expect((await karimBrowser.post(path, { intent: "status", status: "planned", note: "I decide." })).status).toBe(403);
    const declined = await hugoBrowser.post(path, { intent: "status", status: "declined", note: "" });
    expect(declined.status).toBe(400);
    expect(await declined.text()).toContain("Give the reason for declining it.");
    const itself = await hugoBrowser.post(path, { intent: "merge", intoId: ideaId });
    expect(itself.status).toBe(400);
    expect(await itself.text()).toContain("An idea cannot be merged into itself.");
    const across = await hugoBrowser.post(path, { intent: "merge", intoId: `/ideas/${elsewhere}` });
    expect(across.status).toBe(400);
    expect(await across.text()).toContain("Only ideas of the same community can be merged.");
    expect((await hugoBrowser.post(path, { intent: "explode" })).status).toBe(400);
    expect((await hugoBrowser.post("/ideas/nothing-here", { intent: "vote", vote: "true" })).status).toBe(404);

    const [row] = await guilde.db.select().from(ideas).where(eq(ideas.postId, ideaId));
    expect(row).toMatchObject({ status: "proposed", voteCount: 1, mergedIntoId: null });
    expect(await voteRows(ideaId)).toBe(1);
  });

  it("a merged idea's address leads to the idea it joined", async () => {
    const { store, lea, karim, hugo } = await storeOperations();
    const survivor = await idea(store, lea);
    const duplicate = await idea(store, karim, "Returns machine near the doors");
    await mergeIdeas(guilde, { viewer: hugo, ideaId: duplicate, input: { intoId: survivor } });
    const response = await (await signedIn(lea.email)).get(`/ideas/${duplicate}`);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/ideas/${survivor}`);
  });
});
