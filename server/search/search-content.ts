import { and, inArray } from "drizzle-orm";
import { z } from "zod";
import { communities, sites, users } from "../../db/schema";
import type { Guilde } from "../context";
import { NotFound } from "../errors";
import type { Untrusted } from "../validation";
import type { Viewer } from "../policy";
import { findableCommunities, visiblePeople } from "../policy/scopes";
import { documentStatuses, resultKinds, type QuestionStatus, type ResultKind } from "./documents";
import { parseQueryText } from "./query";
import { SearchUnavailable, searchSorts, type EngineResults, type Expert, type SearchFilters, type SearchSort } from "./search-index";
import type { Segment } from "./snippets";

export const resultsPerPage = 20;
/** Relevance is only worth paging so far; past it, the search needs more words, not more pages. */
export const maxPage = 50;
const maxValuesPerFilter = 5;

const anyList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .catch(undefined)
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));
/** Keeps the values a filter knows: an unknown one is ignored rather than refused (a stale or edited link). */
const knownValues = <Value extends string>(allowed: readonly Value[]) =>
  anyList.transform((values) => [...new Set(values.filter((value): value is Value => (allowed as readonly string[]).includes(value)))].slice(0, maxValuesPerFilter));
const ids = anyList.transform((values) => [...new Set(values.filter((value) => /^[a-z0-9]{1,40}$/.test(value)))].slice(0, maxValuesPerFilter));
const tags = anyList.transform((values) => [...new Set(values.map((value) => value.trim().toLowerCase()).filter((value) => value.length > 0 && value.length <= 35))].slice(0, maxValuesPerFilter));

/** The search page's query string. Nothing in it is refused: what cannot be used is left out. */
export const searchInputSchema = z.object({
  q: z.string().catch("").default(""),
  type: knownValues(resultKinds),
  community: ids,
  site: ids,
  status: knownValues(documentStatuses),
  tag: tags,
  sort: z.enum(searchSorts).catch("relevance").default("relevance"),
  page: z.coerce.number().int().min(1).catch(1).default(1),
});
export type SearchInput = Untrusted<z.input<typeof searchInputSchema>>;

/**
 * Why a page shows fewer results than one might expect, for the page to say so: nothing typed, nothing
 * searchable typed (only punctuation), too much typed, only some words found, a page past the end, or
 * the engine not answering.
 */
export type SearchNotice = "empty" | "noWords" | "truncated" | "someWords" | "beyondLast" | "unavailable";

export interface SearchResult {
  id: string;
  /** The question's, answer's, tutorial's, idea's, community's or person's own id. */
  sourceId: string;
  kind: ResultKind;
  href: string;
  title: Segment[];
  snippet: Segment[];
  community: { slug: string; name: string; color: string } | null;
  site: string | null;
  status: QuestionStatus | null;
  tags: string[];
  createdAt: string;
}

export interface FacetOption {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

export interface PersonWhoKnows {
  id: string;
  displayName: string;
  site: string | null;
  monitor: boolean;
  community: { slug: string; name: string };
  tags: string[];
}

export interface SearchPage {
  query: string;
  filters: SearchFilters;
  sort: SearchSort;
  page: number;
  lastPage: number;
  total: number;
  /** More matches than `total` exist (the engines count up to a bound). */
  more: boolean;
  notices: SearchNotice[];
  results: SearchResult[];
  facets: { kind: FacetOption[]; community: FacetOption[]; site: FacetOption[]; status: FacetOption[]; tag: FacetOption[] };
  people: PersonWhoKnows[];
}

/**
 * Searches everything the viewer may read, with facets counted over the same visible matches. When
 * every word together finds nothing, results with some of the words (or a title that looks like them,
 * for typos) are shown instead, and the page says so.
 */
export async function searchContent(guilde: Guilde, { viewer, input }: { viewer: Viewer; input: SearchInput }): Promise<SearchPage> {
  if (!viewer) throw new NotFound();
  const data = searchInputSchema.parse(input);
  const query = parseQueryText(data.q);
  const filters: SearchFilters = { kinds: data.type, communityIds: data.community, siteIds: data.site, statuses: data.status, tags: data.tag };
  const filtering = Object.values(filters).some((values) => values.length > 0);
  const page: SearchPage = {
    query: data.q.slice(0, 200),
    filters,
    sort: data.sort,
    page: data.page,
    lastPage: 1,
    total: 0,
    more: false,
    notices: query.truncated ? ["truncated"] : [],
    results: [],
    facets: { kind: [], community: [], site: [], status: [], tag: [] },
    people: [],
  };
  if (query.words.length === 0 && !filtering) {
    page.notices.push(data.q.trim() === "" ? "empty" : "noWords");
    return page;
  }

  const engineQuery = {
    query,
    filters,
    // Without words there is nothing to rank by: filtered browsing lists the newest first.
    sort: query.words.length === 0 ? "newest" : data.sort,
    page: Math.min(data.page, maxPage),
    perPage: resultsPerPage,
    match: "all",
  } as const;
  let results: EngineResults;
  let people: Expert[] = [];
  try {
    results = await guilde.search.search(viewer, engineQuery);
    if (results.total === 0 && query.words.length > 0) {
      results = await guilde.search.search(viewer, { ...engineQuery, match: "any" });
      if (results.total > 0) page.notices.push("someWords");
    }
    if (data.page === 1) people = await guilde.search.peopleWhoKnow(viewer, { query, limit: 5 });
  } catch (error) {
    if (!(error instanceof SearchUnavailable)) throw error;
    guilde.log.error("Search failed: the engine did not answer", error);
    page.notices.push("unavailable");
    return page;
  }

  page.total = results.total;
  page.more = results.more;
  page.lastPage = Math.max(1, Math.min(maxPage, Math.ceil(results.total / resultsPerPage)));
  if (data.page > page.lastPage && results.total > 0) page.notices.push("beyondLast");
  if (data.page > maxPage) results = { ...results, hits: [] };

  const names = await namesFor(guilde, viewer, {
    communityIds: [...results.hits.map((hit) => hit.communityId), ...results.facets.community.map((facet) => facet.value), ...people.map((person) => person.communityId), ...filters.communityIds],
    siteIds: [...results.hits.map((hit) => hit.siteId), ...results.facets.site.map((facet) => facet.value), ...filters.siteIds],
    personIds: [...results.hits.map((hit) => (hit.kind === "person" ? hit.personId : null)), ...people.map((person) => person.personId)],
  });

  page.results = results.hits.flatMap((hit): SearchResult[] => {
    const community = hit.communityId ? (names.communities.get(hit.communityId) ?? null) : null;
    // A person the viewer may not see, or content of a community they may not find, is never shown.
    if (hit.kind === "person" && !names.people.has(hit.personId ?? "")) return [];
    if (hit.communityId && !community) return [];
    const href =
      hit.kind === "answer"
        ? `/questions/${hit.questionId}#answer-${hit.sourceId}`
        : hit.kind === "community"
          ? `/c/${community!.slug}`
          : hit.kind === "person"
            ? `/users/${hit.sourceId}`
            : hit.kind === "tutorial"
              ? `/tutorials/${hit.sourceId}`
              : hit.kind === "idea"
                ? `/ideas/${hit.sourceId}`
                : `/questions/${hit.sourceId}`;
    return [
      {
        id: hit.id,
        sourceId: hit.sourceId,
        kind: hit.kind,
        href,
        title: hit.title,
        snippet: hit.snippet,
        community,
        site: hit.siteId ? (names.sites.get(hit.siteId) ?? null) : null,
        status: hit.status,
        tags: hit.tags,
        createdAt: new Date(hit.createdAt).toISOString(),
      },
    ];
  });

  const option = (selected: string[], label: (value: string) => string | undefined) => (facet: { value: string; count: number }) => {
    const text = label(facet.value);
    return text === undefined ? [] : [{ value: facet.value, label: text, count: facet.count, selected: selected.includes(facet.value) }];
  };
  page.facets = {
    kind: results.facets.kind.flatMap(option(filters.kinds, (value) => value)),
    community: results.facets.community.flatMap(option(filters.communityIds, (value) => names.communities.get(value)?.name)),
    site: results.facets.site.flatMap(option(filters.siteIds, (value) => names.sites.get(value))),
    status: results.facets.status.flatMap(option(filters.statuses, (value) => value)),
    tag: results.facets.tag.flatMap(option(filters.tags, (value) => value)),
  };
  page.people = people.flatMap((expert): PersonWhoKnows[] => {
    const person = names.people.get(expert.personId);
    const community = names.communities.get(expert.communityId);
    if (!person || !community) return [];
    return [{ id: expert.personId, displayName: person.displayName, site: person.site, monitor: expert.memberRole === "monitor", community, tags: expert.tags }];
  });
  return page;
}

/** Names for the ids on a page, each read under the viewer's rights: one query per table. */
async function namesFor(
  guilde: Guilde,
  viewer: NonNullable<Viewer>,
  wanted: { communityIds: (string | null)[]; siteIds: (string | null)[]; personIds: (string | null)[] },
) {
  const unique = (values: (string | null)[]) => [...new Set(values.filter((value): value is string => Boolean(value)))];
  const [communityIds, siteIds, personIds] = [unique(wanted.communityIds), unique(wanted.siteIds), unique(wanted.personIds)];
  const [communityRows, siteRows, personRows] = await Promise.all([
    communityIds.length
      ? guilde.db
          .select({ id: communities.id, slug: communities.slug, name: communities.name, color: communities.color })
          .from(communities)
          .where(and(inArray(communities.id, communityIds), findableCommunities(viewer)))
      : [],
    siteIds.length ? guilde.db.select({ id: sites.id, name: sites.name }).from(sites).where(inArray(sites.id, siteIds)) : [],
    personIds.length
      ? guilde.db
          .select({ id: users.id, displayName: users.displayName, siteId: users.siteId })
          .from(users)
          .where(and(inArray(users.id, personIds), visiblePeople(viewer)))
      : [],
  ]);
  const siteNames = new Map(siteRows.map((row) => [row.id, row.name]));
  const missingSites = personRows.map((row) => row.siteId).filter((id): id is string => Boolean(id) && !siteNames.has(id!));
  if (missingSites.length) {
    for (const row of await guilde.db.select({ id: sites.id, name: sites.name }).from(sites).where(inArray(sites.id, [...new Set(missingSites)]))) {
      siteNames.set(row.id, row.name);
    }
  }
  return {
    communities: new Map(communityRows.map((row) => [row.id, { slug: row.slug, name: row.name, color: row.color }])),
    sites: siteNames,
    people: new Map(personRows.map((row) => [row.id, { displayName: row.displayName, site: row.siteId ? (siteNames.get(row.siteId) ?? null) : null }])),
  };
}
