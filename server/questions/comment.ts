import { eq } from "drizzle-orm";
import type { Transaction } from "../../db/client";
import { newId } from "../../db/ids";
import { posts, replies, type Community, type Post, type Reply } from "../../db/schema";
import { markdownToPlainText, renderMarkdown } from "../content/markdown";
import type { Guilde } from "../context";
import { write, type Emit } from "../events";
import { NotFound } from "../errors";
import { mustHold, notifyModeratorsOfHeldContent } from "../moderation/premoderation";
import { notifyAboutPost, notifyMentions, textNotice } from "../notifications/notify";
import { can, ensureCan, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { loadPost, loadReply, type LoadedPost } from "./access";
import { commentSchema, type CommentInput } from "./schemas";

/**
 * Comments on a question, or on one of its answers (`answerId`); the author of what is commented on is
 * told. A comment held for approval tells only the moderators until it is approved.
 */
export async function comment(
  guilde: Guilde,
  options: { viewer: Viewer; questionId: string; answerId?: string | null; input: Untrusted<CommentInput> },
): Promise<{ commentId: string; held: boolean }> {
  return commentOnPost(guilde, { ...options, postKind: "question" });
}

/**
 * The same for any kind of post (a tutorial's comments are replies too): the post must be of the kind
 * the caller's page is about, so that one kind's form never writes under another.
 */
export async function commentOnPost(
  guilde: Guilde,
  {
    viewer,
    questionId,
    answerId,
    input,
    postKind,
  }: { viewer: Viewer; questionId: string; answerId?: string | null; input: Untrusted<CommentInput>; postKind: Post["kind"] },
): Promise<{ commentId: string; held: boolean }> {
  const data = parseInput(commentSchema, input);
  const bodyHtml = renderMarkdown(data.body);
  return write(guilde, async (tx, emit) => {
    let loaded: LoadedPost | null;
    if (answerId) {
      const answer = await loadReply(tx, viewer, answerId);
      if (!answer || answer.reply.kind !== "answer" || !can(viewer, { action: "reply.view", reply: answer.replyAccess })) throw new NotFound();
      ensureCan(viewer, { action: "reply.comment", reply: answer.replyAccess });
      loaded = answer;
    } else {
      loaded = await loadPost(tx, viewer, questionId);
      if (!loaded || loaded.post.kind !== postKind || !can(viewer, { action: "post.view", post: loaded.access })) throw new NotFound();
      ensureCan(viewer, { action: "post.comment", post: loaded.access });
    }
    if (loaded.post.id !== questionId) throw new NotFound();

    const held = await mustHold(tx, { viewer, community: loaded.community, access: loaded.access.community });
    const commentId = newId();
    const now = new Date();
    const [inserted] = await tx
      .insert(replies)
      .values({
        id: commentId,
        postId: questionId,
        kind: "comment",
        parentReplyId: answerId ?? null,
        authorId: viewer.id,
        originSiteId: viewer.siteId,
        body: data.body,
        bodyHtml,
        createdAt: now,
        ...(held ? { hiddenAt: now, hiddenReason: "awaiting_approval" as const } : {}),
      })
      .returning();
    if (held) {
      const excerpt = markdownToPlainText(data.body, 160);
      await notifyModeratorsOfHeldContent(tx, { emit, community: loaded.community, postId: questionId, replyId: commentId, actorId: viewer.id, title: loaded.post.title, excerpt });
    } else {
      await announceComment(tx, { comment: inserted, question: loaded.post, community: loaded.community, emit });
    }
    return { commentId, held };
  });
}

/** What publishing a comment sets off, when it is posted or approved: the commented author and anyone @mentioned are told. */
export async function announceComment(
  tx: Transaction,
  { comment: posted, question, community, emit }: { comment: Reply; question: Post; community: Community; emit: Emit },
): Promise<void> {
  let commentedAuthorId = question.authorId;
  if (posted.parentReplyId) {
    const [parent] = await tx.select({ authorId: replies.authorId }).from(replies).where(eq(replies.id, posted.parentReplyId));
    if (parent) commentedAuthorId = parent.authorId;
  }
  await tx.update(posts).set({ lastActivityAt: new Date() }).where(eq(posts.id, question.id));
  await notifyAboutPost(tx, {
    emit,
    recipientIds: [commentedAuthorId],
    post: question,
    community,
    draft: {
      kind: "comment_on_post",
      actorId: posted.authorId,
      replyId: posted.id,
      summary: { title: question.title, excerpt: markdownToPlainText(posted.body, 160) },
    },
  });
  await notifyMentions(tx, { emit, notice: textNotice(posted.body), post: question, community, actorId: posted.authorId, replyId: posted.id });
  emit({ type: "reply.posted", communityId: community.id, questionId: question.id, replyId: posted.id, kind: "comment", authorId: posted.authorId });
}
