import { eq } from "drizzle-orm";
import { posts } from "../../db/schema";
import { markdownToPlainText } from "../content/markdown";
import type { Guilde } from "../context";
import { write } from "../events";
import { Invalid, NotFound } from "../errors";
import { notifyAboutPost } from "../notifications/notify";
import { can, ensureCan, type Viewer } from "../policy";
import { loadPost, loadReply } from "./access";

/**
 * The asker (or a moderator) accepts one answer: the question is solved and shows it first. Accepting
 * another answer moves the mark; `answerId: null` removes it. The answer's author is told.
 */
export async function acceptAnswer(
  guilde: Guilde,
  { viewer, questionId, answerId }: { viewer: Viewer; questionId: string; answerId: string | null },
): Promise<void> {
  await write(guilde, async (tx, emit) => {
    const loaded = await loadPost(tx, viewer, questionId, { forUpdate: true });
    if (!loaded || loaded.post.kind !== "question" || !can(viewer, { action: "post.view", post: loaded.access })) throw new NotFound();
    ensureCan(viewer, { action: "question.accept", post: loaded.access });

    const accepted = () => emit({ type: "question.changed", communityId: loaded.community.id, questionId, change: "accepted" });
    if (answerId === null) {
      await tx.update(posts).set({ acceptedAnswerId: null }).where(eq(posts.id, questionId));
      accepted();
      return;
    }
    const answer = await loadReply(tx, viewer, answerId);
    if (!answer || answer.reply.postId !== questionId || answer.reply.kind !== "answer" || answer.reply.deletedAt || answer.reply.hiddenAt) {
      throw new Invalid({ answerId: ["errors.answerNotOnQuestion"] });
    }
    if (loaded.post.acceptedAnswerId === answerId) return;
    await tx.update(posts).set({ acceptedAnswerId: answerId, lastActivityAt: new Date() }).where(eq(posts.id, questionId));
    accepted();
    await notifyAboutPost(tx, {
      emit,
      recipientIds: [answer.reply.authorId],
      post: loaded.post,
      community: loaded.community,
      draft: {
        kind: "answer_accepted",
        actorId: viewer.id,
        replyId: answerId,
        summary: { title: loaded.post.title, excerpt: markdownToPlainText(answer.reply.body, 160) },
      },
    });
  });
}
