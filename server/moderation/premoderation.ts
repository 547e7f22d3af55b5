import { and, eq, isNull, sql } from "drizzle-orm";
import type { Transaction } from "../../db/client";
import { posts, replies, type Community } from "../../db/schema";
import { moderatorIds } from "../communities/access";
import type { Emit } from "../events";
import { notify } from "../notifications/notify";
import { can, type CommunityAccess, type SignedInViewer } from "../policy";

/**
 * Whether what this person posts in this community waits for a moderator's approval. Moderators' posts
 * never do. "Customers' first post" holds a customer's posts until one of them is published there: a
 * visible question, answer or comment of theirs in the community.
 */
export async function mustHold(
  tx: Transaction,
  { viewer, community, access }: { viewer: SignedInViewer; community: Community; access: CommunityAccess },
): Promise<boolean> {
  if (can(viewer, { action: "community.moderate", community: access })) return false;
  switch (community.premoderation) {
    case "off":
      return false;
    case "everyone":
      return true;
    case "customers":
      return viewer.role === "customer";
    case "customers_first_post":
      return viewer.role === "customer" && !(await hasPublished(tx, viewer.id, community.id));
  }
}

async function hasPublished(tx: Transaction, userId: string, communityId: string): Promise<boolean> {
  const [row] = await tx
    .select({
      published: sql<boolean>`exists (${tx
        .select({ one: sql`1` })
        .from(posts)
        .where(and(eq(posts.authorId, userId), eq(posts.communityId, communityId), isNull(posts.hiddenAt), isNull(posts.deletedAt)))})
        or exists (${tx
          .select({ one: sql`1` })
          .from(replies)
          .innerJoin(posts, eq(posts.id, replies.postId))
          .where(and(eq(replies.authorId, userId), eq(posts.communityId, communityId), isNull(replies.hiddenAt), isNull(replies.deletedAt)))})`,
    })
    .from(sql`(select 1) as one`);
  return row.published;
}

/** Tells the community's moderators that something waits for their approval. */
export async function notifyModeratorsOfHeldContent(
  tx: Transaction,
  { community, postId, replyId, actorId, title, excerpt, emit }: {
    community: Community;
    postId: string;
    replyId?: string | null;
    actorId: string;
    title: string;
    excerpt: string;
    emit: Emit;
  },
): Promise<void> {
  await notify(tx, {
    emit,
    recipientIds: await moderatorIds(tx, community.id),
    community,
    draft: { kind: "awaiting_approval", actorId, postId, replyId: replyId ?? null, summary: { title, excerpt } },
    allowed: (recipient, access) => can(recipient, { action: "community.moderate", community: access }),
  });
}
