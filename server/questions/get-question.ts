import { and, asc, desc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { alias, unionAll } from "drizzle-orm/pg-core";
import { communities, communityMembers, flags, follows, kudos, posts, replies, sites, users, votes, type HiddenReason } from "../../db/schema";
import type { Guilde } from "../context";
import { NotFound } from "../errors";
import { can, type SignedInViewer, type Viewer } from "../policy";
import { listablePosts } from "../policy/scopes";
import { loadPost, replyAccess } from "./access";

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
  /** Waiting for a moderator's approval. */
  held: boolean;
  /** Why it is hidden: for its author and the moderators, who are the only ones to see it. */
  hiddenReason: HiddenReason | null;
  hiddenNote: string | null;
  /** Whether the viewer has an open flag on it. */
  flaggedByMe: boolean;
  /** Open flags on it, for moderators (0 for anyone else). */
  openFlags: number;
  author: Person;
  /** An answer from another site than the asker's: the cross-site help Guilde is for. */
  crossSite: boolean;
  myVote: number;
  may: { edit: boolean; delete: boolean; vote: boolean; comment: boolean; flag: boolean; moderate: boolean; approve: boolean; thank: boolean };
}

export interface ThreadAnswer extends ThreadReply {
  accepted: boolean;
  /** The viewer has already thanked its author for it. */
  thankedByMe: boolean;
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
    hiddenReason: replies.hiddenReason,
    hiddenNote: replies.hiddenNote,
    authorName: users.displayName,
    authorRole: users.role,
    siteId: replySites.id,
    siteName: replySites.name,
  };

  const threadReplies = (kind: "answer" | "comment") =>
    guilde.db
      .select(replyColumns)
      .from(replies)
      .innerJoin(users, eq(users.id, replies.authorId))
      .leftJoin(replySites, eq(replySites.id, replies.originSiteId))
      .where(and(eq(replies.postId, questionId), eq(replies.kind, kind), visibleReplies));

  // Few statements, each bounded: every query a page runs costs a round trip on both sides.
  const [[asker], replyRows, viewerState, duplicates, original, moveDestinations] = await Promise.all([
    guilde.db
      .select({ id: users.id, displayName: users.displayName, role: users.role, siteId: sites.id, siteName: sites.name })
      .from(users)
      .leftJoin(sites, eq(sites.id, post.originSiteId ?? ""))
      .where(eq(users.id, post.authorId)),
    // Answers and comments in one statement, each part with its own order and bound.
    unionAll(
      threadReplies("answer")
        .orderBy(sql`${replies.id} = ${post.acceptedAnswerId ?? ""} desc`, desc(replies.score), asc(replies.createdAt), asc(replies.id))
        .limit(maxAnswers),
      threadReplies("comment").orderBy(asc(replies.createdAt), asc(replies.id)).limit(maxComments),
    ),
    viewer ? viewerStateOf(guilde, { viewer, questionId, moderator }) : { votes: [], following: false, flags: [], thanked: [] },
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
    moderator && viewer ? communitiesToMoveTo(guilde, viewer, community.id) : [],
  ]);

  const { votes: myVotes, following, flags: flagRows, thanked } = viewerState;
  const thankedByMe = new Set(thanked);
  // A union keeps no order of its own: each part's is restored here (answers first, then comments).
  const answerRows = sortedLike(replyRows.filter((row) => row.kind === "answer"), (row) => [row.id !== post.acceptedAnswerId, -row.score, row.createdAt.getTime(), row.id]);
  const commentRows = sortedLike(replyRows.filter((row) => row.kind === "comment"), (row) => [row.createdAt.getTime(), row.id]);
  const voteOf = new Map(myVotes.map((row) => [row.targetId, row.value]));
  const flaggedByMe = new Set(flagRows.filter((row) => row.reporterId === viewer?.id).map((row) => row.targetId));
  const openFlags = (targetId: string) => (moderator ? flagRows.filter((row) => row.targetId === targetId).length : 0);
  const toReply = (row: (typeof replyRows)[number]): ThreadReply => {
    const rowAccess = replyAccess(row, access);
    const seesWhy = moderator || row.authorId === viewer?.id;
    return {
      id: row.id,
      body: row.body,
      bodyHtml: row.bodyHtml,
      score: row.score,
      createdAt: row.createdAt,
      editedAt: row.editedAt,
      deleted: row.deletedAt !== null,
      hidden: row.hiddenAt !== null,
      held: rowAccess.held,
      hiddenReason: seesWhy ? row.hiddenReason : null,
      hiddenNote: seesWhy ? row.hiddenNote : null,
      flaggedByMe: flaggedByMe.has(row.id),
      openFlags: openFlags(row.id),
      author: { id: row.authorId, displayName: row.authorName, role: row.authorRole, siteId: row.siteId, siteName: row.siteName },
      crossSite: row.siteId !== null && post.originSiteId !== null && row.siteId !== post.originSiteId,
      myVote: voteOf.get(row.id) ?? 0,
      may: {
        edit: can(viewer, { action: "reply.edit", reply: rowAccess }),
        delete: can(viewer, { action: "reply.delete", reply: rowAccess }),
        vote: row.kind === "answer" && can(viewer, { action: "reply.vote", reply: rowAccess }),
        comment: row.kind === "answer" && can(viewer, { action: "reply.comment", reply: rowAccess }),
        flag: can(viewer, { action: "reply.flag", reply: rowAccess }),
        moderate: can(viewer, { action: "reply.moderate", reply: rowAccess }),
        approve: can(viewer, { action: "reply.approve", reply: rowAccess }),
        thank: row.kind === "answer" && can(viewer, { action: "kudos.give", receiverId: row.authorId, target: { kind: "answer", reply: rowAccess } }),
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
    thankedByMe: thankedByMe.has(row.id),
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
      held: access.held,
      locked: access.locked,
      hiddenReason: moderator || post.authorId === viewer?.id ? post.hiddenReason : null,
      hiddenNote: moderator || post.authorId === viewer?.id ? post.hiddenNote : null,
      flaggedByMe: flaggedByMe.has(post.id),
      openFlags: openFlags(post.id),
      solved: post.acceptedAnswerId !== null,
      author: asker ? { ...asker, siteId: post.originSiteId, siteName: asker.siteName } : null,
      myVote: voteOf.get(post.id) ?? 0,
      following,
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
      flag: can(viewer, { action: "post.flag", post: access }),
      approve: can(viewer, { action: "post.approve", post: access }),
    },
    /** For moderators: the other communities they also moderate, where the question may be moved. */
    moveDestinations,
  };
}

/**
 * What the viewer did on the thread, in one statement: their votes on the question and its replies
 * (each a primary-key lookup), whether they follow it, their open flags (everyone's for moderators), and
 * the answers they thanked (kudos_giver_target_idx lookups).
 */
async function viewerStateOf(guilde: Guilde, { viewer, questionId, moderator }: { viewer: SignedInViewer; questionId: string; moderator: boolean }) {
  const targets = sql`(select ${replies.id} from ${replies} where ${replies.postId} = ${questionId} union all select ${questionId})`;
  const [row] = await guilde.db
    .select({
      votes: sql<{ targetId: string; value: number }[]>`coalesce((select json_agg(json_build_object('targetId', ${votes.targetId}, 'value', ${votes.value}))
        from ${votes} where ${votes.userId} = ${viewer.id} and ${votes.targetId} in ${targets}), '[]')`,
      following: sql<boolean>`exists (select 1 from ${follows} where ${follows.userId} = ${viewer.id} and ${follows.postId} = ${questionId})`,
      flags: sql<{ targetId: string; reporterId: string }[]>`coalesce((select json_agg(json_build_object('targetId', open_flags.target_id, 'reporterId', open_flags.reporter_id))
        from (select ${flags.targetId}, ${flags.reporterId} from ${flags}
          where ${flags.postId} = ${questionId} and ${flags.status} = 'open' ${moderator ? sql`` : sql`and ${flags.reporterId} = ${viewer.id}`}
          limit 1000) as open_flags), '[]')`,
      thanked: sql<string[]>`coalesce((select json_agg(${kudos.targetId}) from ${kudos} where ${kudos.giverId} = ${viewer.id} and ${kudos.targetId} in ${targets}), '[]')`,
    })
    .from(sql`(select 1) as one`);
  return row;
}

/** Sorts by a key of several parts, compared in turn: the order an SQL `order by` gave. */
function sortedLike<Row>(rows: Row[], key: (row: Row) => (string | number | boolean)[]): Row[] {
  const keyed = rows.map((row) => ({ row, key: key(row) }));
  keyed.sort((a, b) => {
    for (let index = 0; index < a.key.length; index++) {
      if (a.key[index] < b.key[index]) return -1;
      if (a.key[index] > b.key[index]) return 1;
    }
    return 0;
  });
  return keyed.map(({ row }) => row);
}

/** The communities, other than this one, that the viewer moderates (every one for an administrator). */
async function communitiesToMoveTo(guilde: Guilde, viewer: SignedInViewer, currentId: string) {
  const moderated =
    viewer.role === "admin"
      ? undefined
      : inArray(
          communities.id,
          guilde.db
            .select({ id: communityMembers.communityId })
            .from(communityMembers)
            .where(and(eq(communityMembers.userId, viewer.id), eq(communityMembers.role, "moderator"), eq(communityMembers.status, "active"))),
        );
  return guilde.db
    .select({ id: communities.id, name: communities.name })
    .from(communities)
    .where(and(ne(communities.id, currentId), isNull(communities.archivedAt), moderated))
    .orderBy(asc(communities.name))
    .limit(200);
}

export type QuestionThread = Awaited<ReturnType<typeof getQuestion>>;
