import { and, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client";
import { communities, communityMembers, follows, posts, questionRoutingRecipients, sites, users } from "../../db/schema";
import { loadCommunity } from "../communities/access";
import type { Guilde } from "../context";
import { NotFound } from "../errors";
import { decodeCursor, toPage, type Page } from "../pagination";
import { can, type Viewer } from "../policy";
import { listablePosts } from "../policy/scopes";
import { unansweredFor } from "../routing/unanswered-for";

export const questionTabs = ["newest", "unanswered", "top", "solved"] as const;
export type QuestionTab = (typeof questionTabs)[number];

export interface QuestionSummary {
  id: string;
  title: string;
  tags: string[];
  score: number;
  answerCount: number;
  solved: boolean;
  closed: boolean;
  pinned: boolean;
  createdAt: Date;
  lastActivityAt: Date;
  author: { id: string; displayName: string; role: "admin" | "employee" | "customer" };
  site: { name: string; city: string } | null;
  community: { slug: string; name: string; color: string };
}

export function summaryQuery(db: Database) {
  return db
    .select({
      id: posts.id,
      title: posts.title,
      tags: posts.tags,
      score: posts.score,
      answerCount: posts.answerCount,
      acceptedAnswerId: posts.acceptedAnswerId,
      closedAt: posts.closedAt,
      pinnedAt: posts.pinnedAt,
      createdAt: posts.createdAt,
      lastActivityAt: posts.lastActivityAt,
      authorId: users.id,
      authorName: users.displayName,
      authorRole: users.role,
      siteName: sites.name,
      siteCity: sites.city,
      communitySlug: communities.slug,
      communityName: communities.name,
      communityColor: communities.color,
    })
    .from(posts)
    .innerJoin(communities, eq(communities.id, posts.communityId))
    .innerJoin(users, eq(users.id, posts.authorId))
    .leftJoin(sites, eq(sites.id, posts.originSiteId));
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>["execute"]>>[number];

export function toSummary(row: SummaryRow): QuestionSummary {
  return {
    id: row.id,
    title: row.title,
    tags: row.tags,
    score: row.score,
    answerCount: row.answerCount,
    solved: row.acceptedAnswerId !== null,
    closed: row.closedAt !== null,
    pinned: row.pinnedAt !== null,
    createdAt: row.createdAt,
    lastActivityAt: row.lastActivityAt,
    author: { id: row.authorId, displayName: row.authorName, role: row.authorRole },
    site: row.siteName ? { name: row.siteName, city: row.siteCity! } : null,
    community: { slug: row.communitySlug, name: row.communityName, color: row.communityColor },
  };
}

/** `(column, id) < (value, id)`: the keyset step for a descending order, which the indexes serve. */
function before(column: AnyPgColumn, value: string | number, id: string): SQL {
  const typed = typeof value === "number" ? sql`${value}::int` : sql`${value}::timestamptz`;
  return sql`(${column}, ${posts.id}) < (${typed}, ${id})`;
}

/** A community's questions, by tab, a page at a time. */
export async function listQuestions(
  guilde: Guilde,
  { viewer, communityId, tab = "newest", cursor, limit = 20 }: { viewer: Viewer; communityId: string; tab?: QuestionTab; cursor?: string | null; limit?: number },
): Promise<Page<QuestionSummary>> {
  const loaded = await loadCommunity(guilde.db, viewer, { id: communityId });
  if (!loaded || !can(viewer, { action: "community.read", community: loaded.access })) throw new NotFound();
  return questionsOf(guilde.db, communityId, tab, cursor, limit);
}

/** The same, found by the community's address, pinned questions in their place (the API pages through it). */
export async function listQuestionsBySlug(
  guilde: Guilde,
  { viewer, slug, tab = "newest", cursor, limit = 20 }: { viewer: Viewer; slug: string; tab?: QuestionTab; cursor?: string | null; limit?: number },
): Promise<Page<QuestionSummary>> {
  const loaded = await loadCommunity(guilde.db, viewer, { slug });
  if (!loaded || !can(viewer, { action: "community.read", community: loaded.access })) throw new NotFound();
  return questionsOf(guilde.db, loaded.community.id, tab, cursor, limit);
}

/** Pinned questions of a community, shown above its lists. */
export async function listPinnedQuestions(guilde: Guilde, { viewer, communityId }: { viewer: Viewer; communityId: string }): Promise<QuestionSummary[]> {
  return pinnedOf(guilde.db, viewer, communityId);
}

/**
 * What a community's Questions tab shows, found by the community's address: its pinned questions
 * (first page of the newest tab only) and one page of the tab. `readable: false` when the viewer may
 * know of the community but not read it (a private one they have not joined).
 */
export async function communityQuestionsPage(
  guilde: Guilde,
  { viewer, slug, tab = "newest", cursor, limit = 20 }: { viewer: Viewer; slug: string; tab?: QuestionTab; cursor?: string | null; limit?: number },
): Promise<{ readable: false } | { readable: true; mayPost: boolean; page: Page<QuestionSummary>; pinned: QuestionSummary[] }> {
  const loaded = await loadCommunity(guilde.db, viewer, { slug });
  if (!loaded || !can(viewer, { action: "community.view", community: loaded.access })) throw new NotFound();
  if (!can(viewer, { action: "community.read", community: loaded.access })) return { readable: false };
  const communityId = loaded.community.id;
  const [page, pinned] = await Promise.all([
    questionsOf(guilde.db, communityId, tab, cursor, limit),
    tab === "newest" && !cursor ? pinnedOf(guilde.db, viewer, communityId) : [],
  ]);
  // Pinned questions head the first page and are not repeated below them.
  const pinnedIds = new Set(pinned.map((question) => question.id));
  return {
    readable: true,
    mayPost: can(viewer, { action: "community.post", community: loaded.access }),
    page: { ...page, items: page.items.filter((question) => !pinnedIds.has(question.id)) },
    pinned,
  };
}

async function questionsOf(db: Database, communityId: string, tab: QuestionTab, cursor: string | null | undefined, limit: number) {
  const after = decodeCursor(cursor);
  const sortColumn = tab === "top" ? posts.score : posts.createdAt;
  const tabCondition = {
    newest: undefined,
    unanswered: and(eq(posts.answerCount, 0), isNull(posts.closedAt)),
    top: undefined,
    solved: isNotNull(posts.acceptedAnswerId),
  }[tab];
  const rows = await summaryQuery(db)
    .where(
      and(
        eq(posts.communityId, communityId),
        eq(posts.kind, "question"),
        isNull(posts.deletedAt),
        isNull(posts.hiddenAt),
        tabCondition,
        after ? before(sortColumn, after[0], after[1]) : undefined,
      ),
    )
    .orderBy(desc(sortColumn), desc(posts.id))
    .limit(limit + 1);
  return toPage(rows, limit, (row) => [tab === "top" ? row.score : row.createdAt.toISOString(), row.id], toSummary);
}

async function pinnedOf(db: Database, viewer: Viewer, communityId: string): Promise<QuestionSummary[]> {
  const rows = await summaryQuery(db)
    .where(and(eq(posts.communityId, communityId), eq(posts.kind, "question"), isNotNull(posts.pinnedAt), listablePosts(viewer)))
    .orderBy(desc(posts.pinnedAt))
    .limit(5);
  return rows.map(toSummary);
}

/**
 * The home feed: latest activity in the communities the viewer belongs to, and in the questions they
 * follow. For monitors, also the first of the questions routed to them that wait for an answer
 * ("unanswered for me", whose page is server/routing/list-unanswered-for-me.ts). With the
 * ids of the viewer's communities, whose new questions the page announces live.
 */
export async function homeFeed(
  guilde: Guilde,
  { viewer, cursor, limit = 20 }: { viewer: Viewer; cursor?: string | null; limit?: number },
): Promise<Page<QuestionSummary> & { unansweredForMonitor: QuestionSummary[]; communityIds: string[] }> {
  if (!viewer) throw new NotFound();
  const after = decodeCursor(cursor);
  const myCommunities = guilde.db
    .select({ id: communityMembers.communityId })
    .from(communityMembers)
    .where(and(eq(communityMembers.userId, viewer.id), eq(communityMembers.status, "active")));
  const myFollows = guilde.db.select({ id: follows.postId }).from(follows).where(eq(follows.userId, viewer.id));

  const [rows, unanswered, communityIds] = await Promise.all([
    summaryQuery(guilde.db)
      .where(
        and(
          eq(posts.kind, "question"),
          listablePosts(viewer),
          or(inArray(posts.communityId, myCommunities), inArray(posts.id, myFollows)),
          after ? before(posts.lastActivityAt, after[0], after[1]) : undefined,
        ),
      )
      .orderBy(desc(posts.lastActivityAt), desc(posts.id))
      .limit(limit + 1),
    after
      ? []
      : summaryQuery(guilde.db)
          .innerJoin(questionRoutingRecipients, eq(questionRoutingRecipients.questionId, posts.id))
          .where(unansweredFor(viewer))
          .orderBy(desc(questionRoutingRecipients.sentAt), desc(questionRoutingRecipients.questionId))
          .limit(10),
    myCommunities.then((rows) => rows.map((row) => row.id)),
  ]);
  return {
    ...toPage(rows, limit, (row) => [row.lastActivityAt.toISOString(), row.id], toSummary),
    unansweredForMonitor: unanswered.map(toSummary),
    communityIds,
  };
}
