/**
 * Where a post or a reply lives. Every link to content is built here (pages, the moderation queue, the
 * audit log, notifications, search), so an idea never leads to /questions. Client-safe: no server code.
 */
export type LinkedPostKind = "question" | "idea" | "tutorial" | "discussion";

const postFolders: Record<LinkedPostKind, string> = { question: "questions", idea: "ideas", tutorial: "tutorials", discussion: "questions" };

export const isLinkedPostKind = (value: unknown): value is LinkedPostKind => typeof value === "string" && Object.hasOwn(postFolders, value);

/** `/questions/:id`, `/ideas/:id` or `/tutorials/:id`. */
export function postPath(kind: LinkedPostKind, id: string): string {
  return `/${postFolders[kind]}/${id}`;
}

/** An answer or a comment, at its anchor on its post's page (`#answer-<id>`, `#comment-<id>`). */
export function replyPath(post: { kind: LinkedPostKind; id: string }, reply: { kind: "answer" | "comment"; id: string }): string {
  return `${postPath(post.kind, post.id)}#${reply.kind}-${reply.id}`;
}

/** A post's edit form. */
export function editPostPath(kind: LinkedPostKind, id: string): string {
  return `${postPath(kind, id)}/edit`;
}
