import { eq } from "drizzle-orm";
import type { Transaction } from "../../db/client";
import { follows, posts } from "../../db/schema";
import { recordAudit } from "../audit/record";
import type { Guilde } from "../context";
import { write } from "../events";
import { Invalid, NotFound } from "../errors";
import { notifyAboutPost } from "../notifications/notify";
import { can, ensureCan, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { loadPost } from "./access";
import { closeSchema, questionIdFrom, type CloseInput } from "./schemas";

async function loadForModeration(tx: Transaction, viewer: Viewer, questionId: string) {
  const loaded = await loadPost(tx, viewer, questionId, { forUpdate: true });
  if (!loaded || loaded.post.kind !== "question" || !can(viewer, { action: "post.view", post: loaded.access })) throw new NotFound();
  ensureCan(viewer, { action: "post.moderate", post: loaded.access });
  return { ...loaded, moderatorId: viewer.id };
}

/**
 * A moderator closes a question: no new answers. As a duplicate, it links to the original (which lists
 * its duplicates); the original must be another visible question of the same community.
 */
export async function closeQuestion(
  guilde: Guilde,
  { viewer, questionId, input }: { viewer: Viewer; questionId: string; input: Untrusted<CloseInput> },
): Promise<void> {
  const data = parseInput(closeSchema, input);
  await write(guilde, async (tx, emit) => {
    const loaded = await loadForModeration(tx, viewer, questionId);
    let duplicateOfId: string | null = null;
    if (data.reason === "duplicate") {
      duplicateOfId = questionIdFrom(data.duplicateOfId ?? "");
      const original = duplicateOfId === questionId ? null : await loadPost(tx, viewer, duplicateOfId);
      if (!original || original.post.kind !== "question" || original.post.deletedAt || !can(viewer, { action: "post.view", post: original.access })) {
        throw new Invalid({ duplicateOfId: ["errors.duplicateOfInvalid"] });
      }
    }
    await tx.update(posts).set({ closedAt: new Date(), closeReason: data.reason, duplicateOfId }).where(eq(posts.id, questionId));
    emit({ type: "question.changed", communityId: loaded.community.id, questionId, change: "closed" });
    await recordAudit(tx, {
      actorId: loaded.moderatorId,
      action: "question.close",
      targetKind: "question",
      targetId: questionId,
      communityId: loaded.community.id,
      reason: data.note || data.reason,
      details: duplicateOfId ? { duplicateOfId } : {},
    });
    const followers = await tx.select({ userId: follows.userId }).from(follows).where(eq(follows.postId, questionId));
    await notifyAboutPost(tx, {
      emit,
      recipientIds: followers.map((row) => row.userId),
      post: loaded.post,
      community: loaded.community,
      draft: { kind: "question_closed", actorId: loaded.moderatorId, summary: { title: loaded.post.title, note: data.note } },
    });
  });
}

export async function reopenQuestion(guilde: Guilde, { viewer, questionId }: { viewer: Viewer; questionId: string }): Promise<void> {
  await write(guilde, async (tx, emit) => {
    const loaded = await loadForModeration(tx, viewer, questionId);
    await tx.update(posts).set({ closedAt: null, closeReason: null, duplicateOfId: null }).where(eq(posts.id, questionId));
    emit({ type: "question.changed", communityId: loaded.community.id, questionId, change: "reopened" });
    await recordAudit(tx, { actorId: loaded.moderatorId, action: "question.reopen", targetKind: "question", targetId: questionId, communityId: loaded.community.id });
  });
}

/** Pinned questions head their community's lists. */
export async function pinQuestion(
  guilde: Guilde,
  { viewer, questionId, pinned }: { viewer: Viewer; questionId: string; pinned: boolean },
): Promise<void> {
  await write(guilde, async (tx, emit) => {
    const loaded = await loadForModeration(tx, viewer, questionId);
    await tx.update(posts).set({ pinnedAt: pinned ? new Date() : null }).where(eq(posts.id, questionId));
    emit({ type: "question.changed", communityId: loaded.community.id, questionId, change: pinned ? "pinned" : "unpinned" });
    await recordAudit(tx, {
      actorId: loaded.moderatorId,
      action: pinned ? "question.pin" : "question.unpin",
      targetKind: "question",
      targetId: questionId,
      communityId: loaded.community.id,
    });
  });
}

/** A locked question takes no new answers or comments; everything already there stays. */
export async function lockQuestion(
  guilde: Guilde,
  { viewer, questionId, locked }: { viewer: Viewer; questionId: string; locked: boolean },
): Promise<void> {
  await write(guilde, async (tx, emit) => {
    const loaded = await loadForModeration(tx, viewer, questionId);
    if ((loaded.post.lockedAt !== null) === locked) return;
    await tx.update(posts).set({ lockedAt: locked ? new Date() : null }).where(eq(posts.id, questionId));
    emit({ type: "question.changed", communityId: loaded.community.id, questionId, change: locked ? "locked" : "unlocked" });
    await recordAudit(tx, {
      actorId: loaded.moderatorId,
      action: locked ? "question.lock" : "question.unlock",
      targetKind: "question",
      targetId: questionId,
      communityId: loaded.community.id,
    });
  });
}
