import { eq } from "drizzle-orm";
import { newId } from "../../db/ids";
import { posts, replies, revisions } from "../../db/schema";
import { recordAudit } from "../audit/record";
import { renderMarkdown } from "../content/markdown";
import type { Guilde } from "../context";
import { write } from "../events";
import { NotFound } from "../errors";
import { can, ensureCan, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { loadQuestion, loadReply } from "./access";
import { answerSchema, commentSchema, questionSchema, type QuestionInput } from "./schemas";

/** Edits a question; the previous version is kept as a revision (who, when, what it was). */
export async function editQuestion(
  guilde: Guilde,
  { viewer, questionId, input }: { viewer: Viewer; questionId: string; input: Untrusted<QuestionInput> },
): Promise<void> {
  const data = parseInput(questionSchema, input);
  const bodyHtml = renderMarkdown(data.body);
  await write(guilde, async (tx, emit) => {
    const loaded = await loadQuestion(tx, viewer, questionId, { forUpdate: true });
    if (!loaded || !can(viewer, { action: "post.view", post: loaded.access })) throw new NotFound();
    ensureCan(viewer, { action: "post.edit", post: loaded.access });
    const { post } = loaded;
    if (post.title === data.title && post.body === data.body && post.tags.join() === data.tags.join()) return;
    await tx.insert(revisions).values({ id: newId(), targetId: post.id, editorId: viewer.id, title: post.title, body: post.body, tags: post.tags });
    await tx.update(posts).set({ ...data, bodyHtml, editedAt: new Date() }).where(eq(posts.id, post.id));
    emit({ type: "question.changed", communityId: post.communityId, questionId: post.id, change: "edited" });
    if (post.authorId !== viewer.id) {
      await recordAudit(tx, { actorId: viewer.id, action: "question.edit", targetKind: "question", targetId: post.id, communityId: post.communityId });
    }
  });
}

/** Edits an answer or a comment, keeping the previous version as a revision. */
export async function editReply(
  guilde: Guilde,
  { viewer, replyId, input }: { viewer: Viewer; replyId: string; input: Untrusted<{ body: string }> },
): Promise<{ questionId: string }> {
  return write(guilde, async (tx, emit) => {
    const loaded = await loadReply(tx, viewer, replyId, { forUpdate: true });
    if (!loaded || !can(viewer, { action: "reply.view", reply: loaded.replyAccess })) throw new NotFound();
    ensureCan(viewer, { action: "reply.edit", reply: loaded.replyAccess });
    const { reply } = loaded;
    const data = parseInput(reply.kind === "answer" ? answerSchema : commentSchema, input);
    if (reply.body !== data.body) {
      await tx.insert(revisions).values({ id: newId(), targetId: reply.id, editorId: viewer.id, body: reply.body });
      await tx.update(replies).set({ body: data.body, bodyHtml: renderMarkdown(data.body), editedAt: new Date() }).where(eq(replies.id, reply.id));
      emit({ type: "reply.changed", communityId: loaded.community.id, questionId: reply.postId, replyId: reply.id, change: "edited" });
      if (reply.authorId !== viewer.id) {
        await recordAudit(tx, { actorId: viewer.id, action: `${reply.kind}.edit`, targetKind: reply.kind, targetId: reply.id, communityId: loaded.community.id });
      }
    }
    return { questionId: reply.postId };
  });
}
