import { and, eq, sql } from "drizzle-orm";
import { posts, replies } from "../../db/schema";
import { recordAudit } from "../audit/record";
import type { Guilde } from "../context";
import { write } from "../events";
import { NotFound } from "../errors";
import { can, ensureCan, type Viewer } from "../policy";
import { loadQuestion, loadReply } from "./access";

/** Deletes a question (softly: moderators can still see it). By its author or a moderator. */
export async function deleteQuestion(guilde: Guilde, { viewer, questionId }: { viewer: Viewer; questionId: string }): Promise<{ communitySlug: string }> {
  return write(guilde, async (tx, emit) => {
    const loaded = await loadQuestion(tx, viewer, questionId, { forUpdate: true });
    if (!loaded || !can(viewer, { action: "post.view", post: loaded.access })) throw new NotFound();
    ensureCan(viewer, { action: "post.delete", post: loaded.access });
    await tx.update(posts).set({ deletedAt: new Date() }).where(eq(posts.id, questionId));
    emit({ type: "question.changed", communityId: loaded.community.id, questionId, change: "deleted" });
    if (loaded.post.authorId !== viewer.id) {
      await recordAudit(tx, { actorId: viewer.id, action: "question.delete", targetKind: "question", targetId: questionId, communityId: loaded.community.id });
    }
    return { communitySlug: loaded.community.slug };
  });
}

/** Deletes an answer or a comment; a deleted answer no longer counts, nor stays accepted. */
export async function deleteReply(guilde: Guilde, { viewer, replyId }: { viewer: Viewer; replyId: string }): Promise<{ questionId: string }> {
  return write(guilde, async (tx, emit) => {
    const loaded = await loadReply(tx, viewer, replyId, { forUpdate: true });
    if (!loaded || !can(viewer, { action: "reply.view", reply: loaded.replyAccess })) throw new NotFound();
    ensureCan(viewer, { action: "reply.delete", reply: loaded.replyAccess });
    const { reply } = loaded;
    await tx.update(replies).set({ deletedAt: new Date() }).where(eq(replies.id, replyId));
    emit({ type: "reply.changed", communityId: loaded.community.id, questionId: reply.postId, replyId, change: "deleted" });
    if (reply.kind === "answer") {
      await tx
        .update(posts)
        .set({
          answerCount: sql`greatest(${posts.answerCount} - 1, 0)`,
          acceptedAnswerId: sql`case when ${posts.acceptedAnswerId} = ${replyId} then null else ${posts.acceptedAnswerId} end`,
        })
        .where(eq(posts.id, reply.postId));
      // Comments on a deleted answer go with it.
      await tx.update(replies).set({ deletedAt: new Date() }).where(and(eq(replies.parentReplyId, replyId), sql`${replies.deletedAt} is null`));
    }
    if (reply.authorId !== viewer.id) {
      await recordAudit(tx, { actorId: viewer.id, action: `${reply.kind}.delete`, targetKind: reply.kind, targetId: replyId, communityId: loaded.community.id });
    }
    return { questionId: reply.postId };
  });
}
