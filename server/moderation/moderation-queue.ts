import { and, asc, countDistinct, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { resultRows } from "../../db/client";
import { flags, posts, replies, sites, users, type FlagReason, type HiddenReason } from "../../db/schema";
import { loadCommunity } from "../communities/access";
import { markdownToPlainText } from "../content/markdown";
import type { Guilde } from "../context";
import { NotFound } from "../errors";
import { decodeCursor, encodeCursor, type Page } from "../pagination";
import { can, type Viewer } from "../policy";
import { isModeratedPostKind, type ContentKind, type ModeratedPostKind } from "./content";

export const queueViews = ["flagged", "held", "hidden"] as const;
export type QueueView = (typeof queueViews)[number];

export interface QueueItem {
  id: string;
  kind: ContentKind;
  /** The item itself when it is a post, or the post the answer or comment belongs to. */
  post: { kind: ModeratedPostKind; id: string; title: string };
  /** The start of its text, as plain text. */
  excerpt: string;
  author: { id: string; displayName: string; role: "admin" | "employee" | "customer"; siteName: string | null } | null;
  createdAt: Date;
  hidden: { at: Date; reason: HiddenReason; note: string | null } | null;
  locked: boolean;
  flags: { id: string; reason: FlagReason; note: string; reporter: { id: string; displayName: string }; createdAt: Date }[];
}

export interface ModerationQueue {
  community: { id: string; slug: string; name: string };
  view: QueueView;
  counts: Record<QueueView, number>;
  page: Page<QueueItem>;
}

/**
 * A community's moderation queue, for its moderators: questions, ideas, tutorials, answers and comments with open flags (latest flag first), items
 * held for approval (oldest first, as they came), and hidden items (to restore). Each with its context.
 */
export async function moderationQueue(
  guilde: Guilde,
  { viewer, slug, view = "flagged", cursor, limit = 20 }: { viewer: Viewer; slug: string; view?: QueueView; cursor?: string | null; limit?: number },
): Promise<ModerationQueue> {
  const loaded = await loadCommunity(guilde.db, viewer, { slug });
  // To anyone but its moderators, the queue does not exist.
  if (!loaded || !can(viewer, { action: "community.moderate", community: loaded.access })) throw new NotFound();
  const communityId = loaded.community.id;
  const after = decodeCursor(cursor);

  const [counts, listed] = await Promise.all([queueCounts(guilde, communityId), listedIds(guilde, communityId, view, after, limit)]);
  const more = listed.length > limit;
  const shown = more ? listed.slice(0, limit) : listed;
  const items = await withContext(guilde, shown.map((entry) => entry.id));
  const last = shown.at(-1);
  return {
    community: { id: communityId, slug: loaded.community.slug, name: loaded.community.name },
    view,
    counts,
    page: { items, nextCursor: more && last ? encodeCursor([last.at.toISOString(), last.id]) : null },
  };
}

/** Content of a community in one of the queue's states, as one list of (id, time) pairs. */
function stateUnion(communityId: string, state: "held" | "hidden") {
  const condition = (table: "p" | "r") =>
    state === "held"
      ? sql.raw(`${table}.hidden_reason = 'awaiting_approval'`)
      : // A tutorial's draft is hidden too, but its author's work, not a moderator's decision.
        sql.raw(`${table}.hidden_at is not null and ${table}.hidden_reason not in ('awaiting_approval', 'draft')`);
  // Truncated to milliseconds, as the keyset cursor carries it (a post's default creation time has microseconds).
  const at = (table: "p" | "r") => sql.raw(`date_trunc('milliseconds', ${table}.${state === "held" ? "created_at" : "hidden_at"})`);
  return sql`(
    select p.id, ${at("p")} as at from ${posts} p
      where p.community_id = ${communityId} and p.kind in ('question', 'idea', 'tutorial') and p.deleted_at is null and ${condition("p")}
    union all
    select r.id, ${at("r")} as at from ${replies} r join ${posts} p on p.id = r.post_id
      where p.community_id = ${communityId} and p.kind in ('question', 'idea', 'tutorial') and r.deleted_at is null and p.deleted_at is null and ${condition("r")}
  )`;
}

async function queueCounts(guilde: Guilde, communityId: string): Promise<Record<QueueView, number>> {
  const [[flagged], held, hidden] = await Promise.all([
    guilde.db
      .select({ count: countDistinct(flags.targetId) })
      .from(flags)
      .where(and(eq(flags.communityId, communityId), eq(flags.status, "open"))),
    guilde.db.execute(sql`select count(*)::int as count from ${stateUnion(communityId, "held")} q`),
    guilde.db.execute(sql`select count(*)::int as count from ${stateUnion(communityId, "hidden")} q`),
  ]);
  const single = (result: unknown) => resultRows<{ count: number }>(result)[0]?.count ?? 0;
  return { flagged: flagged.count, held: single(held), hidden: single(hidden) };
}

async function listedIds(
  guilde: Guilde,
  communityId: string,
  view: QueueView,
  after: [string | number, string] | null,
  limit: number,
): Promise<{ id: string; at: Date }[]> {
  if (view === "flagged") {
    const lastFlagged = sql`max(${flags.createdAt})`.mapWith(flags.createdAt);
    const rows = await guilde.db
      .select({ id: flags.targetId, at: lastFlagged })
      .from(flags)
      .where(and(eq(flags.communityId, communityId), eq(flags.status, "open")))
      .groupBy(flags.targetId)
      .having(after ? sql`(max(${flags.createdAt}), ${flags.targetId}) < (${after[0]}::timestamptz, ${after[1]})` : undefined)
      .orderBy(desc(lastFlagged), desc(flags.targetId))
      .limit(limit + 1);
    return rows;
  }
  // Held items in the order they came (a queue); hidden ones most recent first.
  const ascending = view === "held";
  const step = after ? (ascending ? sql`where (q.at, q.id) > (${after[0]}::timestamptz, ${after[1]})` : sql`where (q.at, q.id) < (${after[0]}::timestamptz, ${after[1]})`) : sql``;
  const order = ascending ? sql`order by q.at asc, q.id asc` : sql`order by q.at desc, q.id desc`;
  const result = await guilde.db.execute(sql`select q.id, q.at from ${stateUnion(communityId, view)} q ${step} ${order} limit ${limit + 1}`);
  return resultRows<{ id: string; at: Date | string }>(result).map((row) => ({ id: row.id, at: new Date(row.at) }));
}

/** The items with what a moderator needs to decide: the text, its author, its post, its open flags. */
async function withContext(guilde: Guilde, ids: string[]): Promise<QueueItem[]> {
  if (ids.length === 0) return [];
  const parents = alias(posts, "parents");
  const [postRows, replyRows, flagRows] = await Promise.all([
    guilde.db.select().from(posts).where(inArray(posts.id, ids)),
    guilde.db
      .select({ reply: replies, parent: { kind: parents.kind, title: parents.title } })
      .from(replies)
      .innerJoin(parents, eq(parents.id, replies.postId))
      .where(inArray(replies.id, ids)),
    guilde.db
      .select({ flag: flags, reporterName: users.displayName })
      .from(flags)
      .innerJoin(users, eq(users.id, flags.reporterId))
      .where(and(inArray(flags.targetId, ids), eq(flags.status, "open")))
      .orderBy(asc(flags.createdAt))
      .limit(500),
  ]);
  const authorIds = [...new Set([...postRows.map((post) => post.authorId), ...replyRows.map((row) => row.reply.authorId)])];
  const authors = authorIds.length
    ? await guilde.db
        .select({ id: users.id, displayName: users.displayName, role: users.role, siteName: sites.name })
        .from(users)
        .leftJoin(sites, eq(sites.id, users.siteId))
        .where(inArray(users.id, authorIds))
    : [];
  const authorOf = new Map(authors.map((author) => [author.id, author]));
  const flagsOf = new Map<string, QueueItem["flags"]>();
  for (const { flag, reporterName } of flagRows) {
    const list = flagsOf.get(flag.targetId) ?? [];
    list.push({ id: flag.id, reason: flag.reason, note: flag.note, reporter: { id: flag.reporterId, displayName: reporterName }, createdAt: flag.createdAt });
    flagsOf.set(flag.targetId, list);
  }
  const hiddenState = (row: { hiddenAt: Date | null; hiddenReason: HiddenReason | null; hiddenNote: string | null }) =>
    row.hiddenAt && row.hiddenReason ? { at: row.hiddenAt, reason: row.hiddenReason, note: row.hiddenNote } : null;

  const byId = new Map<string, QueueItem>();
  for (const post of postRows) {
    if (!isModeratedPostKind(post.kind)) continue;
    byId.set(post.id, {
      id: post.id,
      kind: post.kind,
      post: { kind: post.kind, id: post.id, title: post.title },
      excerpt: markdownToPlainText(post.body, 400),
      author: authorOf.get(post.authorId) ?? null,
      createdAt: post.createdAt,
      hidden: hiddenState(post),
      locked: post.lockedAt !== null,
      flags: flagsOf.get(post.id) ?? [],
    });
  }
  for (const { reply, parent } of replyRows) {
    if (!isModeratedPostKind(parent.kind)) continue;
    byId.set(reply.id, {
      id: reply.id,
      kind: reply.kind,
      post: { kind: parent.kind, id: reply.postId, title: parent.title },
      excerpt: markdownToPlainText(reply.body, 400),
      author: authorOf.get(reply.authorId) ?? null,
      createdAt: reply.createdAt,
      hidden: hiddenState(reply),
      locked: false,
      flags: flagsOf.get(reply.id) ?? [],
    });
  }
  return ids.map((id) => byId.get(id)).filter((item) => item !== undefined);
}
