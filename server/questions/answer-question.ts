import { eq, sql } from "drizzle-orm";
import type { Transaction } from "../../db/client";
import { newId } from "../../db/ids";
import { follows, posts, replies, type Community, type Post, type Reply } from "../../db/schema";
import { renderMarkdownWithMentions } from "../content/markdown";
import type { Guilde } from "../context";
import { write, type Emit, type Lastly } from "../events";
import { NotFound } from "../errors";
import { mustHold, notifyModeratorsOfHeldContent } from "../moderation/premoderation";
import { notifyAboutPost, notifyMentions, renderedTextNotice, textNotice, type TextNotice } from "../notifications/notify";
import { can, ensureCan, type Viewer } from "../policy";
import { citeTutorial } from "../tutorials/cite-tutorial";
import { parseInput, type Untrusted } from "../validation";
import { loadPost } from "./access";
import { answerSchema, type AnswerInput } from "./schemas";

/**
 * Answers a question: its followers are told, and the one who answers now follows it too. An answer
 * held for approval counts for nothing and tells nobody but the moderators until it is approved.
 */
export async function answerQuestion(
  guilde: Guilde,
  { viewer, questionId, input }: { viewer: Viewer; questionId: string; input: Untrusted<AnswerInput> },
): Promise<{ answerId: string; held: boolean }> {
  const data = parseInput(answerSchema, input);
  // Everything worked out from the text comes before the transaction, which stays short.
  const rendered = renderMarkdownWithMentions(data.body);
  const bodyHtml = rendered.html;
  const notice = renderedTextNotice(rendered);
  return write(guilde, async (tx, emit, lastly) => {
    const loaded = await loadPost(tx, viewer, questionId);
    if (!loaded || loaded.post.kind !== "question" || !can(viewer, { action: "post.view", post: loaded.access })) throw new NotFound();
    ensureCan(viewer, { action: "post.answer", post: loaded.access });

    const held = await mustHold(tx, { viewer, community: loaded.community, access: loaded.access.community });
    const answerId = newId();
    const now = new Date();
    const [answer] = await tx
      .insert(replies)
      .values({
        id: answerId,
        postId: questionId,
        kind: "answer",
        authorId: viewer.id,
        originSiteId: viewer.siteId,
        body: data.body,
        bodyHtml,
        createdAt: now,
        ...(held ? { hiddenAt: now, hiddenReason: "awaiting_approval" as const } : {}),
      })
      .returning();
    if (data.tutorial) await citeTutorial(tx, { viewer, replyId: answerId, reference: data.tutorial });

    if (held) {
      await notifyModeratorsOfHeldContent(tx, { emit, community: loaded.community, postId: questionId, replyId: answerId, actorId: viewer.id, title: loaded.post.title, excerpt: notice.excerpt });
    } else {
      await announceAnswer(tx, { answer, question: loaded.post, community: loaded.community, emit, lastly, notice });
    }
    return { answerId, held };
  });
}

/**
 * What publishing an answer sets off, when it is posted or approved: it counts on its question, the
 * question's followers are told, its author follows the question, anyone @mentioned is told.
 */
export async function announceAnswer(
  tx: Transaction,
  {
    answer,
    question,
    community,
    emit,
    lastly,
    notice = textNotice(answer.body),
  }: { answer: Reply; question: Post; community: Community; emit: Emit; lastly: Lastly; notice?: TextNotice },
): Promise<void> {
  // Sent at once, in one round trip: whether the author's own follow is read or not, the author is never told.
  const [followers] = await Promise.all([
    tx.select({ userId: follows.userId }).from(follows).where(eq(follows.postId, question.id)),
    tx.insert(follows).values({ userId: answer.authorId, postId: question.id }).onConflictDoNothing(),
  ]);

  await notifyAboutPost(tx, {
    emit,
    recipientIds: followers.map((row) => row.userId),
    post: question,
    community,
    draft: {
      kind: "answer_on_followed",
      actorId: answer.authorId,
      replyId: answer.id,
      summary: { title: question.title, excerpt: notice.excerpt },
    },
  });
  await notifyMentions(tx, { emit, notice, post: question, community, actorId: answer.authorId, replyId: answer.id });
  // Last, after the outbox rows too: this takes the question's row lock, which every answer to it waits for until the commit.
  const answeredAt = new Date();
  lastly(() =>
    tx
      .update(posts)
      .set({ answerCount: sql`${posts.answerCount} + 1`, lastActivityAt: answeredAt })
      .where(eq(posts.id, question.id)),
  );
  emit({ type: "reply.posted", communityId: community.id, questionId: question.id, replyId: answer.id, kind: "answer", authorId: answer.authorId });
}
