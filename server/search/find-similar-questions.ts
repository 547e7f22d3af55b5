import { and, inArray } from "drizzle-orm";
import { communities } from "../../db/schema";
import type { Guilde } from "../context";
import type { Viewer } from "../policy";
import { readableCommunities } from "../policy/scopes";
import { parseTitleQuery } from "./query";
import { SearchUnavailable } from "./search-index";

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
 * While someone types a new question's title: the existing questions it most resembles, among those
 * they may read. Solved ones come first, since they hold the answer already; the engine's order
 * (closest first) is kept within each group. An engine that does not answer only means no suggestions.
 */
export async function findSimilarQuestions(guilde: Guilde, { viewer, title }: { viewer: Viewer; title: string }): Promise<SimilarQuestionView[]> {
  const query = parseTitleQuery(title);
  if (!viewer || query.words.length < minWords) return [];
  let found;
  try {
    found = await guilde.search.similarQuestions(viewer, { query, limit: shown });
  } catch (error) {
    if (error instanceof SearchUnavailable) return [];
    throw error;
  }
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
