import { and, count, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { communities, notifications, posts, replies, users, type NotificationKind } from "../../db/schema";
import type { Guilde } from "../context";
import { decodeCursor, toPage, type Page } from "../pagination";
import { ensureCan, type SignedInViewer, type Viewer } from "../policy";
import { readableCommunityIds, viewablePosts, viewerAsParameter } from "../policy/scopes";

export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  actor: { id: string; displayName: string } | null;
  community: { slug: string; name: string } | null;
  postId: string | null;
  replyId: string | null;
  /** A community event it is about (its community's readability is checked like any other's). */
  eventId: string | null;
  /** Whether `replyId` is an answer or a comment, for the link's anchor. */
  replyKind: "answer" | "comment" | null;
  /** What `postId` is (a question, a tutorial…), for the link's page. */
  postKind: "question" | "tutorial" | "idea" | "discussion" | null;
  summary: { title?: string; excerpt?: string; note?: string; decision?: string; reason?: string };
  createdAt: Date;
  read: boolean;
}

/**
 * Notifications are checked again when shown: one about a community the viewer may no longer read
 * (they left it, it went private) or about a post they may no longer see (deleted, or hidden unless it
 * is theirs or they moderate it) is not listed.
 */
function stillVisible(viewer: Viewer) {
  return and(
    or(isNull(notifications.communityId), sql`${notifications.communityId} in ${readableCommunityIds(viewer)}`),
    or(isNull(notifications.postId), sql`exists (select 1 from ${posts} where ${posts.id} = ${notifications.postId} and ${viewablePosts(viewer)})`),
  );
}

export async function listNotifications(
  guilde: Guilde,
  { viewer, cursor, limit = 30 }: { viewer: Viewer; cursor?: string | null; limit?: number },
): Promise<Page<NotificationItem> & { unread: number }> {
  ensureCan(viewer, { action: "app.use" });
  const after = decodeCursor(cursor);
  const [rows, unread] = await Promise.all([
    guilde.db
      .select({
        notification: notifications,
        actorName: users.displayName,
        communitySlug: communities.slug,
        communityName: communities.name,
        replyKind: replies.kind,
        postKind: posts.kind,
      })
      .from(notifications)
      .leftJoin(users, eq(users.id, notifications.actorId))
      .leftJoin(communities, eq(communities.id, notifications.communityId))
      .leftJoin(replies, eq(replies.id, notifications.replyId))
      .leftJoin(posts, eq(posts.id, notifications.postId))
      .where(
        and(
          eq(notifications.userId, viewer.id),
          stillVisible(viewer),
          after ? sql`(${notifications.createdAt}, ${notifications.id}) < (${after[0]}::timestamptz, ${after[1]})` : undefined,
        ),
      )
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit + 1),
    unreadCount(guilde, { viewer }),
  ]);
  return {
    ...toPage(
      rows,
      limit,
      (row) => [row.notification.createdAt.toISOString(), row.notification.id],
      ({ notification, actorName, communitySlug, communityName, replyKind, postKind }) => ({
        id: notification.id,
        kind: notification.kind,
        actor: notification.actorId && actorName ? { id: notification.actorId, displayName: actorName } : null,
        community: communitySlug && communityName ? { slug: communitySlug, name: communityName } : null,
        postId: notification.postId,
        replyId: notification.replyId,
        eventId: notification.eventId,
        replyKind,
        postKind,
        summary: notification.summary,
        createdAt: notification.createdAt,
        read: notification.readAt !== null,
      }),
    ),
    unread,
  };
}

/**
 * The bell's count, on every page. Only the unread rows are read (a partial index holds them), and each
 * one's post is checked by its id. The query is built once per database and role, not per request.
 * Counting stops at `unreadCountCap`: the pages show "99+" beyond 99, and someone who never reads their
 * notifications would otherwise cost a little more on every page they open and every notification they get.
 */
export async function unreadCount(guilde: Guilde, { viewer }: { viewer: Viewer }): Promise<number> {
  if (!viewer) return 0;
  const [row] = await preparedUnreadCount(guilde.db, viewer).execute({ viewerId: viewer.id });
  return row.unread;
}

export const unreadCountCap = 100;

function unreadCountQuery(db: Database, viewer: SignedInViewer) {
  const anyone = viewerAsParameter(viewer);
  const unread = db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.userId, anyone.id), isNull(notifications.readAt), stillVisible(anyone)))
    .limit(unreadCountCap)
    .as("unread");
  return db.select({ unread: count() }).from(unread).prepare("unread_count");
}

const preparedUnreadCounts = new WeakMap<Database, Map<SignedInViewer["role"], ReturnType<typeof unreadCountQuery>>>();
function preparedUnreadCount(db: Database, viewer: SignedInViewer) {
  let byRole = preparedUnreadCounts.get(db);
  if (!byRole) preparedUnreadCounts.set(db, (byRole = new Map()));
  let prepared = byRole.get(viewer.role);
  if (!prepared) byRole.set(viewer.role, (prepared = unreadCountQuery(db, viewer)));
  return prepared;
}

/** Marks some of the viewer's notifications read, or all of them when `ids` is "all". */
export async function markNotificationsRead(guilde: Guilde, { viewer, ids }: { viewer: Viewer; ids: string[] | "all" }): Promise<void> {
  ensureCan(viewer, { action: "app.use" });
  if (ids !== "all" && ids.length === 0) return;
  await guilde.db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.userId, viewer.id),
        isNull(notifications.readAt),
        ids === "all" ? undefined : inArray(notifications.id, ids.slice(0, 200)),
      ),
    );
}
