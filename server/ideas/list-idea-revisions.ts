import { asc, eq } from "drizzle-orm";
import { diffWordsWithSpace } from "diff";
import { revisions, users } from "../../db/schema";
import type { Guilde } from "../context";
import type { DiffPart, RevisionView } from "../questions/list-revisions";
import type { Viewer } from "../policy";
import { viewableIdea } from "./access";

export const ideaSections = ["proposal", "benefit"] as const;
export type IdeaSection = (typeof ideaSections)[number];

export interface IdeaRevisionView extends RevisionView {
  /** The proposal and the benefit, each a word diff against the version before (the whole text for the original). */
  sections: { name: IdeaSection; diff: DiffPart[] }[];
}

// The same word diff as questions' history (server/questions/list-revisions.ts).
const diff = (before: string, after: string): DiffPart[] =>
  diffWordsWithSpace(before, after).map((part) => ({ value: part.value, added: Boolean(part.added), removed: Boolean(part.removed) }));

/**
 * An idea's history, newest first, for whoever may read it: who changed it, when, and what changed in
 * its title, problem, proposal and benefit. The first entry is the idea as proposed.
 */
export async function listIdeaRevisions(guilde: Guilde, { viewer, ideaId }: { viewer: Viewer; ideaId: string }) {
  const { post, idea } = await viewableIdea(guilde.db, viewer, ideaId);
  const [rows, [author]] = await Promise.all([
    guilde.db
      .select({
        title: revisions.title,
        body: revisions.body,
        sections: revisions.sections,
        createdAt: revisions.createdAt,
        editorId: users.id,
        editorName: users.displayName,
        editorRole: users.role,
      })
      .from(revisions)
      .leftJoin(users, eq(users.id, revisions.editorId))
      .where(eq(revisions.targetId, ideaId))
      .orderBy(asc(revisions.createdAt), asc(revisions.id))
      .limit(500),
    guilde.db.select({ id: users.id, displayName: users.displayName, role: users.role }).from(users).where(eq(users.id, post.authorId)),
  ]);

  // Revision i holds the text before edit i, made by rows[i]'s editor; the current text follows the last.
  const versions = [
    ...rows.map((row) => ({ title: row.title ?? "", body: row.body, proposal: row.sections?.proposal ?? "", benefit: row.sections?.benefit ?? "" })),
    { title: post.title, body: post.body, proposal: idea.proposal, benefit: idea.benefit },
  ];
  const history: IdeaRevisionView[] = versions.map((version, index) => {
    const before = index === 0 ? null : versions[index - 1];
    const edit = index === 0 ? null : rows[index - 1];
    return {
      editor: !edit ? (author ?? null) : edit.editorId ? { id: edit.editorId, displayName: edit.editorName!, role: edit.editorRole! } : null,
      createdAt: edit ? edit.createdAt : post.createdAt,
      title: version.title,
      titleDiff: before ? diff(before.title, version.title) : null,
      bodyDiff: before ? diff(before.body, version.body) : [{ value: version.body, added: false, removed: false }],
      sections: ideaSections.map((name) => ({
        name,
        diff: before ? diff(before[name], version[name]) : [{ value: version[name], added: false, removed: false }],
      })),
    };
  });
  return { idea: { id: post.id, title: post.title }, history: history.reverse() };
}
