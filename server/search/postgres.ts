/**
 * The embedded search engine: PostgreSQL full-text search on PGlite or a PostgreSQL server, in the
 * `search_documents` table. Words are stemmed in English and in French (configurations guilde_en and
 * guilde_fr, accent-insensitive), weighted title A > tags B > body C, with trigram similarity on titles
 * for typos. Who may see a document is decided here from the live tables (the policy's SQL scopes), so
 * a community turned private or a question deleted disappears from results at once, facets included.
 */
import { sql, type SQL } from "drizzle-orm";
import { resultRows, type Database } from "../../db/client";
import { communities } from "../../db/schema";
import type { SignedInViewer } from "../policy";
import { findableCommunities, readableCommunityIds, visiblePeopleIds } from "../policy/scopes";
import { searchablePostKinds, type DocumentKind, type QuestionStatus, type ResultKind, type SearchDocument } from "./documents";
import { expandWord, matchingTags, type QueryText } from "./query";
import type { EngineHit, EngineQuery, EngineResults, Expert, FacetCount, SearchIndex, SimilarQuestion } from "./search-index";
import { plainSegments, toSegments } from "./snippets";
import { countTermsWhenStale } from "./term-statistics";

/** How many of the best matches by title are ranked again on their whole text. */
const rerankedCandidates = 100;
/** Matches counted, faceted and ranked, from titles then from texts: beyond, the page says "more than". */
const maxMatches = 1000;

export function createPostgresIndex(db: Database): SearchIndex {
  return {
    engine: "postgres",
    async prepare() {
      // The table and text search configurations come with the migrations: this only checks they answer.
      await db.execute(sql`select to_tsvector('guilde_en', 'ready') || to_tsvector('guilde_fr', 'prêt') from search_documents limit 0`);
    },
    async upsert(documents, indexedAt) {
      if (documents.length === 0) return;
      await db.execute(upsertStatement(documents, indexedAt));
      await countTermsWhenStale(db);
    },
    async remove(documentIds) {
      if (documentIds.length === 0) return;
      await db.execute(sql`delete from search_documents where id = any(${sql.param(documentIds)}::text[])`);
    },
    async removeStale(indexedBefore) {
      await db.execute(sql`delete from search_documents where indexed_at < ${indexedBefore.toISOString()}::timestamptz`);
    },
    async count() {
      const [row] = resultRows<{ count: number }>(await db.execute(sql`select count(*)::int as count from search_documents`));
      return row.count;
    },
    search: (viewer, query) => search(db, viewer, query),
    similarQuestions: (viewer, request) => similarQuestions(db, viewer, request),
    peopleWhoKnow: (viewer, request) => peopleWhoKnow(db, viewer, request),
  };
}

function upsertStatement(documents: SearchDocument[], indexedAt: Date): SQL {
  const rows = JSON.stringify(documents);
  return sql`
    insert into search_documents (id, kind, source_id, question_id, community_id, person_id, person_role, member_role,
      title, body, tags, site_id, status, score, created_at, indexed_at, title_key, title_vector, vector)
    select id, kind, source_id, question_id, community_id, person_id, person_role, member_role,
      title, body, tags, site_id, status, score, created_at, ${indexedAt.toISOString()}::timestamptz, lower(unaccent(title)), title_vector,
      title_vector || setweight(to_tsvector('guilde_en', body), 'C') || setweight(to_tsvector('guilde_fr', body), 'C')
    from (
      select d.*,
        setweight(to_tsvector('guilde_en', d.title), 'A') || setweight(to_tsvector('guilde_fr', d.title), 'A')
          || setweight(to_tsvector('guilde_simple', d.title), 'A')
          || setweight(to_tsvector('guilde_en', array_to_string(d.tags, ' ')), 'B')
          || setweight(to_tsvector('guilde_fr', array_to_string(d.tags, ' ')), 'B') as title_vector
      from (
        select x->>'id' as id, x->>'kind' as kind, x->>'sourceId' as source_id, x->>'questionId' as question_id,
          x->>'communityId' as community_id, x->>'personId' as person_id, x->>'personRole' as person_role,
          x->>'memberRole' as member_role, x->>'title' as title, x->>'body' as body,
          array(select jsonb_array_elements_text(x->'tags')) as tags, x->>'siteId' as site_id, x->>'status' as status,
          (x->>'score')::int as score, to_timestamp((x->>'createdAt')::double precision / 1000) as created_at
        from jsonb_array_elements(${rows}::jsonb) as x
      ) d
    ) built
    on conflict (id) do update set
      kind = excluded.kind, source_id = excluded.source_id, question_id = excluded.question_id,
      community_id = excluded.community_id, person_id = excluded.person_id, person_role = excluded.person_role,
      member_role = excluded.member_role, title = excluded.title, body = excluded.body, tags = excluded.tags,
      site_id = excluded.site_id, status = excluded.status, score = excluded.score, created_at = excluded.created_at,
      indexed_at = excluded.indexed_at, title_key = excluded.title_key, title_vector = excluded.title_vector,
      vector = excluded.vector`;
}

const textArray = (values: readonly string[]) => sql`${sql.param([...values])}::text[]`;

/**
 * One word as a tsquery: its English and French stems, and its synonyms', any of which may match. The
 * word is letters and digits only (./query.ts), so to_tsquery never sees an operator from the user.
 * No prefix matching (`:*`): it makes PostgreSQL recheck every match against its whole vector, which
 * costs seconds on common words; a word still being typed is caught by the trigram fallback instead.
 */
function wordQuery(word: string): SQL {
  const forms = expandWord(word).map((form) => sql`to_tsquery('guilde_en', ${form}) || to_tsquery('guilde_fr', ${form})`);
  return sql`(${sql.join(forms, sql` || `)})`;
}

/** Every word (`all`) or any word (`any`). */
export function textQuery(query: QueryText, match: "all" | "any"): SQL {
  return sql`(${sql.join(query.words.map(wordQuery), match === "all" ? sql` && ` : sql` || `)})`;
}

/**
 * The policy at query time, on alias `d`: content of communities the viewer may read (evaluated now,
 * so a community turned private or a member who left is out at once), communities the viewer may
 * find, people the viewer may see. Content deleted, hidden or moved is withdrawn from this table in
 * the very transaction that changes it (./targets.ts), so the index never shows it, even before the
 * outbox worker rebuilds it.
 */
function visibleTo(viewer: SignedInViewer): SQL {
  const readable = readableCommunityIds(viewer);
  const findable = sql`(select ${communities.id} from ${communities} where ${findableCommunities(viewer)})`;
  const people = visiblePeopleIds(viewer);
  // A customer reads a handful of communities: naming them (or none, for people) on the text indexes'
  // first column reads only their entries. An employee reads most communities, so the word alone is cheaper.
  const reach = viewer.role === "customer" ? sql`coalesce(d.community_id, '') in (${readable} union ${findable} union select '') and ` : sql``;
  return sql`${reach}(
    (d.kind = any(${textArray([...searchablePostKinds, "answer"])}) and d.community_id in ${readable})
    or (d.kind = 'community' and d.community_id in ${findable})
    or (d.kind = 'person' and d.person_id in ${people})
    or (d.kind = 'expertise' and d.community_id in ${readable} and d.person_id in ${people}))`;
}

function filtersOf({ filters }: EngineQuery): SQL[] {
  const conditions: SQL[] = [];
  if (filters.kinds.length) conditions.push(sql`d.kind = any(${textArray(filters.kinds)})`);
  // Written as the text indexes' first column, so that a community's matches are read from them alone.
  if (filters.communityIds.length) conditions.push(sql`coalesce(d.community_id, '') = any(${textArray(filters.communityIds)})`);
  if (filters.siteIds.length) conditions.push(sql`d.site_id = any(${textArray(filters.siteIds)})`);
  if (filters.statuses.length) conditions.push(sql`d.status = any(${textArray(filters.statuses)})`);
  if (filters.tags.length) conditions.push(sql`d.tags @> ${textArray(filters.tags)}`);
  return conditions;
}

/** HTML-escapes a column before ts_headline, so that the only markup in a highlight is its own <mark>. */
const escaped = (column: SQL) =>
  sql`replace(replace(replace(replace(replace(${column}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;')`;

const marks = { open: "<mark>", close: "</mark>", escaped: true };

interface HitRow {
  id: string;
  kind: ResultKind;
  source_id: string;
  question_id: string | null;
  community_id: string | null;
  person_id: string | null;
  site_id: string | null;
  status: QuestionStatus | null;
  tags: string[];
  score: number;
  created_at: number;
  title: string;
  snippet: string;
}

interface SearchRow {
  total: number;
  more: boolean;
  kind_facet: FacetCount[];
  community_facet: FacetCount[];
  site_facet: FacetCount[];
  status_facet: FacetCount[];
  tag_facet: FacetCount[];
  hits: HitRow[];
}

const resultKindList: readonly DocumentKind[] = [...searchablePostKinds, "answer", "community", "person"];

async function search(db: Database, viewer: SignedInViewer, query: EngineQuery): Promise<EngineResults> {
  const hasWords = query.query.words.length > 0;
  const tsquery = hasWords ? textQuery(query.query, query.match) : sql`''::tsquery`;
  // Words found anywhere, or, when looking for any word, a title that looks like the text (typos).
  const matching = !hasWords
    ? sql`true`
    : query.match === "any"
      ? sql`(d.vector @@ q.tsq or unaccent(${query.query.text}::text) <% d.title_key)`
      : sql`d.vector @@ q.tsq`;
  // Ranking every match on its whole text would cost in proportion to how common the words are: the
  // matches are ordered on their small title-and-tags vector first, and only the best few hundred are
  // ranked again on their whole text (title words weigh most; a text mostly about the words beats one
  // that mentions them once).
  const titleRank = hasWords ? sql`ts_rank(d.title_vector, q.tsq)` : sql`0::real`;
  const rank = hasWords
    ? sql`s.title_rank * 0.5 + ts_rank('{0.1, 0.2, 0.4, 1.0}', d.vector, q.tsq, 1)
        ${query.match === "any" ? sql`+ word_similarity(unaccent(${query.query.text}::text), d.title_key) * 0.3` : sql``}`
    : sql`0::real`;
  const where = sql.join([sql`d.kind = any(${textArray(resultKindList)})`, matching, visibleTo(viewer), ...filtersOf(query)], sql` and `);
  // Matches in titles first (the best ones, and a small index): a word found in half the index then
  // costs a bounded amount of work, at the price of counting "more than" rather than exactly.
  const titleWhere = hasWords
    ? sql.join([sql`d.kind = any(${textArray(resultKindList)})`, sql`d.title_vector @@ q.tsq`, visibleTo(viewer), ...filtersOf(query)], sql` and `)
    : sql`false`;
  const newest = query.sort === "newest";
  const offset = (query.page - 1) * query.perPage;
  const highlight = (column: SQL, options: string) =>
    hasWords ? sql`ts_headline('guilde_en', ${escaped(column)}, q.tsq, ${options})` : column;
  const facet = (column: string) => sql`(
    select coalesce(json_agg(f order by f.count desc, f.value), '[]'::json) from (
      select ${sql.raw(column)} as value, count(*)::int as count from matches where ${sql.raw(column)} is not null group by ${sql.raw(column)}
      order by count desc, value limit 20) f)`;

  const [row] = resultRows<SearchRow>(
    await db.execute(sql`
      with q as (select ${tsquery} as tsq),
      by_title as materialized (
        select d.id, d.kind, d.community_id, d.site_id, d.status, d.tags, d.score, d.created_at, ${titleRank} as title_rank
        from search_documents d, q
        where ${titleWhere}
        limit ${maxMatches}
      ),
      by_text as materialized (
        select d.id, d.kind, d.community_id, d.site_id, d.status, d.tags, d.score, d.created_at, ${titleRank} as title_rank
        from search_documents d, q
        where ${where} and (select count(*) from by_title) < ${maxMatches}
        limit ${maxMatches}
      ),
      matches as materialized (select * from by_title union select * from by_text),
      shortlist as (
        select id, score, created_at, title_rank from matches
        order by ${newest ? sql`created_at desc, id desc` : sql`title_rank desc, score desc, id`}
        limit ${offset + query.perPage + (newest ? 0 : rerankedCandidates)}
      ),
      ranked as (
        select s.id, s.score, s.created_at, ${rank} as rank
        from shortlist s join search_documents d on d.id = s.id, q
      ),
      page as (
        select id, rank, score, created_at from ranked
        order by ${newest ? sql`created_at desc, id desc` : sql`rank desc, score desc, id`}
        limit ${query.perPage} offset ${offset}
      )
      select
        (select count(*)::int from matches) as total,
        (select count(*) from by_title) >= ${maxMatches} or (select count(*) from by_text) >= ${maxMatches} as more,
        ${facet("kind")} as kind_facet,
        ${facet("community_id")} as community_facet,
        ${facet("site_id")} as site_facet,
        ${facet("status")} as status_facet,
        (select coalesce(json_agg(f order by f.count desc, f.value), '[]'::json) from (
          select tag as value, count(*)::int as count from matches, unnest(matches.tags) as tag
          group by tag order by count desc, tag limit 20) f) as tag_facet,
        (select coalesce(json_agg(h order by ${sql.raw(newest ? "h.created_at desc, h.id desc" : "h.rank desc, h.score desc, h.id")}), '[]'::json) from (
          select d.id, d.kind, d.source_id, d.question_id, d.community_id, d.person_id, d.site_id, d.status, d.tags, d.score,
            (extract(epoch from d.created_at) * 1000)::float8 as created_at, page.rank,
            ${highlight(sql`d.title`, "HighlightAll=true, StartSel=<mark>, StopSel=</mark>")} as title,
            ${highlight(sql`left(d.body, 1500)`, 'MaxFragments=2, MaxWords=24, MinWords=8, ShortWord=2, FragmentDelimiter=" … ", StartSel=<mark>, StopSel=</mark>')} as snippet
          from page join search_documents d on d.id = page.id, q) h) as hits`),
  );
  const segments = (text: string, snippet: boolean) =>
    hasWords ? toSegments(text, marks) : plainSegments(snippet ? text.slice(0, 200) : text);
  return {
    total: row.total,
    more: row.more,
    facets: { kind: row.kind_facet, community: row.community_facet, site: row.site_facet, status: row.status_facet, tag: row.tag_facet },
    hits: row.hits.map(
      (hit): EngineHit => ({
        id: hit.id,
        kind: hit.kind,
        sourceId: hit.source_id,
        questionId: hit.question_id,
        communityId: hit.community_id,
        personId: hit.person_id,
        siteId: hit.site_id,
        status: hit.status,
        tags: hit.tags,
        score: hit.score,
        createdAt: Number(hit.created_at),
        title: segments(hit.title, false),
        snippet: segments(hit.snippet, true),
      }),
    ),
  };
}

/**
 * One word for duplicate detection: as written (stop words included) and its English and French stems
 * and synonyms. Weighing words by rarity, not a stop-word list, decides what counts.
 */
function anyFormQuery(word: string): SQL {
  const forms = expandWord(word).map(
    (form) => sql`to_tsquery('guilde_simple', ${form}) || to_tsquery('guilde_en', ${form}) || to_tsquery('guilde_fr', ${form})`,
  );
  return sql`(${sql.join(forms, sql` || `)})`;
}

/** Quoted words name what a question is about: they weigh this many times more. */
const quotedWordWeight = 3;
/** A word found in a question's text but not its title counts this share of its rarity. */
const textWordWeight = 0.5;
/**
 * A word in a question's body also counts, at this weight, its rarity among texts times how often the
 * body says it (ts_rank's share: 0.6 for once, tending to 1): a body about the word beats one that
 * mentions it in passing.
 */
const bodyWordWeight = 0.5;
/** Candidates: questions with the rarest words in their titles, and in their texts. */
const titleCandidates = 200;
const textCandidates = 100;
/**
 * A suggestion holds at least this share of the weight of the title's words found anywhere: a
 * question that merely mentions a word everyone uses in its text is no duplicate.
 */
const minimumShare = 0.1;

/**
 * Duplicate detection: a title being typed against existing questions. BM25's idea on PostgreSQL's
 * vectors: each word weighs its rarity (inverse document frequency, from search_term_statistics), so
 * "whom" counts and "use" barely does; stop words are kept, since a question about "a" or "an" is all
 * about them. A word found in a title counts its rarity among titles; one found only in the text,
 * half its rarity among texts; the body adds how often it says each word (ts_rank); quoted words count
 * three times; titles are mildly normalised by length
 * (the originals that duplicates point to tend to be short and general); titles that look alike
 * (trigrams) get a bonus. Candidates are the questions holding the query's four rarest words in their
 * titles, and its two rarest in their texts when at most a tenth of the questions (and 500) hold
 * them; at most 300 are weighed (a word no question held at the last count picks none). Tuned on one half of
 * bench/search-relevance.ts's pairs, checked on the other.
 */
async function similarQuestions(
  db: Database,
  viewer: SignedInViewer,
  { query, limit }: { query: QueryText; limit: number },
): Promise<SimilarQuestion[]> {
  if (query.words.length === 0) return [];
  const words = sql.join(query.words.map(anyFormQuery), sql`, `);
  const forms = sql`${sql.param(query.words.map((word) => expandWord(word).join(" ")))}::text[]`;
  const boosts = sql`${sql.param(query.words.map((word) => (query.quoted.includes(word) ? quotedWordWeight : 1)))}::float8[]`;
  const rows = resultRows<{ question_id: string; community_id: string; title: string; status: QuestionStatus | null; score: number; closeness: number }>(
    await db.execute(sql`
      with terms as (
        select t.term, t.forms, t.boost
        from unnest(array[${words}]::tsquery[], ${forms}, ${boosts}) as t(term, forms, boost)
        where numnode(t.term) > 0
      ),
      corpus as (select coalesce((select s.titles from search_term_statistics s where s.term = ''), 0)::float8 as questions),
      counts as (
        select terms.term, terms.boost, cardinality(lexemes.found) as lexemes,
          least(found.titles, corpus.questions) as titles, least(found.texts, corpus.questions) as texts, corpus.questions
        from terms, corpus,
        lateral (select tsvector_to_array(
          to_tsvector('guilde_simple', terms.forms) || to_tsvector('guilde_en', terms.forms) || to_tsvector('guilde_fr', terms.forms)) as found) lexemes,
        lateral (
          select coalesce(max(s.titles), 0)::float8 as titles, coalesce(max(s.texts), 0)::float8 as texts
          from search_term_statistics s
          where s.term <> '' and s.term = any(lexemes.found)) found
      ),
      weights as (
        select term, lexemes, titles, texts, questions,
          boost * ln(1 + (questions - titles + 0.5) / (titles + 0.5)) as title_idf,
          boost * ln(1 + (questions - texts + 0.5) / (texts + 0.5)) as text_idf
        from counts
      ),
      rare_in_titles as (
        select string_agg(w.term::text, ' | ')::tsquery as tsq
        from (select term from weights where titles > 0 and title_idf > 0.2 order by title_idf desc limit 4) w
      ),
      rare_in_texts as (
        select string_agg(w.term::text, ' | ')::tsquery as tsq
        from (select term from weights where texts > 0 and texts <= least(500, 0.1 * questions) order by text_idf desc limit 2) w
      ),
      by_title as (
        select d.id
        from search_documents d, rare_in_titles r
        where d.kind = 'question' and d.title_vector @@ r.tsq and ${visibleTo(viewer)}
        order by (select sum(w.title_idf) from weights w where d.title_vector @@ w.term) desc, d.id
        limit ${titleCandidates}
      ),
      by_text as (
        select d.id
        from search_documents d, rare_in_texts r
        where d.kind = 'question' and d.vector @@ r.tsq and ${visibleTo(viewer)}
        order by (select sum(w.text_idf) from weights w where d.vector @@ w.term) desc, d.id
        limit ${textCandidates}
      ),
      candidates as (
        select d.id, d.source_id, d.community_id, d.title, d.status, d.score, d.title_key, length(d.title_vector) as title_length,
          (select coalesce(sum(case when d.title_vector @@ w.term then w.title_idf when d.vector @@ w.term then ${textWordWeight} * w.text_idf else 0 end), 0)
            from weights w) as weight,
          -- ts_rank divides by the query's lexemes (a word's English, French and plain forms): undone here.
          (select coalesce(sum(w.text_idf * w.lexemes * ts_rank('{0, 1, 0, 0}', d.vector, w.term, 0)), 0)
            from weights w where w.texts > 0) as body_weight
        from (select id from by_title union select id from by_text) c join search_documents d on d.id = c.id
      )
      select c.source_id as question_id, c.community_id, c.title, c.status, c.score,
        c.weight / (0.8 + 0.2 * c.title_length / 24.0) + ${bodyWordWeight} * c.body_weight + 2 * similarity(unaccent(${query.text}::text), c.title_key) as closeness
      from candidates c
      where c.weight >= ${minimumShare} * (select sum(greatest(w.title_idf, w.text_idf)) from weights w where w.texts > 0)
      order by closeness desc, c.id
      limit ${limit}`),
  );
  return rows.map((row) => ({
    questionId: row.question_id,
    communityId: row.community_id,
    title: row.title,
    status: row.status,
    score: row.score,
    closeness: Number(row.closeness),
  }));
}

/** People whose expertise documents match any word, monitors first, each person once. */
async function peopleWhoKnow(db: Database, viewer: SignedInViewer, { query, limit }: { query: QueryText; limit: number }): Promise<Expert[]> {
  if (query.words.length === 0) return [];
  const rows = resultRows<{ person_id: string; community_id: string; member_role: Expert["memberRole"]; tags: string[] }>(
    await db.execute(sql`
      with q as (select ${textQuery(query, "any")} as tsq)
      select d.person_id, d.community_id, d.member_role, d.tags
      from search_documents d, q
      where d.kind = 'expertise' and d.vector @@ q.tsq and ${visibleTo(viewer)}
      order by (d.member_role = 'monitor') desc, ts_rank(d.vector, q.tsq) desc, d.score desc, d.id
      limit ${limit * 4}`),
  );
  const experts = new Map<string, Expert>();
  for (const row of rows) {
    if (experts.has(row.person_id)) continue;
    experts.set(row.person_id, { personId: row.person_id, communityId: row.community_id, memberRole: row.member_role, tags: matchingTags(row.tags, query) });
  }
  return [...experts.values()].slice(0, limit);
}
