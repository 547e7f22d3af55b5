import { asc, eq } from "drizzle-orm";
import { diffWordsWithSpace } from "diff";
import { revisions, users } from "../../db/schema";
import type { Guilde } from "../context";
import { NotFound } from "../errors";
import { can, type Viewer } from "../policy";
import { loadPost, loadReply } from "./access";

export interface DiffPart {
  value: string;
  added: boolean;
  removed: boolean;
}

export interface RevisionView {
  editor: { id: string; displayName: string; role: "admin" | "employee" | "customer" } | null;
  createdAt: Date;
  title: string | null;
  /** What this version changed compared with the one before it. */
  titleDiff: DiffPart[] | null;
  bodyDiff: DiffPart[];
}

const diff = (before: string, after: string): DiffPart[] =>
  diffWordsWithSpace(before, after).map((part) => ({ value: part.value, added: Boolean(part.added), removed: Boolean(part.removed) }));

/**
 * The history of a question, answer or comment, newest first: who changed it, when, and what changed
 * (a word diff against the version before). The first entry is the original post.
 */
export async function listRevisions(
  guilde: Guilde,
  { viewer, targetId, postKind = "question" }: { viewer: Viewer; targetId: string; postKind?: "question" | "tutorial" },
) {
  // A post's history is shown by the page of its kind (a tutorial's by its own, under its own policy).
  const loaded = await loadPost(guilde.db, viewer, targetId);
  const asPost = loaded?.post.kind === postKind ? loaded : null;
  const asReply = asPost ? null : await loadReply(guilde.db, viewer, targetId);
  let current: {
    kind: "question" | "answer" | "comment";
    title: string | null;
    body: string;
    authorId: string;
    createdAt: Date;
    editedAt: Date | null;
    questionId: string;
    questionTitle: string;
  };
  if (asPost) {
    if (!can(viewer, { action: "post.view", post: asPost.access })) throw new NotFound();
    const { post } = asPost;
    current = { kind: "question", title: post.title, body: post.body, authorId: post.authorId, createdAt: post.createdAt, editedAt: post.editedAt, questionId: post.id, questionTitle: post.title };
  } else if (asReply && can(viewer, { action: "reply.view", reply: asReply.replyAccess })) {
    const { reply, post } = asReply;
    current = { kind: reply.kind, title: null, body: reply.body, authorId: reply.authorId, createdAt: reply.createdAt, editedAt: reply.editedAt, questionId: post.id, questionTitle: post.title };
  } else {
    throw new NotFound();
  }

  const rows = await guilde.db
    .select({ title: revisions.title, body: revisions.body, createdAt: revisions.createdAt, editorId: users.id, editorName: users.displayName, editorRole: users.role })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.editorId))
    .where(eq(revisions.targetId, targetId))
    .orderBy(asc(revisions.createdAt))
    .limit(500);
  const [author] = await guilde.db.select({ id: users.id, displayName: users.displayName, role: users.role }).from(users).where(eq(users.id, current.authorId));

  // Revision i holds the text before edit i, made by rows[i]'s editor; the current text follows the last.
  const versions = [...rows.map((row) => ({ title: row.title, body: row.body })), { title: current.title, body: current.body }];
  const history: RevisionView[] = versions.map((version, index) => ({
    editor: index === 0 ? (author ?? null) : rows[index - 1].editorId ? { id: rows[index - 1].editorId!, displayName: rows[index - 1].editorName!, role: rows[index - 1].editorRole! } : null,
    createdAt: index === 0 ? current.createdAt : rows[index - 1].createdAt,
    title: version.title,
    titleDiff: index === 0 || version.title === null ? null : diff(versions[index - 1].title ?? "", version.title),
    bodyDiff: index === 0 ? [{ value: version.body, added: false, removed: false }] : diff(versions[index - 1].body, version.body),
  }));
  return { kind: current.kind, questionId: current.questionId, questionTitle: current.questionTitle, history: history.reverse() };
}
