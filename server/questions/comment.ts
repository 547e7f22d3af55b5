import { eq } from "drizzle-orm";
import { newId } from "../../db/ids";
import { posts, replies } from "../../db/schema";
import { markdownToPlainText, renderMarkdown } from "../content/markdown";
import type { Guilde } from "../context";
import { write } from "../events";
import { NotFound } from "../errors";
import { notifyAboutPost, notifyMentions } from "../notifications/notify";
import { can, ensureCan, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { loadPost, loadReply, type LoadedPost } from "./access";
import { commentSchema, type CommentInput } from "./schemas";

/** Comments on a question, or on one of its answers (`answerId`); the author of what is commented on is told. */
export async function comment(
  guilde: Guilde,
  { viewer, questionId, answerId, input }: { viewer: Viewer; questionId: string; answerId?: string | null; input: Untrusted<CommentInput> },
): Promise<{ commentId: string }> {
  const data = parseInput(commentSchema, input);
  const bodyHtml = renderMarkdown(data.body);
  return write(guilde, async (tx, emit) => {
    let commentedAuthorId: string;
    let loaded: LoadedPost | null;
    if (answerId) {
      const answer = await loadReply(tx, viewer, answerId);
      if (!answer || answer.reply.kind !== "answer" || !can(viewer, { action: "reply.view", reply: answer.replyAccess })) throw new NotFound();
      ensureCan(viewer, { action: "reply.comment", reply: answer.replyAccess });
      commentedAuthorId = answer.reply.authorId;
      loaded = answer;
    } else {
      loaded = await loadPost(tx, viewer, questionId);
      if (!loaded || !can(viewer, { action: "post.view", post: loaded.access })) throw new NotFound();
      ensureCan(viewer, { action: "post.comment", post: loaded.access });
      commentedAuthorId = loaded.post.authorId;
    }
    if (loaded.post.id !== questionId) throw new NotFound();

    const commentId = newId();
    const now = new Date();
    await tx.insert(replies).values({
      id: commentId,
      postId: questionId,
      kind: "comment",
      parentReplyId: answerId ?? null,
      authorId: viewer.id,
      originSiteId: viewer.siteId,
      body: data.body,
      bodyHtml,
      createdAt: now,
    });
    await tx.update(posts).set({ lastActivityAt: now }).where(eq(posts.id, questionId));
    await notifyAboutPost(tx, {
      emit,
      recipientIds: [commentedAuthorId],
      post: loaded.post,
      community: loaded.community,
      draft: {
        kind: "comment_on_post",
        actorId: viewer.id,
        replyId: commentId,
        summary: { title: loaded.post.title, excerpt: markdownToPlainText(data.body, 160) },
      },
    });
    await notifyMentions(tx, { emit, markdown: data.body, post: loaded.post, community: loaded.community, actorId: viewer.id, replyId: commentId });
    emit({ type: "reply.posted", communityId: loaded.community.id, questionId, replyId: commentId, kind: "comment", authorId: viewer.id });
    return { commentId };
  });
}
