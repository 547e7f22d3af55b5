import { and, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { communities, ideas, posts, sites, users, type IdeaStatus } from "../../db/schema";
import { loadCommunity } from "../communities/access";
import type { Guilde } from "../context";
import { NotFound } from "../errors";
import { decodeCursor, toPage, type Page } from "../pagination";
import { can, type Viewer } from "../policy";
import { listablePosts } from "../policy/scopes";
import { ideaStatuses } from "./schemas";

export const ideaTabs = ["trending", "top", "newest"] as const;
export type IdeaTab = (typeof ideaTabs)[number];

/** Trending counts the votes of the last week. */
const trendingDays = 7;

export interface IdeaSummary {
  id: string;
  title: string;
  tags: string[];
  status: IdeaStatus;
  voteCount: number;
  recentVotes: number;
  commentCount: number;
  createdAt: Date;
  author: { id: string; displayName: string; role: "admin" | "employee" | "customer" };
  site: { name: string; city: string } | null;
  community: { slug: string; name: string; color: string };
}

export interface IdeaListQuery {
  viewer: Viewer;
  tab?: IdeaTab;
  status?: IdeaStatus | null;
  cursor?: string | null;
  limit?: number;
}

export function parseIdeaTab(value: string | null | undefined): IdeaTab {
  return ideaTabs.find((tab) => tab === value) ?? "trending";
}

export function parseIdeaStatus(value: string | null | undefined): IdeaStatus | null {
  return ideaStatuses.find((status) => status === value) ?? null;
}

/** Ideas across every community the viewer may read: the Ideas page. */
export async function listAllIdeas(guilde: Guilde, query: IdeaListQuery): Promise<Page<IdeaSummary>> {
  if (!query.viewer) throw new NotFound();
  return ideasWhere(guilde.db, query, undefined);
}

/**
 * A community's Ideas tab, found by its address. `readable: false` when the viewer may know of the
 * community but not read it (a private one they have not joined).
 */
export async function communityIdeasPage(
  guilde: Guilde,
  { slug, ...query }: IdeaListQuery & { slug: string },
): Promise<{ readable: false } | { readable: true; mayPropose: boolean; page: Page<IdeaSummary> }> {
  const loaded = await loadCommunity(guilde.db, query.viewer, { slug });
  if (!loaded || !can(query.viewer, { action: "community.view", community: loaded.access })) throw new NotFound();
  if (!can(query.viewer, { action: "community.read", community: loaded.access })) return { readable: false };
  return {
    readable: true,
    mayPropose: can(query.viewer, { action: "idea.propose", community: loaded.access }),
    page: await ideasWhere(guilde.db, query, eq(posts.communityId, loaded.community.id)),
  };
}

async function ideasWhere(db: Database, { viewer, tab = "trending", status, cursor, limit = 20 }: IdeaListQuery, where: SQL | undefined) {
  const after = decodeCursor(cursor);
  const recentVotes = sql<number>`(select count(*)::int from idea_votes v where v.idea_id = ${posts.id} and v.created_at > now() - make_interval(days => ${trendingDays}))`;
  const sortKey = { trending: recentVotes, top: sql<number>`${ideas.voteCount}`, newest: sql`${posts.createdAt}` }[tab];
  const keyset = after
    ? tab === "newest"
      ? sql`(${posts.createdAt}, ${posts.id}) < (${after[0]}::timestamptz, ${after[1]})`
      : sql`(${sortKey}, ${posts.id}) < (${after[0]}::int, ${after[1]})`
    : undefined;
  const rows = await db
    .select({
      id: posts.id,
      title: posts.title,
      tags: posts.tags,
      status: ideas.status,
      voteCount: ideas.voteCount,
      recentVotes,
      commentCount: sql<number>`(select count(*)::int from replies r where r.post_id = ${posts.id} and r.kind = 'comment' and r.deleted_at is null and r.hidden_at is null)`,
      createdAt: posts.createdAt,
      authorId: users.id,
      authorName: users.displayName,
      authorRole: users.role,
      siteName: sites.name,
      siteCity: sites.city,
      communitySlug: communities.slug,
      communityName: communities.name,
      communityColor: communities.color,
    })
    .from(ideas)
    .innerJoin(posts, eq(posts.id, ideas.postId))
    .innerJoin(communities, eq(communities.id, posts.communityId))
    .innerJoin(users, eq(users.id, posts.authorId))
    .leftJoin(sites, eq(sites.id, posts.originSiteId))
    .where(and(eq(posts.kind, "idea"), listablePosts(viewer), isNull(ideas.mergedIntoId), status ? eq(ideas.status, status) : undefined, where, keyset))
    .orderBy(desc(sortKey), desc(posts.id))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (row) => [tab === "newest" ? row.createdAt.toISOString() : tab === "top" ? row.voteCount : row.recentVotes, row.id],
    (row): IdeaSummary => ({
      id: row.id,
      title: row.title,
      tags: row.tags,
      status: row.status,
      voteCount: row.voteCount,
      recentVotes: row.recentVotes,
      commentCount: row.commentCount,
      createdAt: row.createdAt,
      author: { id: row.authorId, displayName: row.authorName, role: row.authorRole },
      site: row.siteName ? { name: row.siteName, city: row.siteCity ?? "" } : null,
      community: { slug: row.communitySlug, name: row.communityName, color: row.communityColor },
    }),
  );
}
