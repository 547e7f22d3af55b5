/**
 * The one interface Guilde's search runs on, with two engines behind it: the embedded PostgreSQL
 * full-text engine (./postgres.ts, the default) and Meilisearch (./meilisearch.ts, when MEILI_HOST is
 * set). Both filter every query by the viewer's rights from server/policy, at query time.
 */
import type { SignedInViewer } from "../policy";
import type { QuestionStatus, ResultKind, SearchDocument } from "./documents";
import type { QueryText } from "./query";
import type { Segment } from "./snippets";

export interface SearchFilters {
  kinds: ResultKind[];
  communityIds: string[];
  siteIds: string[];
  statuses: QuestionStatus[];
  /** Every tag listed must be on the result. */
  tags: string[];
}

export const searchSorts = ["relevance", "newest"] as const;
export type SearchSort = (typeof searchSorts)[number];

export interface EngineQuery {
  query: QueryText;
  filters: SearchFilters;
  sort: SearchSort;
  /** From 1. */
  page: number;
  perPage: number;
  /** "all": every word must be found; "any": some (the fallback when "all" finds nothing). */
  match: "all" | "any";
}

export interface EngineHit {
  id: string;
  kind: ResultKind;
  sourceId: string;
  questionId: string | null;
  communityId: string | null;
  personId: string | null;
  siteId: string | null;
  status: QuestionStatus | null;
  tags: string[];
  score: number;
  createdAt: number;
  title: Segment[];
  snippet: Segment[];
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface Facets {
  kind: FacetCount[];
  community: FacetCount[];
  site: FacetCount[];
  status: FacetCount[];
  tag: FacetCount[];
}

export interface EngineResults {
  /** Every match the viewer may see, not just this page (a lower bound when `more`). */
  total: number;
  /** There are more matches than the engine counted: the page says "more than `total`". */
  more: boolean;
  hits: EngineHit[];
  /** Counted over the same matches as `total`: nothing the viewer may not see is ever counted. */
  facets: Facets;
}

export interface SimilarQuestion {
  questionId: string;
  communityId: string;
  title: string;
  status: QuestionStatus | null;
  score: number;
  /** How close to the title the engine found it, comparable within one answer; absent if the engine gives none. */
  closeness?: number;
}

export interface Expert {
  personId: string;
  communityId: string;
  memberRole: "member" | "monitor" | "moderator";
  /** Tags of theirs that match the query, or their tags when none does. */
  tags: string[];
}

export interface SearchIndex {
  readonly engine: "postgres" | "meilisearch";
  /** Creates what the engine needs and applies its settings; safe to call on every start. */
  prepare(): Promise<void>;
  upsert(documents: SearchDocument[], indexedAt: Date): Promise<void>;
  remove(documentIds: string[]): Promise<void>;
  /** Removes what a full reindex started at `indexedBefore` did not rewrite: documents whose source is gone. */
  removeStale(indexedBefore: Date): Promise<void>;
  count(): Promise<number>;
  search(viewer: SignedInViewer, query: EngineQuery): Promise<EngineResults>;
  /** Questions like a title being typed, best first (duplicate detection). */
  similarQuestions(viewer: SignedInViewer, request: { query: QueryText; limit: number }): Promise<SimilarQuestion[]>;
  /** People whose expertise matches, monitors first. */
  peopleWhoKnow(viewer: SignedInViewer, request: { query: QueryText; limit: number }): Promise<Expert[]>;
}

/** The engine did not answer: pages say search is unavailable for a moment, never a 500. */
export class SearchUnavailable extends Error {
  constructor(cause: unknown) {
    super("The search engine did not answer", { cause });
    this.name = "SearchUnavailable";
  }
}

