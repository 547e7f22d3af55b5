/**
 * What the search engines index, and how each document is rebuilt from the database. A document is
 * always rebuilt whole from the current rows (never patched from an event), so processing a target
 * twice, or late, gives the same result; a target whose source is gone, deleted or hidden yields a
 * removal instead.
 */
import { sql } from "drizzle-orm";
import { resultRows, type Database } from "../../db/client";
import { ideaStatus } from "../../db/schema";
import type { Target } from "./targets";

/**
 * Post kinds that are searchable, each its own document kind: they are posts, with the same visibility
 * rules. A tutorial's draft is a hidden post, so it is never indexed.
 */
export const searchablePostKinds = ["question", "tutorial", "idea"] as const;
export type SearchablePostKind = (typeof searchablePostKinds)[number];

/** `expertise` documents feed "People who know": a person's standing in one community. */
export const documentKinds = [...searchablePostKinds, "answer", "community", "person", "expertise"] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** The kinds a search page lists and filters by type (expertise is shown as "People who know"). */
export const resultKinds = [...searchablePostKinds, "answer", "community", "person"] as const;
export type ResultKind = (typeof resultKinds)[number];

export const questionStatuses = ["solved", "answered", "unanswered"] as const;
/** The status facet's values: a question's state, or an idea's place in its workflow. */
export const documentStatuses = [...questionStatuses, ...ideaStatus.enumValues] as const;
export type DocumentStatus = (typeof documentStatuses)[number];
/** The facet kept its first name where it is handled; it covers ideas' statuses too. */
export type QuestionStatus = DocumentStatus;

/** A question's state as the status facet and suggestions show it. */
export const questionStatusOf = (question: { acceptedAnswerId: string | null; answerCount: number }): QuestionStatus =>
  question.acceptedAnswerId ? "solved" : question.answerCount > 0 ? "answered" : "unanswered";

export interface SearchDocument {
  /** `${kind}-${sourceId}` (expertise: `expertise-${userId}-${communityId}`). */
  id: string;
  kind: DocumentKind;
  sourceId: string;
  /** Questions and answers: the question (links point to it; its state is checked at query time). */
  questionId: string | null;
  communityId: string | null;
  /** People and expertise: the person. Questions and answers: the author. */
  personId: string | null;
  /** People and expertise: the person's role, for the rule that customers never see other customers. */
  personRole: "admin" | "employee" | "customer" | null;
  /** Expertise: the person's role in the community (monitors come first in "People who know"). */
  memberRole: "member" | "monitor" | "moderator" | null;
  title: string;
  /** Plain text, no markup. */
  body: string;
  tags: string[];
  siteId: string | null;
  status: QuestionStatus | null;
  score: number;
  /** Milliseconds since the epoch (Meilisearch sorts numbers, not dates). */
  createdAt: number;
}

export interface BuiltDocuments {
  upserts: SearchDocument[];
  /** Ids of documents that must leave the index. */
  removals: string[];
}

/** Bodies are cut here: enough for matching and snippets, and bounded indexing work per document. */
const maxBodyLength = 6000;

export const documentId = (kind: DocumentKind, sourceId: string) => `${kind}-${sourceId}`;
export const expertiseDocumentId = (userId: string, communityId: string) => `expertise-${userId}-${communityId}`;

/** Rebuilds the documents of a batch of targets with one query per kind of target. */
export async function buildDocuments(db: Database, targets: Target[]): Promise<BuiltDocuments> {
  const ids = (kind: Target["kind"]) => [...new Set(targets.flatMap((target) => (target.kind === kind && "id" in target ? [target.id] : [])))];
  const pairs = targets.flatMap((target) => (target.kind === "expertise" ? [target] : []));
  const parts = await Promise.all([
    buildPosts(db, ids("post")),
    buildAnswers(db, ids("reply")),
    buildCommunities(db, ids("community")),
    buildPeople(db, ids("person")),
    buildExpertise(db, pairs),
  ]);
  return {
    upserts: parts.flatMap((part) => part.upserts).map((document) => ({ ...document, title: plain(document.title), body: plain(document.body) })),
    removals: parts.flatMap((part) => part.removals),
  };
}

const textArray = (values: string[]) => sql`${sql.param(values)}::text[]`;

async function buildPosts(db: Database, postIds: string[]): Promise<BuiltDocuments> {
  if (postIds.length === 0) return { upserts: [], removals: [] };
  const rows = resultRows<{
    id: string;
    kind: string;
    community_id: string;
    author_id: string;
    origin_site_id: string | null;
    title: string;
    body_html: string;
    tags: string[];
    score: number;
    answer_count: number;
    accepted_answer_id: string | null;
    created_at: string | Date;
    gone: boolean;
    accepted_html: string | null;
    summary: string | null;
    idea_status: DocumentStatus | null;
    idea_html: string | null;
  }>(
    await db.execute(sql`
      select p.id, p.kind, p.community_id, p.author_id, p.origin_site_id, p.title, p.body_html, p.tags, coalesce(i.vote_count, p.score) as score,
        p.answer_count, p.accepted_answer_id, p.created_at,
        (p.deleted_at is not null or p.hidden_at is not null or i.merged_into_id is not null) as gone,
        a.body_html as accepted_html, t.summary, i.status as idea_status, i.proposal_html || '\n' || i.benefit_html as idea_html
      from posts p
      left join replies a on a.id = p.accepted_answer_id and a.deleted_at is null and a.hidden_at is null
      left join tutorials t on t.post_id = p.id
      left join ideas i on i.post_id = p.id
      where p.id = any(${textArray(postIds)})`),
  );
  const found = new Map(rows.map((row) => [row.id, row]));
  const upserts: SearchDocument[] = [];
  const removals: string[] = [];
  for (const postId of postIds) {
    const row = found.get(postId);
    const kind = searchablePostKinds.find((candidate) => candidate === row?.kind);
    if (!row || !kind || row.gone) {
      // The kind of a post that is gone is unknown: every kind's id leaves.
      removals.push(...searchablePostKinds.map((candidate) => documentId(candidate, postId)));
      continue;
    }
    // A question is found by its accepted answer's words too: that is often where the solution is named.
    // A tutorial is found by its summary as well as its steps.
    // An idea is found by its proposal and expected benefit as well as the problem it starts from.
    const body = [row.summary ?? "", htmlToText(row.body_html), row.accepted_html ? htmlToText(row.accepted_html) : "", row.idea_html ? htmlToText(row.idea_html) : ""]
      .filter(Boolean)
      .join("\n\n");
    upserts.push({
      id: documentId(kind, row.id),
      kind,
      sourceId: row.id,
      questionId: row.id,
      communityId: row.community_id,
      personId: row.author_id,
      personRole: null,
      memberRole: null,
      title: row.title,
      body: cut(body),
      tags: row.tags,
      siteId: row.origin_site_id,
      status: kind === "idea" ? row.idea_status : kind !== "question" ? null : questionStatusOf({ acceptedAnswerId: row.accepted_answer_id, answerCount: row.answer_count }),
      score: row.score,
      createdAt: new Date(row.created_at).getTime(),
    });
  }
  return { upserts, removals };
}

async function buildAnswers(db: Database, replyIds: string[]): Promise<BuiltDocuments> {
  if (replyIds.length === 0) return { upserts: [], removals: [] };
  const rows = resultRows<{
    id: string;
    kind: string;
    post_id: string;
    author_id: string;
    origin_site_id: string | null;
    body_html: string;
    score: number;
    created_at: string | Date;
    gone: boolean;
    post_kind: string;
    title: string;
    tags: string[];
    community_id: string;
  }>(
    await db.execute(sql`
      select r.id, r.kind, r.post_id, r.author_id, r.origin_site_id, r.body_html, r.score, r.created_at,
        (r.deleted_at is not null or r.hidden_at is not null or p.deleted_at is not null or p.hidden_at is not null) as gone,
        p.kind as post_kind, p.title, p.tags, p.community_id
      from replies r join posts p on p.id = r.post_id
      where r.id = any(${textArray(replyIds)})`),
  );
  const found = new Map(rows.map((row) => [row.id, row]));
  const upserts: SearchDocument[] = [];
  const removals: string[] = [];
  for (const replyId of replyIds) {
    const row = found.get(replyId);
    // Comments are not indexed: a target for one removes nothing that exists, harmlessly.
    if (!row || row.kind !== "answer" || row.gone || row.post_kind !== "question") {
      removals.push(documentId("answer", replyId));
      continue;
    }
    upserts.push({
      id: documentId("answer", row.id),
      kind: "answer",
      sourceId: row.id,
      questionId: row.post_id,
      communityId: row.community_id,
      personId: row.author_id,
      personRole: null,
      memberRole: null,
      title: row.title,
      body: cut(htmlToText(row.body_html)),
      tags: row.tags,
      siteId: row.origin_site_id,
      status: null,
      score: row.score,
      createdAt: new Date(row.created_at).getTime(),
    });
  }
  return { upserts, removals };
}

async function buildCommunities(db: Database, communityIds: string[]): Promise<BuiltDocuments> {
  if (communityIds.length === 0) return { upserts: [], removals: [] };
  const rows = resultRows<{ id: string; name: string; description: string; themes: string[]; created_at: string | Date }>(
    await db.execute(sql`select id, name, description, themes, created_at from communities where id = any(${textArray(communityIds)})`),
  );
  const found = new Map(rows.map((row) => [row.id, row]));
  const upserts: SearchDocument[] = [];
  const removals: string[] = [];
  for (const communityId of communityIds) {
    const row = found.get(communityId);
    if (!row) {
      removals.push(documentId("community", communityId));
      continue;
    }
    upserts.push({
      id: documentId("community", row.id),
      kind: "community",
      sourceId: row.id,
      questionId: null,
      communityId: row.id,
      personId: null,
      personRole: null,
      memberRole: null,
      title: row.name,
      body: cut(row.description),
      tags: row.themes,
      siteId: null,
      status: null,
      score: 0,
      createdAt: new Date(row.created_at).getTime(),
    });
  }
  return { upserts, removals };
}

/**
 * A person is found by name, handle and site only: a profile's title and biography are details that
 * customers may not see (policy `profile.viewDetails`), so they stay out of a shared index.
 */
async function buildPeople(db: Database, userIds: string[]): Promise<BuiltDocuments> {
  if (userIds.length === 0) return { upserts: [], removals: [] };
  const rows = resultRows<{
    id: string;
    display_name: string;
    handle: string;
    role: "admin" | "employee" | "customer";
    site_id: string | null;
    site_name: string | null;
    site_city: string | null;
    created_at: string | Date;
  }>(
    await db.execute(sql`
      select u.id, u.display_name, u.handle, u.role, u.site_id, s.name as site_name, s.city as site_city, u.created_at
      from users u left join sites s on s.id = u.site_id
      where u.id = any(${textArray(userIds)})`),
  );
  const found = new Map(rows.map((row) => [row.id, row]));
  const upserts: SearchDocument[] = [];
  const removals: string[] = [];
  for (const userId of userIds) {
    const row = found.get(userId);
    if (!row) {
      removals.push(documentId("person", userId));
      continue;
    }
    upserts.push({
      id: documentId("person", row.id),
      kind: "person",
      sourceId: row.id,
      questionId: null,
      communityId: null,
      personId: row.id,
      personRole: row.role,
      memberRole: null,
      title: row.display_name,
      body: [`@${row.handle}`, row.site_name, row.site_city].filter(Boolean).join(" · "),
      tags: [],
      siteId: row.site_id,
      status: null,
      score: 0,
      createdAt: new Date(row.created_at).getTime(),
    });
  }
  return { upserts, removals };
}

/**
 * A person's expertise in one community: the topics they monitor there and the tags of the questions
 * they answered there. One document per community, so that it is found only by those who may read
 * that community (a private community's topics never show on a profile found by outsiders).
 */
async function buildExpertise(db: Database, pairs: { userId: string; communityId: string }[]): Promise<BuiltDocuments> {
  const unique = [...new Map(pairs.map((pair) => [expertiseDocumentId(pair.userId, pair.communityId), pair])).values()];
  if (unique.length === 0) return { upserts: [], removals: [] };
  const rows = resultRows<{
    user_id: string;
    community_id: string;
    role: "member" | "monitor" | "moderator" | null;
    monitor_topics: string[] | null;
    display_name: string | null;
    user_role: "admin" | "employee" | "customer" | null;
    site_id: string | null;
    community_name: string | null;
    answers: number;
    answered_tags: string[];
    since: string | Date | null;
  }>(
    await db.execute(sql`
      with pairs as (
        select * from unnest(${textArray(unique.map((pair) => pair.userId))}, ${textArray(unique.map((pair) => pair.communityId))}) as t(user_id, community_id)
      ),
      answered as (
        select pairs.user_id, pairs.community_id, p.tags
        from pairs
        join replies r on r.author_id = pairs.user_id and r.kind = 'answer' and r.deleted_at is null and r.hidden_at is null
        join posts p on p.id = r.post_id and p.community_id = pairs.community_id and p.deleted_at is null and p.hidden_at is null
      )
      select pairs.user_id, pairs.community_id, m.role, m.monitor_topics, u.display_name, u.role as user_role, u.site_id,
        c.name as community_name, coalesce(m.monitor_since, m.joined_at) as since,
        (select count(*)::int from answered a where a.user_id = pairs.user_id and a.community_id = pairs.community_id) as answers,
        coalesce((
          select array_agg(tag order by uses desc, tag) from (
            select tag, count(*) as uses from answered a, unnest(a.tags) as tag
            where a.user_id = pairs.user_id and a.community_id = pairs.community_id
            group by tag order by uses desc, tag limit 10
          ) ranked
        ), '{}') as answered_tags
      from pairs
      left join community_members m on m.user_id = pairs.user_id and m.community_id = pairs.community_id and m.status = 'active'
      left join users u on u.id = pairs.user_id
      left join communities c on c.id = pairs.community_id`),
  );
  const upserts: SearchDocument[] = [];
  const removals: string[] = [];
  for (const row of rows) {
    const id = expertiseDocumentId(row.user_id, row.community_id);
    const isMonitor = row.role === "monitor";
    // Someone knows about a community's subjects if they watch over it or have answered there.
    if (!row.role || !row.display_name || !row.user_role || (!isMonitor && row.answers === 0)) {
      removals.push(id);
      continue;
    }
    const topics = row.monitor_topics ?? [];
    upserts.push({
      id,
      kind: "expertise",
      sourceId: row.user_id,
      questionId: null,
      communityId: row.community_id,
      personId: row.user_id,
      personRole: row.user_role,
      memberRole: row.role,
      title: row.display_name,
      body: [row.community_name, ...topics].filter(Boolean).join(" · "),
      tags: [...new Set([...topics, ...row.answered_tags])],
      siteId: row.site_id,
      status: null,
      score: row.answers,
      createdAt: new Date(row.since ?? 0).getTime(),
    });
  }
  return { upserts, removals };
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", nbsp: " " };

/**
 * Plain text from the sanitised HTML stored with every post (rendering the Markdown again would cost
 * far more in a full reindex).
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<(?:br|\/p|\/li|\/h\d|\/pre|\/blockquote)[^>]*>/gi, "\n")
    .replace(/<[^>]*>/g, " ")
    .replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (_, name: string) => entities[name])
    .replace(/[ \t]+/g, " ")
    .replace(/\n\s*\n+/g, "\n\n")
    .trim();
}

/** Control characters go from every indexed text: the engines' highlight markers are made of them. */
function plain(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, " ");
}

function cut(text: string): string {
  return text.length <= maxBodyLength ? text : text.slice(0, maxBodyLength);
}
