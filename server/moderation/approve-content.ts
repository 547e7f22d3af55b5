import { eq } from "drizzle-orm";
import { posts, replies } from "../../db/schema";
import { recordAudit } from "../audit/record";
import type { Guilde } from "../context";
import { write } from "../events";
import { Conflict } from "../errors";
import { notifyAboutPost } from "../notifications/notify";
import type { Viewer } from "../policy";
import { announceAnswer } from "../questions/answer-question";
import { announceQuestion } from "../questions/ask-question";
import { announceComment } from "../questions/comment";
import { announceIdeaComment } from "../ideas/comment-on-idea";
import { contentRef, ensureOnContent, loadVisibleContent, placeDetails, type ContentRef } from "./content";
import { setVisibility } from "./moderated-writes";

/**
 * A moderator approves what pre-moderation held: it is published as if just posted (routed to monitors,
 * followers and @mentions are told then, and the community hears of it), and its author is told.
 */
export async function approveContent(guilde: Guilde, { viewer, contentId }: { viewer: Viewer; contentId: string }): Promise<ContentRef> {
  return write(guilde, async (tx, emit, lastly) => {
    const content = await loadVisibleContent(tx, viewer, contentId, { forUpdate: true });
    ensureOnContent(viewer, content, "moderate");
    if (content.hiddenReason !== "awaiting_approval" || !content.hiddenAt) throw new Conflict("errors.notAwaitingApproval");
    ensureOnContent(viewer, content, "approve");
    await setVisibility(tx, content, { hiddenAt: null, hiddenReason: null, hiddenNote: null });

    const { community } = content;
    if (content.kind === "question") {
      const [post] = await tx.select().from(posts).where(eq(posts.id, content.id));
      await announceQuestion(tx, { post, community, emit, routing: guilde.config.routing });
    } else {
      const [reply] = await tx.select().from(replies).where(eq(replies.id, content.id));
      if (content.kind === "answer") await announceAnswer(tx, { answer: reply, question: content.post, community, emit, lastly });
      else if (content.post.kind === "idea") await announceIdeaComment(tx, { emit, idea: content.post, community, comment: reply });
      else await announceComment(tx, { comment: reply, question: content.post, community, emit });
    }
    await recordAudit(tx, {
      actorId: viewer.id,
      action: `${content.kind}.approve`,
      targetKind: content.kind,
      targetId: content.id,
      communityId: community.id,
      details: placeDetails(content),
    });
    await notifyAboutPost(tx, {
      emit,
      recipientIds: [content.authorId],
      post: content.reply ? content.post : { ...content.post, hiddenAt: null },
      community,
      draft: { kind: "content_approved", actorId: viewer.id, replyId: content.reply?.id ?? null, summary: { title: content.post.title } },
    });
    return contentRef(content);
  });
}
