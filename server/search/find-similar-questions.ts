import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { communities, posts } from "../../db/schema";
import type { Guilde } from "../context";
import type { SignedInViewer, Viewer } from "../policy";
import { listablePosts, readableCommunities } from "../policy/scopes";
import { questionStatusOf } from "./documents";
import { parseTitleQuery } from "./query";
import { SearchUnavailable, type SimilarQuestion } from "./search-index";

export interface SimilarQuestionView {
  id: string;
  title: string;
  href: string;
  solved: boolean;
  answered: boolean;
  community: { slug: string; name: string };
}

/** Fewer words than this say too little to suggest a duplicate. */
const minWords = 2;
const shown = 5;
/**
 * Asked of the engine: a duplicate and its original found together leave one suggestion, and the
 * duplicates found further down still vouch for their original (see leadToOriginals).
 */
export const consideredSuggestions = 60;
/** Each further question closed into the same original adds this share of its closeness to the original's. */
const corroboration = 0.1;

/**
 * A question closed as a duplicate stands for its original, which holds the answers: someone asking
 * what was asked before is led where the community sent the earlier asker. An original the viewer may
 * not read leaves the duplicate as it is. Each question once, at its closest (its own or a duplicate's);
 * when the engine says how close each is, the other duplicates found of the same original add a little
 * to it: several past askers led there with titles like this one make it the likelier answer. Without
 * closeness, the engine's order is kept.
 */
export async function leadToOriginals(db: Database, viewer: SignedInViewer, found: SimilarQuestion[]): Promise<SimilarQuestion[]> {
  if (found.length === 0) return [];
  const links = await db
    .select({ id: posts.id, originalId: posts.duplicateOfId })
    .from(posts)
    .where(and(inArray(posts.id, found.map((question) => question.questionId)), eq(posts.closeReason, "duplicate"), isNotNull(posts.duplicateOfId)));
  const originalIds = [...new Set(links.flatMap((link) => (link.originalId ? [link.originalId] : [])))];
  const originals = originalIds.length
    ? await db
        .select({
          id: posts.id,
          communityId: posts.communityId,
          title: posts.title,
          score: posts.score,
          acceptedAnswerId: posts.acceptedAnswerId,
          answerCount: posts.answerCount,
        })
        .from(posts)
        .where(and(inArray(posts.id, originalIds), eq(posts.kind, "question"), listablePosts(viewer)))
    : [];
  const originalById = new Map(
    originals.map((original): [string, SimilarQuestion] => [
      original.id,
      { questionId: original.id, communityId: original.communityId, title: original.title, status: questionStatusOf(original), score: original.score },
    ]),
  );
  const originalOf = new Map(links.flatMap((link) => (link.originalId && originalById.has(link.originalId) ? [[link.id, originalById.get(link.originalId)!] as const] : [])));
  const suggested = new Map<string, { question: SimilarQuestion; closeness: number[] }>();
  for (const question of found) {
    const shownInstead = originalOf.get(question.questionId) ?? question;
    const entry = suggested.get(shownInstead.questionId) ?? { question: shownInstead, closeness: [] };
    if (question.closeness !== undefined) entry.closeness.push(question.closeness);
    suggested.set(shownInstead.questionId, entry);
  }
  const entries = [...suggested.values()];
  if (found.some((question) => question.closeness === undefined)) return entries.map((entry) => entry.question);
  // Found in closest-first order, so each entry's first closeness is its highest; sort is stable.
  const combined = (closeness: number[]) => closeness[0] + corroboration * closeness.slice(1).reduce((sum, value) => sum + value, 0);
  return entries
    .map((entry) => ({ question: entry.question, closeness: combined(entry.closeness) }))
    .sort((a, b) => b.closeness - a.closeness)
    .map((entry) => ({ ...entry.question, closeness: entry.closeness }));
}

/**
 * While someone types a new question's title: the existing questions it most resembles, among those
 * they may read. Solved ones come first, since they hold the answer already; the engine's order
 * (closest first) is kept within each group. An engine that does not answer only means no suggestions.
 */
export async function findSimilarQuestions(guilde: Guilde, { viewer, title }: { viewer: Viewer; title: string }): Promise<SimilarQuestionView[]> {
  const query = parseTitleQuery(title);
  if (!viewer || query.words.length < minWords) return [];
  let closest;
  try {
    closest = await guilde.search.similarQuestions(viewer, { query, limit: consideredSuggestions });
  } catch (error) {
    if (error instanceof SearchUnavailable) return [];
    throw error;
  }
  const found = (await leadToOriginals(guilde.db, viewer, closest)).slice(0, shown);
  if (found.length === 0) return [];
  const rows = await guilde.db
    .select({ id: communities.id, slug: communities.slug, name: communities.name })
    .from(communities)
    .where(and(inArray(communities.id, [...new Set(found.map((question) => question.communityId))]), readableCommunities(viewer)));
  const byId = new Map(rows.map((row) => [row.id, { slug: row.slug, name: row.name }]));
  const views = found.flatMap((question): SimilarQuestionView[] => {
    const community = byId.get(question.communityId);
    if (!community) return [];
    return [
      {
        id: question.questionId,
        title: question.title,
        href: `/questions/${question.questionId}`,
        solved: question.status === "solved",
        answered: question.status !== "unanswered",
        community,
      },
    ];
  });
  return [...views.filter((view) => view.solved), ...views.filter((view) => !view.solved)];
}
