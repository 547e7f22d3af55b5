import { and, asc, eq, isNull, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { flags, follows, ideaAdoptions, ideaStatusChanges, ideaVotes, posts, replies, sites, users } from "../../db/schema";
import type { Guilde } from "../context";
import { can, type Viewer } from "../policy";
import { replyAccess } from "../questions/access";
import { viewableIdea } from "./access";

/** A thread is bounded: past this, the latest comments are not shown. */
const maxComments = 1000;

/**
 * Everything an idea's page shows, in a fixed number of queries. A merged idea answers with the idea
 * it was merged into, which its page redirects to.
 */
export async function getIdea(guilde: Guilde, { viewer, ideaId }: { viewer: Viewer; ideaId: string }) {
  const { post, idea, community, access } = await viewableIdea(guilde.db, viewer, ideaId);
  if (idea.mergedIntoId) return { mergedInto: idea.mergedIntoId } as const;
  const moderator = can(viewer, { action: "post.moderate", post: access });
  const commentSites = alias(sites, "comment_sites");
  const mergedPosts = alias(posts, "merged_posts");
  const viewerId = viewer?.id ?? "";

  const [[author], comments, timeline, adoptions, myVote, following, myFlags] = await Promise.all([
    guilde.db
      .select({ id: users.id, displayName: users.displayName, role: users.role, siteName: sites.name })
      .from(users)
      .leftJoin(sites, eq(sites.id, post.originSiteId ?? ""))
      .where(eq(users.id, post.authorId)),
    guilde.db
      .select({
        id: replies.id,
        bodyHtml: replies.bodyHtml,
        createdAt: replies.createdAt,
        hiddenAt: replies.hiddenAt,
        hiddenReason: replies.hiddenReason,
        deletedAt: replies.deletedAt,
        authorId: users.id,
        authorName: users.displayName,
        authorRole: users.role,
        siteId: commentSites.id,
        siteName: commentSites.name,
      })
      .from(replies)
      .innerJoin(users, eq(users.id, replies.authorId))
      .leftJoin(commentSites, eq(commentSites.id, replies.originSiteId))
      .where(
        and(
          eq(replies.postId, ideaId),
          eq(replies.kind, "comment"),
          isNull(replies.deletedAt),
          moderator ? undefined : or(isNull(replies.hiddenAt), eq(replies.authorId, viewerId)),
        ),
      )
      .orderBy(asc(replies.createdAt), asc(replies.id))
      .limit(maxComments),
    guilde.db
      .select({
        id: ideaStatusChanges.id,
        fromStatus: ideaStatusChanges.fromStatus,
        toStatus: ideaStatusChanges.toStatus,
        note: ideaStatusChanges.note,
        createdAt: ideaStatusChanges.createdAt,
        actorName: users.displayName,
        mergedIdeaId: ideaStatusChanges.mergedIdeaId,
        mergedTitle: mergedPosts.title,
      })
      .from(ideaStatusChanges)
      .leftJoin(users, eq(users.id, ideaStatusChanges.actorId))
      .leftJoin(mergedPosts, and(eq(mergedPosts.id, ideaStatusChanges.mergedIdeaId), isNull(mergedPosts.deletedAt)))
      .where(eq(ideaStatusChanges.ideaId, ideaId))
      .orderBy(asc(ideaStatusChanges.createdAt), asc(ideaStatusChanges.id))
      .limit(500),
    guilde.db
      .select({ siteId: sites.id, siteName: sites.name, city: sites.city, createdAt: ideaAdoptions.createdAt })
      .from(ideaAdoptions)
      .innerJoin(sites, eq(sites.id, ideaAdoptions.siteId))
      .where(eq(ideaAdoptions.ideaId, ideaId))
      .orderBy(asc(ideaAdoptions.createdAt))
      .limit(1000),
    viewer ? guilde.db.select({ userId: ideaVotes.userId }).from(ideaVotes).where(and(eq(ideaVotes.ideaId, ideaId), eq(ideaVotes.userId, viewer.id))) : [],
    viewer ? guilde.db.select({ postId: follows.postId }).from(follows).where(and(eq(follows.postId, ideaId), eq(follows.userId, viewer.id))) : [],
    // What the viewer flagged here and is still open (the idea or its comments): their open flags, by the one-open-flag index.
    viewer
      ? guilde.db
          .select({ targetId: flags.targetId })
          .from(flags)
          .where(and(eq(flags.postId, ideaId), eq(flags.reporterId, viewer.id), eq(flags.status, "open")))
          .limit(maxComments + 1)
      : [],
  ]);
  const flaggedByMe = new Set(myFlags.map((row) => row.targetId));

  const adoptedByMySite = viewer?.siteId ? adoptions.some((adoption) => adoption.siteId === viewer.siteId) : false;
  return {
    idea: {
      id: post.id,
      title: post.title,
      problemHtml: post.bodyHtml,
      proposalHtml: idea.proposalHtml,
      benefitHtml: idea.benefitHtml,
      tags: post.tags,
      status: idea.status,
      voteCount: idea.voteCount,
      createdAt: post.createdAt,
      hidden: post.hiddenAt !== null,
      moderation: post.hiddenAt && post.hiddenReason ? { reason: post.hiddenReason, note: post.hiddenNote } : null,
      deleted: access.deleted,
      edited: post.editedAt !== null,
      author: author ? { id: author.id, displayName: author.displayName, role: author.role, siteId: post.originSiteId, siteName: author.siteName } : null,
      voted: myVote.length > 0,
      flaggedByMe: flaggedByMe.has(post.id),
      following: following.length > 0,
    },
    community: { id: community.id, slug: community.slug, name: community.name, color: community.color, archived: community.archivedAt !== null },
    comments: comments.map((row) => {
      const rowAccess = replyAccess(row, access);
      return {
        id: row.id,
        bodyHtml: row.bodyHtml,
        createdAt: row.createdAt,
        held: rowAccess.held,
        hidden: rowAccess.hidden,
        flaggedByMe: flaggedByMe.has(row.id),
        author: { id: row.authorId, displayName: row.authorName, role: row.authorRole, siteId: row.siteId, siteName: row.siteName },
        may: {
          flag: can(viewer, { action: "reply.flag", reply: rowAccess }) && !flaggedByMe.has(row.id),
          moderate: can(viewer, { action: "reply.moderate", reply: rowAccess }),
          approve: can(viewer, { action: "reply.approve", reply: rowAccess }),
        },
      };
    }),
    // A merged duplicate is of the same community, so whoever reads this idea may read its title.
    timeline,
    adoptions,
    adoptedByMySite,
    may: {
      vote: can(viewer, { action: "idea.vote", idea: access }),
      comment: can(viewer, { action: "post.comment", post: access }),
      follow: can(viewer, { action: "post.follow", post: access }),
      // Merging is offered with the workflow: the idea to keep is checked when it is named.
      changeStatus: can(viewer, { action: "idea.changeStatus", idea: access }),
      adopt: can(viewer, { action: "idea.adopt", idea: access }),
      edit: can(viewer, { action: "post.edit", post: access }),
      delete: can(viewer, { action: "post.delete", post: access }),
      moderate: can(viewer, { action: "post.moderate", post: access }),
      flag: can(viewer, { action: "post.flag", post: access }) && !flaggedByMe.has(post.id),
    },
  } as const;
}

export type IdeaPage = Exclude<Awaited<ReturnType<typeof getIdea>>, { mergedInto: string }>;
