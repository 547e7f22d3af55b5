/**
 * The Meilisearch engine, when MEILI_HOST is set: a thin adapter over the official client. Its settings
 * are applied at start-up (only when they differ, so a restart does not re-index). Meilisearch cannot
 * run the policy's SQL, so each query reads the viewer's audience from the database (the community ids
 * they may read) and turns it into a Meilisearch filter; hits whose question or answer has been deleted
 * or hidden since they were indexed are dropped against the database too.
 */
import { Meilisearch, type Filter, type Hit, type SearchParams, type Settings } from "meilisearch";
import { sql } from "drizzle-orm";
import { resultRows, type Database } from "../../db/client";
import { searchAudience, type SearchAudience } from "../policy/scopes";
import { resultKinds, searchablePostKinds, type QuestionStatus, type ResultKind, type SearchDocument } from "./documents";
import type { EngineHit, Expert, FacetCount, SearchFilters, SearchIndex, SimilarQuestion } from "./search-index";
import { SearchUnavailable } from "./search-index";
import { matchingTags } from "./query";
import { toSegments } from "./snippets";
import { synonymsSetting } from "./synonyms";

/** A document as Meilisearch stores it: Guilde's document plus when it was written (for stale removal after a reindex). */
type MeiliDocument = SearchDocument & { indexedAt: number };

export const meiliIndexUid = "guilde";

export const meiliSettings = {
  // In order of importance: Meilisearch's `attribute` rule ranks title matches above tags above body.
  searchableAttributes: ["title", "tags", "body"],
  filterableAttributes: ["communityId", "indexedAt", "kind", "personId", "personRole", "siteId", "status", "tags"],
  sortableAttributes: ["createdAt", "score"],
  rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness", "score:desc"],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
  synonyms: synonymsSetting(),
  faceting: { maxValuesPerFacet: 20 },
  // Pages are bounded (see server/search/search-content.ts): no need to count further.
  pagination: { maxTotalHits: 1000 },
} satisfies Settings;

/** Highlight markers no indexed text contains (documents.ts strips control characters). */
const marks = { open: "\u0001", close: "\u0002", escaped: false };

export function createMeilisearchIndex({
  host,
  apiKey,
  db,
  timeoutMs = 5000,
  indexUid = meiliIndexUid,
}: {
  host: string;
  apiKey?: string;
  db: Database;
  timeoutMs?: number;
  /** Tests give each file an index of its own. */
  indexUid?: string;
}): SearchIndex {
  const client = new Meilisearch({ host, apiKey, timeout: timeoutMs });
  const index = client.index<MeiliDocument>(indexUid);
  // Task waits outlast a request: a big batch may take Meilisearch a while to index.
  const wait = { timeout: 60_000, interval: 50 };

  const succeeded = async (task: Promise<{ status: string; error?: { message: string } | null }>) => {
    const done = await task;
    if (done.status !== "succeeded") throw new Error(`Meilisearch task ${done.status}: ${done.error?.message ?? "no reason given"}`);
  };

  const run = async <T>(query: () => Promise<T>): Promise<T> => {
    try {
      return await query();
    } catch (error) {
      throw new SearchUnavailable(error);
    }
  };

  return {
    engine: "meilisearch",
    async prepare() {
      const existing = await client.getRawIndexes({ limit: 1000 });
      if (!existing.results.some((candidate) => candidate.uid === indexUid)) {
        await succeeded(client.createIndex(indexUid, { primaryKey: "id" }).waitTask(wait));
      }
      const current = await index.getSettings();
      if (!sameSettings(current, meiliSettings)) await succeeded(index.updateSettings(meiliSettings).waitTask(wait));
    },
    async upsert(documents, indexedAt) {
      if (documents.length === 0) return;
      const stamped = documents.map((document) => ({ ...document, indexedAt: indexedAt.getTime() }));
      await succeeded(index.addDocuments(stamped, { primaryKey: "id" }).waitTask(wait));
    },
    async remove(documentIds) {
      if (documentIds.length === 0) return;
      await succeeded(index.deleteDocuments(documentIds).waitTask(wait));
    },
    async removeStale(indexedBefore) {
      await succeeded(index.deleteDocuments({ filter: `indexedAt < ${indexedBefore.getTime()}` }).waitTask(wait));
    },
    async count() {
      return (await index.getStats()).numberOfDocuments;
    },
    async search(viewer, query) {
      const audience = await searchAudience(db, viewer);
      const response = await run(() =>
        index.search(query.query.text, {
          filter: [audienceFilter(audience), `kind IN ${list(resultKinds)}`, ...facetFilters(query.filters)],
          facets: ["kind", "communityId", "siteId", "status", "tags"],
          sort: query.sort === "newest" ? ["createdAt:desc"] : undefined,
          page: query.page,
          hitsPerPage: query.perPage,
          matchingStrategy: query.match === "all" ? "all" : "last",
          attributesToHighlight: ["title"],
          attributesToCrop: ["body"],
          cropLength: 36,
          cropMarker: " … ",
          highlightPreTag: marks.open,
          highlightPostTag: marks.close,
        } satisfies SearchParams),
      );
      const live = await liveContent(db, response.hits, audience);
      const distribution = response.facetDistribution ?? {};
      const counts = (name: string): FacetCount[] =>
        Object.entries(distribution[name] ?? {})
          .map(([value, count]) => ({ value, count }))
          .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
          .slice(0, 20);
      return {
        total: response.totalHits,
        // Meilisearch counts up to pagination.maxTotalHits.
        more: response.totalHits >= meiliSettings.pagination.maxTotalHits,
        facets: { kind: counts("kind"), community: counts("communityId"), site: counts("siteId"), status: counts("status"), tag: counts("tags") },
        hits: response.hits.filter((hit) => live(hit)).map(toEngineHit),
      };
    },
    async similarQuestions(viewer, { query, limit }) {
      if (query.words.length === 0) return [];
      const audience = await searchAudience(db, viewer);
      const response = await run(() =>
        index.search(query.text, {
          filter: [audienceFilter(audience), `kind = "question"`],
          limit: limit * 2,
          // A new title shares some words with its duplicate, rarely all: drop the most common first.
          matchingStrategy: "frequency",
          attributesToRetrieve: ["id", "sourceId", "communityId", "questionId", "kind", "title", "status", "score"],
        }),
      );
      const live = await liveContent(db, response.hits, audience);
      return response.hits
        .filter((hit) => live(hit))
        .slice(0, limit)
        .map((hit): SimilarQuestion => ({ questionId: hit.sourceId, communityId: hit.communityId ?? "", title: hit.title, status: hit.status, score: hit.score }));
    },
    async peopleWhoKnow(viewer, { query, limit }) {
      if (query.words.length === 0) return [];
      const audience = await searchAudience(db, viewer);
      const response = await run(() =>
        index.search(query.text, {
          filter: [audienceFilter(audience), `kind = "expertise"`],
          limit: limit * 4,
          matchingStrategy: "last",
          attributesToRetrieve: ["personId", "communityId", "memberRole", "tags"],
        }),
      );
      // Monitors first, each person once; Meilisearch's order (relevance) within each group.
      const ordered = [...response.hits.filter((hit) => hit.memberRole === "monitor"), ...response.hits.filter((hit) => hit.memberRole !== "monitor")];
      const experts = new Map<string, Expert>();
      for (const hit of ordered) {
        if (!hit.personId || !hit.communityId || !hit.memberRole || experts.has(hit.personId)) continue;
        experts.set(hit.personId, { personId: hit.personId, communityId: hit.communityId, memberRole: hit.memberRole, tags: matchingTags(hit.tags, query) });
      }
      return [...experts.values()].slice(0, limit);
    },
  };
}

/** A filter value, quoted: Meilisearch's filter syntax escapes `"` and `\` inside double quotes. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

const list = (values: readonly string[]) => `[${values.map(quote).join(", ")}]`;

/**
 * The policy as a Meilisearch filter: content of the communities the viewer may read, the communities
 * they may find, the people they may see. An empty list leaves its branch out (nothing matches it).
 */
export function audienceFilter(audience: SearchAudience): string {
  const people = audience.seesEveryone ? null : `(personRole != "customer" OR personId = ${quote(audience.viewerId)})`;
  const branches: string[] = [];
  if (audience.readableCommunityIds.length > 0) {
    const readable = list(audience.readableCommunityIds);
    branches.push(`(kind IN ${list([...searchablePostKinds, "answer"])} AND communityId IN ${readable})`);
    branches.push(`(kind = "expertise" AND communityId IN ${readable}${people ? ` AND ${people}` : ""})`);
  }
  if (audience.findableCommunityIds.length > 0) branches.push(`(kind = "community" AND communityId IN ${list(audience.findableCommunityIds)})`);
  branches.push(people ? `(kind = "person" AND ${people})` : `kind = "person"`);
  return `(${branches.join(" OR ")})`;
}

export function facetFilters(filters: SearchFilters): Filter {
  const filter: string[] = [];
  if (filters.kinds.length) filter.push(`kind IN ${list(filters.kinds)}`);
  if (filters.communityIds.length) filter.push(`communityId IN ${list(filters.communityIds)}`);
  if (filters.siteIds.length) filter.push(`siteId IN ${list(filters.siteIds)}`);
  if (filters.statuses.length) filter.push(`status IN ${list(filters.statuses)}`);
  for (const tag of filters.tags) filter.push(`tags = ${quote(tag)}`);
  return filter;
}

/**
 * Which hits are still live in the database: a question or answer deleted, hidden or moved out of the
 * viewer's communities after it was indexed is dropped even before the outbox worker updates it.
 */
async function liveContent(db: Database, hits: Hit<MeiliDocument>[], audience: SearchAudience): Promise<(hit: MeiliDocument) => boolean> {
  const questionIds = [...new Set(hits.flatMap((hit) => (hit.questionId ? [hit.questionId] : [])))];
  const answerIds = hits.filter((hit) => hit.kind === "answer").map((hit) => hit.sourceId);
  if (questionIds.length === 0) return () => true;
  const rows = resultRows<{ id: string }>(
    await db.execute(sql`
      select id from posts where id = any(${sql.param(questionIds)}::text[]) and deleted_at is null and hidden_at is null
        and community_id = any(${sql.param(audience.readableCommunityIds)}::text[])
      union all
      select id from replies where id = any(${sql.param(answerIds)}::text[]) and deleted_at is null and hidden_at is null`),
  );
  const live = new Set(rows.map((row) => row.id));
  return (hit) => !hit.questionId || (live.has(hit.questionId) && (hit.kind !== "answer" || live.has(hit.sourceId)));
}

function toEngineHit(hit: Hit<MeiliDocument>): EngineHit {
  const formatted = hit._formatted ?? {};
  return {
    id: hit.id,
    kind: hit.kind as ResultKind,
    sourceId: hit.sourceId,
    questionId: hit.questionId,
    communityId: hit.communityId,
    personId: hit.personId,
    siteId: hit.siteId,
    status: hit.status as QuestionStatus | null,
    tags: hit.tags,
    score: hit.score,
    createdAt: hit.createdAt,
    title: toSegments(String(formatted.title ?? hit.title), marks),
    snippet: toSegments(String(formatted.body ?? hit.body.slice(0, 200)), marks),
  };
}

/** Whether Meilisearch already has these settings; lists whose order carries no meaning compare as sets. */
export function sameSettings(current: Settings, wanted: typeof meiliSettings): boolean {
  const unordered = new Set(["filterableAttributes", "sortableAttributes"]);
  const canonical = (key: string, value: unknown): unknown => {
    if (Array.isArray(value)) return unordered.has(key) ? [...value].map(String).sort() : value;
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([, inner]) => inner !== undefined)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([innerKey, inner]) => [innerKey, Array.isArray(inner) && key === "synonyms" ? [...inner].sort() : canonical(innerKey, inner)]),
      );
    }
    return value;
  };
  return Object.entries(wanted).every(([key, value]) => {
    const have = (current as Record<string, unknown>)[key];
    if (key === "typoTolerance" && have && typeof have === "object") {
      // Meilisearch answers every typo option; only the ones Guilde sets are compared.
      const typo = have as { enabled?: boolean; minWordSizeForTypos?: unknown };
      return JSON.stringify(canonical(key, { enabled: typo.enabled, minWordSizeForTypos: typo.minWordSizeForTypos })) === JSON.stringify(canonical(key, value));
    }
    return JSON.stringify(canonical(key, have)) === JSON.stringify(canonical(key, value));
  });
}

