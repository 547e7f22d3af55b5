import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { follows, posts, replies, sites, users, votes } from "../../db/schema";
import type { Guilde } from "../context";
import { NotFound } from "../errors";
import { can, type Viewer } from "../policy";
import { listablePosts } from "../policy/scopes";
import { loadPost } from "./access";

/** A thread is bounded: past these, the oldest and lowest-scored are not shown. */
const maxAnswers = 200;
const maxComments = 1000;

export interface Person {
  id: string;
  displayName: string;
  role: "admin" | "employee" | "customer";
  siteId: string | null;
  siteName: string | null;
}

export interface ThreadReply {
  id: string;
  body: string;
  bodyHtml: string;
  score: number;
  createdAt: Date;
  editedAt: Date | null;
  deleted: boolean;
  hidden: boolean;
  author: Person;
  /** An answer from another site than the asker's: the cross-site help Guilde is for. */
  crossSite: boolean;
  myVote: number;
  may: { edit: boolean; delete: boolean; vote: boolean; comment: boolean };
}

export interface ThreadAnswer extends ThreadReply {
  accepted: boolean;
  comments: ThreadReply[];
}

/** Everything a question page shows, in a fixed number of queries whatever the thread's size. */
export async function getQuestion(guilde: Guilde, { viewer, questionId }: { viewer: Viewer; questionId: string }) {
  const loaded = await loadPost(guilde.db, viewer, questionId);
  if (!loaded || loaded.post.kind !== "question" || !can(viewer, { action: "post.view", post: loaded.access })) throw new NotFound();
  const { post, community, access } = loaded;
  const moderator = can(viewer, { action: "post.moderate", post: access });

  const replySites = alias(sites, "reply_sites");
  // Moderators see deleted and hidden replies (marked); authors see their own hidden ones.
  const visibleReplies = moderator
    ? undefined
    : and(isNull(replies.deletedAt), or(isNull(replies.hiddenAt), eq(replies.authorId, viewer?.id ?? "")));
  const replyColumns = {
    id: replies.id,
    kind: replies.kind,
    parentReplyId: replies.parentReplyId,
    authorId: replies.authorId,
    body: replies.body,
    bodyHtml: replies.bodyHtml,
    score: replies.score,
    createdAt: replies.createdAt,
    editedAt: replies.editedAt,
    deletedAt: replies.deletedAt,
    hiddenAt: replies.hiddenAt,
    authorName: users.displayName,
    authorRole: users.role,
    siteId: replySites.id,
    siteName: replySites.name,
  };

  const [[asker], answerRows, commentRows, myVotes, following, duplicates, original] = await Promise.all([
    guilde.db
      .select({ id: users.id, displayName: users.displayName, role: users.role, siteId: sites.id, siteName: sites.name })
      .from(users)
      .leftJoin(sites, eq(sites.id, post.originSiteId ?? ""))
      .where(eq(users.id, post.authorId)),
    guilde.db
      .select(replyColumns)
      .from(replies)
      .innerJoin(users, eq(users.id, replies.authorId))
      .leftJoin(replySites, eq(replySites.id, replies.originSiteId))
      .where(and(eq(replies.postId, questionId), eq(replies.kind, "answer"), visibleReplies))
      .orderBy(sql`${replies.id} = ${post.acceptedAnswerId ?? ""} desc`, desc(replies.score), asc(replies.createdAt), asc(replies.id))
      .limit(maxAnswers),
    guilde.db
      .select(replyColumns)
      .from(replies)
      .innerJoin(users, eq(users.id, replies.authorId))
      .leftJoin(replySites, eq(replySites.id, replies.originSiteId))
      .where(and(eq(replies.postId, questionId), eq(replies.kind, "comment"), visibleReplies))
      .orderBy(asc(replies.createdAt), asc(replies.id))
      .limit(maxComments),
    viewer
      ? guilde.db
          .select({ targetId: votes.targetId, value: votes.value })
          .from(votes)
          .where(
            and(
              eq(votes.userId, viewer.id),
              or(eq(votes.targetId, questionId), inArray(votes.targetId, guilde.db.select({ id: replies.id }).from(replies).where(eq(replies.postId, questionId)))),
            ),
          )
      : [],
    viewer ? guilde.db.select({ postId: follows.postId }).from(follows).where(and(eq(follows.userId, viewer.id), eq(follows.postId, questionId))) : [],
    guilde.db
      .select({ id: posts.id, title: posts.title })
      .from(posts)
      .where(and(eq(posts.duplicateOfId, questionId), listablePosts(viewer)))
      .orderBy(desc(posts.createdAt))
      .limit(20),
    post.duplicateOfId
      ? guilde.db
          .select({ id: posts.id, title: posts.title })
          .from(posts)
          .where(and(eq(posts.id, post.duplicateOfId), listablePosts(viewer)))
      : [],
  ]);

  const voteOf = new Map(myVotes.map((row) => [row.targetId, row.value]));
  const toReply = (row: (typeof answerRows)[number]): ThreadReply => {
    const replyAccess = { authorId: row.authorId, post: access, deleted: row.deletedAt !== null, hidden: row.hiddenAt !== null };
    return {
      id: row.id,
      body: row.body,
      bodyHtml: row.bodyHtml,
      score: row.score,
      createdAt: row.createdAt,
      editedAt: row.editedAt,
      deleted: row.deletedAt !== null,
      hidden: row.hiddenAt !== null,
      author: { id: row.authorId, displayName: row.authorName, role: row.authorRole, siteId: row.siteId, siteName: row.siteName },
      crossSite: row.siteId !== null && post.originSiteId !== null && row.siteId !== post.originSiteId,
      myVote: voteOf.get(row.id) ?? 0,
      may: {
        edit: can(viewer, { action: "reply.edit", reply: replyAccess }),
        delete: can(viewer, { action: "reply.delete", reply: replyAccess }),
        vote: row.kind === "answer" && can(viewer, { action: "reply.vote", reply: replyAccess }),
        comment: row.kind === "answer" && can(viewer, { action: "reply.comment", reply: replyAccess }),
      },
    };
  };
  const commentsOf = new Map<string | null, ThreadReply[]>();
  for (const row of commentRows) {
    const list = commentsOf.get(row.parentReplyId) ?? [];
    list.push(toReply(row));
    commentsOf.set(row.parentReplyId, list);
  }
  const answers: ThreadAnswer[] = answerRows.map((row) => ({
    ...toReply(row),
    accepted: row.id === post.acceptedAnswerId,
    comments: commentsOf.get(row.id) ?? [],
  }));

  return {
    question: {
      id: post.id,
      title: post.title,
      body: post.body,
      bodyHtml: post.bodyHtml,
      tags: post.tags,
      score: post.score,
      answerCount: post.answerCount,
      createdAt: post.createdAt,
      editedAt: post.editedAt,
      closedAt: post.closedAt,
      closeReason: post.closeReason,
      pinned: post.pinnedAt !== null,
      deleted: post.deletedAt !== null,
      hidden: post.hiddenAt !== null,
      solved: post.acceptedAnswerId !== null,
      author: asker ? { ...asker, siteId: post.originSiteId, siteName: asker.siteName } : null,
      myVote: voteOf.get(post.id) ?? 0,
      following: following.length > 0,
      comments: commentsOf.get(null) ?? [],
    },
    community: { id: community.id, slug: community.slug, name: community.name, color: community.color, archived: community.archivedAt !== null },
    answers,
    duplicateOf: original[0] ?? null,
    duplicates,
    may: {
      answer: can(viewer, { action: "post.answer", post: access }),
      comment: can(viewer, { action: "post.comment", post: access }),
      vote: can(viewer, { action: "post.vote", post: access }),
      edit: can(viewer, { action: "post.edit", post: access }),
      delete: can(viewer, { action: "post.delete", post: access }),
      accept: can(viewer, { action: "question.accept", post: access }),
      moderate: moderator,
      follow: can(viewer, { action: "post.follow", post: access }),
    },
  };
}

export type QuestionThread = Awaited<ReturnType<typeof getQuestion>>;
