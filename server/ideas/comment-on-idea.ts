import { eq } from "drizzle-orm";
import type { Transaction } from "../../db/client";
import { newId } from "../../db/ids";
import { posts, replies, type Community, type Post } from "../../db/schema";
import { markdownToPlainText, renderMarkdown } from "../content/markdown";
import type { Guilde } from "../context";
import { write, type Emit } from "../events";
import { Conflict } from "../errors";
import { mustHold, notifyModeratorsOfHeldContent } from "../moderation/premoderation";
import { ensureCan, type Viewer } from "../policy";
import { commentSchema, type CommentInput } from "../questions/schemas";
import { parseInput, type Untrusted } from "../validation";
import { viewableIdea } from "./access";
import { tellFollowers } from "./tell-followers";

/**
 * Comments on an idea; its author and followers are told. A comment held for approval
 * (pre-moderation) tells only the moderators until it is approved.
 */
export async function commentOnIdea(
  guilde: Guilde,
  { viewer, ideaId, input }: { viewer: Viewer; ideaId: string; input: Untrusted<CommentInput> },
): Promise<{ commentId: string; held: boolean }> {
  const data = parseInput(commentSchema, input);
  const bodyHtml = renderMarkdown(data.body);
  return write(guilde, async (tx, emit) => {
    const loaded = await viewableIdea(tx, viewer, ideaId);
    ensureCan(viewer, { action: "post.comment", post: loaded.access });
    if (loaded.access.merged) throw new Conflict("ideas.errors.merged");

    const held = await mustHold(tx, { viewer, community: loaded.community, access: loaded.access.community });
    const commentId = newId();
    const now = new Date();
    await tx.insert(replies).values({
      id: commentId,
      postId: ideaId,
      kind: "comment",
      authorId: viewer.id,
      originSiteId: viewer.siteId,
      body: data.body,
      bodyHtml,
      createdAt: now,
      ...(held ? { hiddenAt: now, hiddenReason: "awaiting_approval" as const } : {}),
    });
    const excerpt = markdownToPlainText(data.body, 160);
    if (held) {
      await notifyModeratorsOfHeldContent(tx, { emit, community: loaded.community, postId: ideaId, replyId: commentId, actorId: viewer.id, title: loaded.post.title, excerpt });
      return { commentId, held };
    }
    await announceIdeaComment(tx, { emit, idea: loaded.post, community: loaded.community, comment: { id: commentId, authorId: viewer.id, body: data.body, createdAt: now } });
    return { commentId, held };
  });
}

/** A comment is published (at once, or when a moderator approves it): the idea is active, its author and followers are told. */
export async function announceIdeaComment(
  tx: Transaction,
  { emit, idea, community, comment }: { emit: Emit; idea: Post; community: Community; comment: { id: string; authorId: string; body: string; createdAt: Date } },
): Promise<void> {
  await tx.update(posts).set({ lastActivityAt: comment.createdAt }).where(eq(posts.id, idea.id));
  await tellFollowers(tx, {
    emit,
    post: idea,
    community,
    draft: { kind: "idea_comment", actorId: comment.authorId, replyId: comment.id, summary: { title: idea.title, excerpt: markdownToPlainText(comment.body, 160) } },
  });
  emit({ type: "idea.changed", communityId: community.id, ideaId: idea.id, change: "comment" });
}
