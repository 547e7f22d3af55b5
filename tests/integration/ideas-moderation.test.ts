/**
 * Ideas and tutorials under moderation: hidden, restored and flagged like questions, listed in the
 * moderation queue with links to their own pages, edited and deleted by their authors (and moderators),
 * and every moderator's act in the audit log.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, flags, ideas, posts, revisions, type Community, type User } from "../../db/schema";
import { listCommunityAudit } from "../../server/audit/list-audit";
import { Conflict, Forbidden, NotFound } from "../../server/errors";
import type { DomainEvent } from "../../server/events";
import { changeIdeaStatus } from "../../server/ideas/change-idea-status";
import { commentOnIdea } from "../../server/ideas/comment-on-idea";
import { deleteIdea } from "../../server/ideas/delete-idea";
import { editIdea } from "../../server/ideas/edit-idea";
import { getIdea } from "../../server/ideas/get-idea";
import { getIdeaForEdit } from "../../server/ideas/get-idea-for-edit";
import { communityIdeasPage, listAllIdeas } from "../../server/ideas/list-ideas";
import { listIdeaRevisions } from "../../server/ideas/list-idea-revisions";
import { mergeIdeas } from "../../server/ideas/merge-ideas";
import { proposeIdea } from "../../server/ideas/propose-idea";
import { approveContent } from "../../server/moderation/approve-content";
import { decideFlags } from "../../server/moderation/decide-flags";
import { flagContent } from "../../server/moderation/flag-content";
import { hideContent, restoreContent } from "../../server/moderation/hide-content";
import { moderationQueue } from "../../server/moderation/moderation-queue";
import { setPremoderation } from "../../server/moderation/set-premoderation";
import { listNotifications } from "../../server/notifications/list-notifications";
import { deleteTutorial } from "../../server/tutorials/delete-tutorial";
import { getTutorial } from "../../server/tutorials/get-tutorial";
import { communityTutorialsPage } from "../../server/tutorials/list-tutorials";
import { writeTutorial } from "../../server/tutorials/write-tutorial";
import { community, customer, employee, membership, site } from "../support/factories";
import { useGuilde } from "../support/guilde";
import { HttpClient } from "../support/http";
import { sessionCookie, useSockets } from "../support/sockets";
import { ideaRoom } from "../../app/realtime/protocol";

const guilde = useGuilde();
const sockets = useSockets();

/** Kayaking, open to customers: Léa proposes and teaches, Karim is a member, Hugo moderates, Anna is an invited customer. */
async function kayaking() {
  const lyon = await site(guilde, { name: "Lyon Part-Dieu", city: "Lyon" });
  const kayak = await community(guilde, { name: "Kayaking", slug: "kayaking", visibility: "open" });
  const lea = await employee(guilde, { site: lyon, displayName: "Léa Dubois" });
  const karim = await employee(guilde, { site: lyon, displayName: "Karim Benali" });
  const hugo = await employee(guilde, { site: lyon, displayName: "Hugo Martin" });
  const anna = await customer(guilde, { invitedTo: kayak, displayName: "Anna Paddler" });
  // A customer of another community: nothing of Kayaking is theirs to see.
  const other = await community(guilde, { name: "Climbing", slug: "climbing", visibility: "open" });
  const outsider = await customer(guilde, { invitedTo: other, displayName: "Otto Outsider" });
  await membership(guilde, kayak, lea);
  await membership(guilde, kayak, karim);
  await membership(guilde, kayak, hugo, "moderator");
  return { kayak, lea, karim, hugo, anna, outsider };
}

const validIdea = {
  title: "Guided kayak tours on Sunday mornings",
  problem: "Customers who buy a kayak ask where to paddle first, every weekend.",
  proposal: "Run a guided tour on the Saône every Sunday morning, from the Lyon store.",
  benefit: "Loyal customers and accessory sales.",
  tags: "tours",
};

const validTutorial = {
  title: "Roll a sea kayak back up",
  summary: "How to roll a sea kayak back up, for paddlers who know the basics.",
  body: "1. Tuck forward.\n2. Sweep the paddle.\n3. Hip snap, head last.",
  tags: "rolling",
  difficulty: "intermediate",
  minutes: "30",
};

async function idea(where: Community, by: User, title = validIdea.title) {
  return (await proposeIdea(guilde, { viewer: by, communityId: where.id, input: { ...validIdea, title } })).ideaId;
}

async function tutorial(where: Community, by: User, publish = true) {
  return (await writeTutorial(guilde, { viewer: by, communityId: where.id, input: validTutorial, publish })).tutorialId;
}

function recordEvents() {
  const heard: DomainEvent[] = [];
  const stop = guilde.events.subscribe((event) => void heard.push(event));
  return { heard, stop };
}

const auditOf = async (targetId: string) =>
  (await guilde.db.select().from(auditLog).where(eq(auditLog.targetId, targetId))).map((entry) => ({
    action: entry.action,
    targetKind: entry.targetKind,
    actorId: entry.actorId,
    reason: entry.reason,
    details: entry.details,
  }));

const ideaIds = async (viewer: User) => (await listAllIdeas(guilde, { viewer, tab: "newest" })).items.map((item) => item.id);

describe("hiding and restoring ideas and tutorials", () => {
  it("a moderator hides an idea: it leaves every list for others, its author sees why and is told, the log records it; restoring brings it back", async () => {
    const { kayak, lea, karim, hugo, anna } = await kayaking();
    const ideaId = await idea(kayak, lea);
    const { heard, stop } = recordEvents();
    const hidden = await hideContent(guilde, { viewer: hugo, contentId: ideaId, input: { reason: "off_topic", note: "Tours are for the events community." } });
    stop();
    expect(hidden).toEqual({ kind: "idea", id: ideaId, postKind: "idea", postId: ideaId });
    expect(heard).toContainEqual({ type: "idea.changed", communityId: kayak.id, ideaId, change: "hidden" });

    for (const viewer of [karim, anna]) {
      expect(await ideaIds(viewer)).toEqual([]);
      const tab = await communityIdeasPage(guilde, { viewer, slug: "kayaking", tab: "newest" });
      expect(tab.readable && tab.page.items).toEqual([]);
      await expect(getIdea(guilde, { viewer, ideaId })).rejects.toThrow(NotFound);
    }
    const own = await getIdea(guilde, { viewer: lea, ideaId });
    if ("mergedInto" in own) throw new Error("not merged");
    expect(own.idea.moderation).toEqual({ reason: "off_topic", note: "Tours are for the events community." });
    expect(own.may).toMatchObject({ vote: false, flag: false, moderate: false });
    const told = await listNotifications(guilde, { viewer: lea });
    expect(told.items.find((item) => item.kind === "content_hidden")).toMatchObject({ postId: ideaId, postKind: "idea", summary: { reason: "off_topic" } });

    await restoreContent(guilde, { viewer: hugo, contentId: ideaId });
    expect(await ideaIds(karim)).toEqual([ideaId]);
    expect(await auditOf(ideaId)).toEqual([
      expect.objectContaining({ action: "idea.hide", targetKind: "idea", actorId: hugo.id, reason: "off_topic" }),
      expect.objectContaining({ action: "idea.restore", targetKind: "idea", actorId: hugo.id, details: { previousReason: "off_topic" } }),
    ]);
  });

  it("a moderator hides a published tutorial: it leaves the Tutorials tab and its page for readers, and the log records it", async () => {
    const { kayak, lea, karim, hugo } = await kayaking();
    const tutorialId = await tutorial(kayak, lea);
    await hideContent(guilde, { viewer: hugo, contentId: tutorialId, input: { reason: "confidential" } });
    const tab = await communityTutorialsPage(guilde, { viewer: karim, slug: "kayaking" });
    expect(tab.readable && tab.page.items).toEqual([]);
    await expect(getTutorial(guilde, { viewer: karim, tutorialId })).rejects.toThrow(NotFound);
    expect((await getTutorial(guilde, { viewer: lea, tutorialId })).tutorial.hidden).toEqual({ reason: "confidential", note: null });
    expect((await getTutorial(guilde, { viewer: hugo, tutorialId })).may).toMatchObject({ moderate: true, flag: false });
    expect(await auditOf(tutorialId)).toEqual([expect.objectContaining({ action: "tutorial.hide", targetKind: "tutorial", actorId: hugo.id })]);
  });

  it("only the community's moderators hide: a member or the author is refused, a customer of another community does not find it", async () => {
    const { kayak, lea, karim, anna, outsider } = await kayaking();
    const ideaId = await idea(kayak, lea);
    const tutorialId = await tutorial(kayak, lea);
    for (const contentId of [ideaId, tutorialId]) {
      for (const viewer of [karim, lea, anna]) {
        await expect(hideContent(guilde, { viewer, contentId, input: { reason: "spam" } })).rejects.toThrow(Forbidden);
      }
      await expect(hideContent(guilde, { viewer: outsider, contentId, input: { reason: "spam" } })).rejects.toThrow(NotFound);
      await expect(flagContent(guilde, { viewer: outsider, contentId, input: { reason: "spam" } })).rejects.toThrow(NotFound);
    }
    expect(await guilde.db.select().from(posts).where(and(eq(posts.id, ideaId)))).toMatchObject([{ hiddenAt: null }]);
    expect(await guilde.db.select().from(auditLog)).toEqual([]);
  });

  it("a tutorial's draft is not a moderator's: it cannot be hidden, restored (published) or flagged, and never shows among hidden items", async () => {
    const { kayak, lea, hugo, karim } = await kayaking();
    const draftId = await tutorial(kayak, lea, false);
    await expect(hideContent(guilde, { viewer: hugo, contentId: draftId, input: { reason: "spam" } })).rejects.toThrow(NotFound);
    await expect(restoreContent(guilde, { viewer: hugo, contentId: draftId })).rejects.toThrow(NotFound);
    await expect(flagContent(guilde, { viewer: karim, contentId: draftId, input: { reason: "spam" } })).rejects.toThrow(NotFound);
    const queue = await moderationQueue(guilde, { viewer: hugo, slug: "kayaking", view: "hidden" });
    expect(queue.counts.hidden).toBe(0);
    expect(queue.page.items).toEqual([]);
  });
});

describe("live pages", () => {
  it("a hidden idea's room keeps its author and the moderators only", async () => {
    const { kayak, lea, karim, hugo } = await kayaking();
    const ideaId = await idea(kayak, lea);
    const server = await guilde.serve();
    const connect = async (person: User) => sockets.connect(server.url, await sessionCookie(guilde, person.id));
    const [readerSocket, authorSocket, moderatorSocket] = [await connect(karim), await connect(lea), await connect(hugo)];
    for (const socket of [readerSocket, authorSocket, moderatorSocket]) expect(await socket.subscribe(ideaRoom(ideaId))).toEqual({ ok: true });
    const roomsOf = (socket: typeof readerSocket) => [...(server.realtime.io.sockets.sockets.get(socket.socket.id ?? "")?.rooms ?? [])];

    await hideContent(guilde, { viewer: hugo, contentId: ideaId, input: { reason: "spam" } });
    expect(await readerSocket.next("idea.changed")).toMatchObject({ ideaId, change: "hidden" });
    await expect.poll(() => roomsOf(readerSocket)).not.toContain(ideaRoom(ideaId));
    expect(roomsOf(authorSocket)).toContain(ideaRoom(ideaId));
    expect(roomsOf(moderatorSocket)).toContain(ideaRoom(ideaId));
  });
});

describe("flagging ideas, tutorials and their comments", () => {
  it("members and customers flag them once; never their own; the queue lists them with their post for the moderators", async () => {
    const { kayak, lea, karim, hugo, anna } = await kayaking();
    const ideaId = await idea(kayak, lea);
    const tutorialId = await tutorial(kayak, lea);
    const { commentId } = await commentOnIdea(guilde, { viewer: karim, ideaId, input: { body: "Buy cheap paddles at my cousin's shop!" } });

    await flagContent(guilde, { viewer: anna, contentId: ideaId, input: { reason: "off_topic" } });
    await flagContent(guilde, { viewer: karim, contentId: tutorialId, input: { reason: "confidential", note: "Internal prices in step 2." } });
    await flagContent(guilde, { viewer: anna, contentId: commentId, input: { reason: "spam" } });
    await expect(flagContent(guilde, { viewer: anna, contentId: ideaId, input: { reason: "spam" } })).rejects.toThrow(new Conflict("errors.alreadyFlagged"));
    // The page says so instead of offering another flag.
    const forAnna = await getIdea(guilde, { viewer: anna, ideaId });
    if ("mergedInto" in forAnna) throw new Error("not merged");
    expect(forAnna.idea.flaggedByMe).toBe(true);
    expect(forAnna.may.flag).toBe(false);
    expect(forAnna.comments.map((item) => [item.flaggedByMe, item.may.flag])).toEqual([[true, false]]);
    expect((await getTutorial(guilde, { viewer: karim, tutorialId })).tutorial.flaggedByMe).toBe(true);
    await expect(flagContent(guilde, { viewer: lea, contentId: ideaId, input: { reason: "spam" } })).rejects.toThrow(Forbidden);
    await expect(flagContent(guilde, { viewer: lea, contentId: tutorialId, input: { reason: "spam" } })).rejects.toThrow(Forbidden);

    const queue = await moderationQueue(guilde, { viewer: hugo, slug: "kayaking" });
    expect(queue.counts.flagged).toBe(3);
    expect(queue.page.items.map((item) => ({ kind: item.kind, id: item.id, post: item.post }))).toEqual([
      { kind: "comment", id: commentId, post: { kind: "idea", id: ideaId, title: validIdea.title } },
      { kind: "tutorial", id: tutorialId, post: { kind: "tutorial", id: tutorialId, title: validTutorial.title } },
      { kind: "idea", id: ideaId, post: { kind: "idea", id: ideaId, title: validIdea.title } },
    ]);
    expect((await listNotifications(guilde, { viewer: hugo })).items.filter((item) => item.kind === "content_flagged")).toHaveLength(3);

    await decideFlags(guilde, { viewer: hugo, contentId: tutorialId, input: { decision: "resolve", note: "Removed the prices." } });
    await hideContent(guilde, { viewer: hugo, contentId: commentId, input: { reason: "spam" } });
    expect((await guilde.db.select().from(flags)).map((flag) => [flag.targetId, flag.status]).sort()).toEqual(
      [
        [ideaId, "open"],
        [tutorialId, "resolved"],
        [commentId, "resolved"],
      ].sort(),
    );
    const forAuthor = await getIdea(guilde, { viewer: karim, ideaId });
    if ("mergedInto" in forAuthor) throw new Error("not merged");
    expect(forAuthor.comments.map((item) => [item.id, item.hidden])).toEqual([[commentId, true]]);
    expect(await auditOf(commentId)).toEqual([expect.objectContaining({ action: "comment.hide", targetKind: "comment", details: expect.objectContaining({ postKind: "idea", postId: ideaId }) })]);
  });

  it("the queue and the audit page link ideas to /ideas, tutorials to /tutorials and an idea's comment to its anchor there", async () => {
    const { kayak, lea, karim, hugo } = await kayaking();
    const ideaId = await idea(kayak, lea);
    const tutorialId = await tutorial(kayak, lea);
    const { commentId } = await commentOnIdea(guilde, { viewer: karim, ideaId, input: { body: "Buy cheap paddles at my cousin's shop!" } });
    await flagContent(guilde, { viewer: karim, contentId: ideaId, input: { reason: "spam" } });
    await flagContent(guilde, { viewer: lea, contentId: commentId, input: { reason: "spam" } });
    for (const contentId of [ideaId, tutorialId, commentId]) await hideContent(guilde, { viewer: hugo, contentId, input: { reason: "spam" } });

    const audit = await listCommunityAudit(guilde, { viewer: hugo, slug: "kayaking", input: {} });
    const hrefs = Object.fromEntries(audit.page.items.map((entry) => [entry.action, entry.targetHref]));
    expect(hrefs).toEqual({
      "idea.hide": `/ideas/${ideaId}`,
      "tutorial.hide": `/tutorials/${tutorialId}`,
      "comment.hide": `/ideas/${ideaId}#comment-${commentId}`,
    });

    const server = await guilde.serve();
    const browser = new HttpClient(server.url);
    browser.setCookieHeader(await sessionCookie(guilde, hugo.id));
    const page = await (await browser.get("/c/kayaking/moderation?view=hidden")).text();
    expect(page).toContain(`href="/ideas/${ideaId}"`);
    expect(page).toContain(`href="/tutorials/${tutorialId}"`);
    expect(page).toContain(`href="/ideas/${ideaId}#comment-${commentId}"`);
    expect(page).not.toContain(`/questions/${ideaId}`);
    const notifications = await (await browser.get("/notifications")).text();
    expect(notifications).not.toContain(`/questions/${ideaId}`);
  });

  it("a comment on an idea held for approval is announced to the idea's followers once a moderator approves it", async () => {
    const { kayak, lea, hugo, anna } = await kayaking();
    await setPremoderation(guilde, { viewer: hugo, communityId: kayak.id, input: { premoderation: "customers" } });
    const ideaId = await idea(kayak, lea);
    const { commentId, held } = await commentOnIdea(guilde, { viewer: anna, ideaId, input: { body: "I would come every Sunday." } });
    expect(held).toBe(true);
    const queue = await moderationQueue(guilde, { viewer: hugo, slug: "kayaking", view: "held" });
    expect(queue.page.items.map((item) => [item.id, item.post.kind])).toEqual([[commentId, "idea"]]);
    const { heard, stop } = recordEvents();
    expect(await approveContent(guilde, { viewer: hugo, contentId: commentId })).toEqual({ kind: "comment", id: commentId, postKind: "idea", postId: ideaId });
    stop();
    expect(heard).toContainEqual({ type: "idea.changed", communityId: kayak.id, ideaId, change: "comment" });
    expect((await listNotifications(guilde, { viewer: lea })).items.map((item) => item.kind)).toContain("idea_comment");
  });
});

describe("editing and deleting one's idea", () => {
  it("its author edits it; the previous version is kept and its history shows what changed, proposal and benefit included", async () => {
    const { kayak, lea, karim } = await kayaking();
    const ideaId = await idea(kayak, lea);
    const edited = { ...validIdea, proposal: "Run a guided tour on the Rhône every Sunday morning, from the Lyon store.", tags: "tours, river" };
    await editIdea(guilde, { viewer: lea, ideaId, input: edited });
    expect(await guilde.db.select({ proposal: ideas.proposal }).from(ideas).where(eq(ideas.postId, ideaId))).toEqual([{ proposal: edited.proposal }]);
    expect(await guilde.db.select({ sections: revisions.sections, tags: revisions.tags }).from(revisions).where(eq(revisions.targetId, ideaId))).toEqual([
      { sections: { proposal: validIdea.proposal, benefit: validIdea.benefit }, tags: ["tours"] },
    ]);
    // Saving the same text again keeps no empty revision.
    await editIdea(guilde, { viewer: lea, ideaId, input: edited });

    const { history } = await listIdeaRevisions(guilde, { viewer: karim, ideaId });
    expect(history).toHaveLength(2);
    const proposalDiff = history[0].sections.find((section) => section.name === "proposal")!.diff;
    expect(proposalDiff.filter((part) => part.removed).map((part) => part.value)).toEqual(["Saône"]);
    expect(proposalDiff.filter((part) => part.added).map((part) => part.value)).toEqual(["Rhône"]);
    expect(history[0].editor?.id).toBe(lea.id);
    // The author's own edit is not a moderation act.
    expect(await auditOf(ideaId)).toEqual([]);
  });

  it("a moderator's edit and deletion of someone's idea are in the audit log", async () => {
    const { kayak, lea, hugo } = await kayaking();
    const ideaId = await idea(kayak, lea);
    await editIdea(guilde, { viewer: hugo, ideaId, input: { ...validIdea, title: "Guided kayak tours on Sundays" } });
    await deleteIdea(guilde, { viewer: hugo, ideaId });
    expect((await auditOf(ideaId)).map((entry) => [entry.action, entry.targetKind, entry.actorId])).toEqual([
      ["idea.edit", "idea", hugo.id],
      ["idea.delete", "idea", hugo.id],
    ]);
  });

  it("a stranger may neither edit nor delete it (403); a customer outside the community does not find it (404)", async () => {
    const { kayak, lea, karim, anna, outsider } = await kayaking();
    const ideaId = await idea(kayak, lea);
    for (const viewer of [karim, anna]) {
      await expect(editIdea(guilde, { viewer, ideaId, input: { ...validIdea, title: "Taken over by someone else" } })).rejects.toThrow(Forbidden);
      await expect(getIdeaForEdit(guilde, { viewer, ideaId })).rejects.toThrow(Forbidden);
      await expect(deleteIdea(guilde, { viewer, ideaId })).rejects.toThrow(Forbidden);
    }
    await expect(editIdea(guilde, { viewer: outsider, ideaId, input: validIdea })).rejects.toThrow(NotFound);
    await expect(deleteIdea(guilde, { viewer: outsider, ideaId })).rejects.toThrow(NotFound);
    await expect(listIdeaRevisions(guilde, { viewer: outsider, ideaId })).rejects.toThrow(NotFound);
    expect(await guilde.db.select({ title: posts.title, deletedAt: posts.deletedAt }).from(posts).where(eq(posts.id, ideaId))).toEqual([{ title: validIdea.title, deletedAt: null }]);
  });

  it("its author deletes it softly: it leaves lists and its page for everyone but the moderators", async () => {
    const { kayak, lea, karim, hugo } = await kayaking();
    const ideaId = await idea(kayak, lea);
    const { heard, stop } = recordEvents();
    expect(await deleteIdea(guilde, { viewer: lea, ideaId })).toEqual({ communitySlug: "kayaking" });
    stop();
    expect(heard).toContainEqual({ type: "idea.changed", communityId: kayak.id, ideaId, change: "deleted" });
    for (const viewer of [lea, karim]) {
      expect(await ideaIds(viewer)).toEqual([]);
      await expect(getIdea(guilde, { viewer, ideaId })).rejects.toThrow(NotFound);
    }
    expect(await getIdea(guilde, { viewer: hugo, ideaId })).toMatchObject({ idea: { deleted: true } });
    await expect(deleteIdea(guilde, { viewer: hugo, ideaId })).rejects.toThrow(Forbidden);
  });

  it("a merged idea is not edited any more: the one it was merged into is", async () => {
    const { kayak, lea, hugo } = await kayaking();
    const duplicate = await idea(kayak, lea, "Sunday morning kayak tours");
    const kept = await idea(kayak, lea);
    await mergeIdeas(guilde, { viewer: hugo, ideaId: duplicate, input: { intoId: kept } });
    await expect(editIdea(guilde, { viewer: lea, ideaId: duplicate, input: validIdea })).rejects.toThrow(new Conflict("ideas.errors.merged"));
  });

  it("status changes and merges are in the audit log, with the note and the ideas involved", async () => {
    const { kayak, lea, hugo } = await kayaking();
    const duplicate = await idea(kayak, lea, "Sunday morning kayak tours");
    const kept = await idea(kayak, lea);
    await changeIdeaStatus(guilde, { viewer: hugo, ideaId: kept, input: { status: "under_review", note: "The store manager looks into it." } });
    await mergeIdeas(guilde, { viewer: hugo, ideaId: duplicate, input: { intoId: kept, note: "Same tours." } });
    expect(await auditOf(kept)).toEqual([
      { action: "idea.status", targetKind: "idea", actorId: hugo.id, reason: "The store manager looks into it.", details: { from: "proposed", to: "under_review" } },
    ]);
    expect(await auditOf(duplicate)).toEqual([{ action: "idea.merge", targetKind: "idea", actorId: hugo.id, reason: "Same tours.", details: { intoId: kept, votesAfter: 0 } }]);
    const audit = await listCommunityAudit(guilde, { viewer: hugo, slug: "kayaking", input: { action: "idea." } });
    expect(audit.page.items.map((entry) => entry.targetHref)).toEqual([`/ideas/${duplicate}`, `/ideas/${kept}`]);
  });
});

describe("deleting a tutorial", () => {
  it("its author deletes it, a draft too; a moderator deletes a published one, in the audit log; it leaves the Tutorials tab", async () => {
    const { kayak, lea, karim, hugo } = await kayaking();
    const published = await tutorial(kayak, lea);
    const draft = await tutorial(kayak, lea, false);
    const other = await tutorial(kayak, lea);
    await deleteTutorial(guilde, { viewer: lea, tutorialId: published });
    await deleteTutorial(guilde, { viewer: lea, tutorialId: draft });
    await deleteTutorial(guilde, { viewer: hugo, tutorialId: other });
    const tab = await communityTutorialsPage(guilde, { viewer: karim, slug: "kayaking" });
    expect(tab.readable && tab.page.items).toEqual([]);
    await expect(getTutorial(guilde, { viewer: karim, tutorialId: published })).rejects.toThrow(NotFound);
    expect(await guilde.db.select({ action: auditLog.action, targetId: auditLog.targetId }).from(auditLog)).toEqual([{ action: "tutorial.delete", targetId: other }]);
  });

  it("a stranger may not delete it (403), a moderator may not open someone's draft (404), nor a customer of another community (404)", async () => {
    const { kayak, lea, karim, hugo, anna, outsider } = await kayaking();
    const published = await tutorial(kayak, lea);
    const draft = await tutorial(kayak, lea, false);
    for (const viewer of [karim, anna]) await expect(deleteTutorial(guilde, { viewer, tutorialId: published })).rejects.toThrow(Forbidden);
    await expect(deleteTutorial(guilde, { viewer: outsider, tutorialId: published })).rejects.toThrow(NotFound);
    await expect(deleteTutorial(guilde, { viewer: hugo, tutorialId: draft })).rejects.toThrow(NotFound);
    expect((await guilde.db.select({ deletedAt: posts.deletedAt }).from(posts).where(eq(posts.kind, "tutorial"))).map((row) => row.deletedAt)).toEqual([null, null]);
  });
});
