import type { Guilde } from "../context";
import { NotFound } from "../errors";
import { can, type Viewer } from "../policy";
import { loadReply } from "./access";

/** An answer or a comment with its question: what its edit form shows. */
export async function getReply(guilde: Guilde, { viewer, replyId }: { viewer: Viewer; replyId: string }) {
  const loaded = await loadReply(guilde.db, viewer, replyId);
  if (!loaded || !can(viewer, { action: "reply.view", reply: loaded.replyAccess })) throw new NotFound();
  const { reply, post, replyAccess } = loaded;
  return {
    reply: { id: reply.id, kind: reply.kind, body: reply.body },
    question: { id: post.id, title: post.title },
    may: { edit: can(viewer, { action: "reply.edit", reply: replyAccess }) },
  };
}
