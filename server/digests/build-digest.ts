import { aliasedTable, and, desc, eq, gt, isNotNull, isNull, lte, ne, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { communities, communityMembers, follows, ideaStatusChanges, posts, replies, tutorials, type IdeaStatus } from "../../db/schema";
import type { Database } from "../../db/client";
import type { SignedInViewer } from "../policy";
import { listablePosts, listableReplies, viewablePosts } from "../policy/scopes";

/** Each segment shows this many items at most, newest first. */
export const itemsPerSegment = 5;

export interface DigestPost {
  id: string;
  title: string;
  communityName: string;
}

export interface Digest {
  /** Unanswered questions of their communities, on their monitor topics where they declared some. */
  unanswered: DigestPost[];
  /** Questions of their communities that got an accepted answer. */
  accepted: DigestPost[];
  tutorials: DigestPost[];
  ideas: (DigestPost & { status: IdeaStatus })[];
  /** Their own questions that got answers from others. */
  ownQuestions: (DigestPost & { newAnswers: number })[];
}

export const digestItemCount = (digest: Digest) => Object.values(digest).reduce((count, items: unknown[]) => count + items.length, 0);

/**
 * What happened between `since` and `until` that the reader follows, each item through the policy's
 * scopes for this reader: a customer never gets internal content, a private community's only its
 * members, hidden or deleted content nobody.
 */
export async function buildDigest(db: Database, { viewer, since, until }: { viewer: SignedInViewer; since: Date; until: Date }): Promise<Digest> {
  const inWindow = (column: AnyPgColumn) => and(gt(column, since), lte(column, until));
  const memberOf = sql`${posts.communityId} in (select ${communityMembers.communityId} from ${communityMembers} where ${communityMembers.userId} = ${viewer.id} and ${communityMembers.status} = 'active')`;
  const fields = { id: posts.id, title: posts.title, communityName: communities.name };
  const accepted = aliasedTable(replies, "accepted_answer");

  const [unanswered, solved, published, ideas, ownQuestions] = await Promise.all([
    db
      .select(fields)
      .from(posts)
      .innerJoin(communities, eq(communities.id, posts.communityId))
      .where(
        and(
          eq(posts.kind, "question"),
          eq(posts.answerCount, 0),
          isNull(posts.closedAt),
          ne(posts.authorId, viewer.id),
          inWindow(posts.createdAt),
          listablePosts(viewer),
          sql`exists (select 1 from ${communityMembers} where ${communityMembers.communityId} = ${posts.communityId} and ${communityMembers.userId} = ${viewer.id} and ${communityMembers.status} = 'active' and (cardinality(${communityMembers.monitorTopics}) = 0 or ${posts.tags} && ${communityMembers.monitorTopics}))`,
        ),
      )
      .orderBy(desc(posts.createdAt))
      .limit(itemsPerSegment),
    db
      .select(fields)
      .from(posts)
      .innerJoin(communities, eq(communities.id, posts.communityId))
      .innerJoin(accepted, eq(accepted.id, posts.acceptedAnswerId))
      .where(
        and(
          eq(posts.kind, "question"),
          isNotNull(posts.acceptedAnswerId),
          inWindow(posts.lastActivityAt),
          memberOf,
          listablePosts(viewer),
          isNull(accepted.deletedAt),
          isNull(accepted.hiddenAt),
        ),
      )
      .orderBy(desc(posts.lastActivityAt))
      .limit(itemsPerSegment),
    db
      .select(fields)
      .from(posts)
      .innerJoin(communities, eq(communities.id, posts.communityId))
      .innerJoin(tutorials, eq(tutorials.postId, posts.id))
      .where(and(eq(posts.kind, "tutorial"), ne(posts.authorId, viewer.id), inWindow(tutorials.publishedAt), memberOf, listablePosts(viewer)))
      .orderBy(desc(tutorials.publishedAt))
      .limit(itemsPerSegment),
    db
      .select({ ...fields, status: ideaStatusChanges.toStatus })
      .from(ideaStatusChanges)
      .innerJoin(posts, eq(posts.id, ideaStatusChanges.ideaId))
      .innerJoin(communities, eq(communities.id, posts.communityId))
      .where(
        and(
          isNotNull(ideaStatusChanges.fromStatus),
          isNull(ideaStatusChanges.mergedIdeaId),
          inWindow(ideaStatusChanges.createdAt),
          sql`(${memberOf} or exists (select 1 from ${follows} where ${follows.postId} = ${posts.id} and ${follows.userId} = ${viewer.id}))`,
          listablePosts(viewer),
        ),
      )
      .orderBy(desc(ideaStatusChanges.createdAt))
      // An idea that moved twice shows once, at its latest status.
      .limit(itemsPerSegment * 2),
    db
      .select({ ...fields, newAnswers: sql<number>`count(*)::int` })
      .from(replies)
      .innerJoin(posts, eq(posts.id, replies.postId))
      .innerJoin(communities, eq(communities.id, posts.communityId))
      .where(
        and(
          eq(posts.authorId, viewer.id),
          eq(posts.kind, "question"),
          viewablePosts(viewer),
          eq(replies.kind, "answer"),
          ne(replies.authorId, viewer.id),
          inWindow(replies.createdAt),
          listableReplies(),
        ),
      )
      .groupBy(posts.id, communities.name)
      .orderBy(desc(sql`max(${replies.createdAt})`))
      .limit(itemsPerSegment),
  ]);
  return {
    unanswered,
    accepted: solved,
    tutorials: published,
    ideas: ideas.filter((idea, index) => ideas.findIndex((other) => other.id === idea.id) === index).slice(0, itemsPerSegment),
    ownQuestions,
  };
}
