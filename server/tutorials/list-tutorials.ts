import { and, desc, eq, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { communities, posts, tutorials, users } from "../../db/schema";
import { loadCommunity } from "../communities/access";
import type { Guilde } from "../context";
import { NotFound } from "../errors";
import { decodeCursor, toPage, type Page } from "../pagination";
import { can, type Viewer } from "../policy";
import { listablePosts } from "../policy/scopes";

export interface TutorialSummary {
  id: string;
  title: string;
  summary: string;
  tags: string[];
  difficulty: "beginner" | "intermediate" | "advanced";
  minutes: number;
  hasVideo: boolean;
  helpedCount: number;
  publishedAt: Date | null;
  author: { id: string; displayName: string };
  /** Written by one of the community's monitors: their tutorials come highlighted. */
  byMonitor: boolean;
  community: { slug: string; name: string };
}

function summaryQuery(db: Database) {
  return db
    .select({
      id: posts.id,
      title: posts.title,
      summary: tutorials.summary,
      tags: posts.tags,
      difficulty: tutorials.difficulty,
      minutes: tutorials.minutes,
      videoKind: tutorials.videoKind,
      helpedCount: tutorials.helpedCount,
      publishedAt: tutorials.publishedAt,
      createdAt: posts.createdAt,
      authorId: users.id,
      authorName: users.displayName,
      byMonitor: sql<boolean>`exists (select 1 from community_members m where m.community_id = ${posts.communityId} and m.user_id = ${posts.authorId} and m.role = 'monitor' and m.status = 'active')`,
      communitySlug: communities.slug,
      communityName: communities.name,
    })
    .from(posts)
    .innerJoin(tutorials, eq(tutorials.postId, posts.id))
    .innerJoin(users, eq(users.id, posts.authorId))
    .innerJoin(communities, eq(communities.id, posts.communityId));
}

type Row = Awaited<ReturnType<ReturnType<typeof summaryQuery>["execute"]>>[number];

const toSummary = (row: Row): TutorialSummary => ({
  id: row.id,
  title: row.title,
  summary: row.summary,
  tags: row.tags,
  difficulty: row.difficulty,
  minutes: row.minutes,
  hasVideo: row.videoKind !== "none",
  helpedCount: row.helpedCount,
  publishedAt: row.publishedAt,
  author: { id: row.authorId, displayName: row.authorName },
  byMonitor: Boolean(row.byMonitor),
  community: { slug: row.communitySlug, name: row.communityName },
});

/** Published tutorials the viewer may read, newest first (a draft is a hidden post: never listed). */
async function publishedTutorials(guilde: Guilde, viewer: Viewer, where: SQL, cursor: string | null | undefined, limit: number): Promise<Page<TutorialSummary>> {
  const after = decodeCursor(cursor);
  const rows = await summaryQuery(guilde.db)
    .where(
      and(
        eq(posts.kind, "tutorial"),
        where,
        listablePosts(viewer),
        after ? or(lt(posts.createdAt, new Date(String(after[0]))), and(eq(posts.createdAt, new Date(String(after[0]))), lt(posts.id, after[1]))) : undefined,
      ),
    )
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(limit + 1);
  return toPage(rows, limit, (row) => [row.createdAt.toISOString(), row.id], toSummary);
}

/**
 * A community's Tutorials tab: its published tutorials, and the viewer's own drafts there. `readable:
 * false` when the viewer may know of the community but not read it.
 */
export async function communityTutorialsPage(
  guilde: Guilde,
  { viewer, slug, cursor, limit = 20 }: { viewer: Viewer; slug: string; cursor?: string | null; limit?: number },
): Promise<{ readable: false } | { readable: true; mayWrite: boolean; page: Page<TutorialSummary>; drafts: TutorialSummary[] }> {
  const loaded = await loadCommunity(guilde.db, viewer, { slug });
  if (!loaded || !can(viewer, { action: "community.view", community: loaded.access })) throw new NotFound();
  if (!can(viewer, { action: "community.read", community: loaded.access })) return { readable: false };
  const communityId = loaded.community.id;
  const [page, drafts] = await Promise.all([
    publishedTutorials(guilde, viewer, eq(posts.communityId, communityId), cursor, limit),
    viewer
      ? summaryQuery(guilde.db)
          .where(
            and(
              eq(posts.kind, "tutorial"),
              eq(posts.communityId, communityId),
              eq(posts.authorId, viewer.id),
              eq(posts.hiddenReason, "draft"),
              isNull(posts.deletedAt),
            ),
          )
          .orderBy(desc(posts.createdAt))
          .limit(50)
      : [],
  ]);
  return { readable: true, mayWrite: can(viewer, { action: "tutorial.write", community: loaded.access }), page, drafts: drafts.map(toSummary) };
}

/** A person's published tutorials, in the communities the viewer may read (their profile). */
export function tutorialsBy(guilde: Guilde, { viewer, authorId, cursor, limit = 10 }: { viewer: Viewer; authorId: string; cursor?: string | null; limit?: number }) {
  return publishedTutorials(guilde, viewer, eq(posts.authorId, authorId), cursor, limit);
}
