import { and, asc, desc, eq, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { communityMembers, flags, kudos, posts, replies, sites, tutorialCitations, tutorialHelped, uploads, users } from "../../db/schema";
import type { Guilde } from "../context";
import { NotFound } from "../errors";
import { can, type Viewer } from "../policy";
import { listablePosts } from "../policy/scopes";
import { replyAccess } from "../questions/access";
import { loadTutorial } from "./access";

const maxComments = 500;
const maxSolved = 50;

/** Everything a tutorial's page shows, in a fixed number of queries. */
export async function getTutorial(guilde: Guilde, { viewer, tutorialId }: { viewer: Viewer; tutorialId: string }) {
  const loaded = await loadTutorial(guilde.db, viewer, tutorialId);
  if (!loaded || !can(viewer, { action: "tutorial.view", tutorial: loaded.access })) throw new NotFound();
  const { post, tutorial, community, access } = loaded;
  const moderator = can(viewer, { action: "post.moderate", post: access });
  const commentSites = alias(sites, "comment_sites");

  const [[author], commentRows, [mine], solved, video, myFlags] = await Promise.all([
    guilde.db
      .select({ id: users.id, displayName: users.displayName, role: users.role, siteId: sites.id, siteName: sites.name, memberRole: communityMembers.role })
      .from(users)
      .leftJoin(sites, eq(sites.id, post.originSiteId ?? ""))
      .leftJoin(communityMembers, and(eq(communityMembers.userId, users.id), eq(communityMembers.communityId, community.id), eq(communityMembers.status, "active")))
      .where(eq(users.id, post.authorId)),
    guilde.db
      .select({
        id: replies.id,
        authorId: replies.authorId,
        bodyHtml: replies.bodyHtml,
        createdAt: replies.createdAt,
        editedAt: replies.editedAt,
        deletedAt: replies.deletedAt,
        hiddenAt: replies.hiddenAt,
        hiddenReason: replies.hiddenReason,
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
          eq(replies.postId, tutorialId),
          eq(replies.kind, "comment"),
          moderator ? undefined : and(isNull(replies.deletedAt), or(isNull(replies.hiddenAt), eq(replies.authorId, viewer?.id ?? ""))),
        ),
      )
      .orderBy(asc(replies.createdAt), asc(replies.id))
      .limit(maxComments),
    // Whether the viewer marked it "helped me", and whether they thanked its author for it: one statement.
    viewer
      ? guilde.db
          .select({
            helped: sql<boolean>`exists (select 1 from ${tutorialHelped} where ${tutorialHelped.tutorialId} = ${tutorialId} and ${tutorialHelped.userId} = ${viewer.id})`,
            thanked: sql<boolean>`exists (select 1 from ${kudos} where ${kudos.giverId} = ${viewer.id} and ${kudos.targetId} = ${tutorialId})`,
          })
          .from(sql`(select 1) as one`)
      : [{ helped: false, thanked: false }],
    // The questions it solved: those with a visible answer citing it, as far as the viewer may read them.
    guilde.db
      .selectDistinctOn([posts.id], { id: posts.id, title: posts.title, solved: sql<boolean>`${posts.acceptedAnswerId} = ${replies.id}` })
      .from(tutorialCitations)
      .innerJoin(replies, and(eq(replies.id, tutorialCitations.replyId), isNull(replies.deletedAt), isNull(replies.hiddenAt)))
      .innerJoin(posts, eq(posts.id, replies.postId))
      .where(and(eq(tutorialCitations.tutorialId, tutorialId), listablePosts(viewer)))
      .orderBy(posts.id, desc(sql`${posts.acceptedAnswerId} = ${replies.id}`))
      .limit(maxSolved),
    tutorial.videoUploadId
      ? guilde.db.select({ id: uploads.id, contentType: uploads.contentType }).from(uploads).where(eq(uploads.id, tutorial.videoUploadId))
      : [],
    // What the viewer flagged here and is still open (the tutorial or its comments): their open flags, by the one-open-flag index.
    viewer
      ? guilde.db
          .select({ targetId: flags.targetId })
          .from(flags)
          .where(and(eq(flags.postId, tutorialId), eq(flags.reporterId, viewer.id), eq(flags.status, "open")))
          .limit(maxComments + 1)
      : [],
  ]);
  const flaggedByMe = new Set(myFlags.map((row) => row.targetId));

  return {
    tutorial: {
      id: post.id,
      title: post.title,
      summary: tutorial.summary,
      bodyHtml: post.bodyHtml,
      tags: post.tags,
      difficulty: tutorial.difficulty,
      minutes: tutorial.minutes,
      video:
        tutorial.videoKind === "link" && tutorial.videoUrl
          ? ({ kind: "link", url: tutorial.videoUrl, host: new URL(tutorial.videoUrl).hostname } as const)
          : tutorial.videoKind === "upload" && video[0]
            ? ({ kind: "upload", src: `/files/${video[0].id}`, contentType: video[0].contentType } as const)
            : null,
      draft: access.draft,
      deleted: access.deleted,
      listed: !access.deleted && !access.hidden,
      // Hidden by a moderator (a draft is hidden too, but that is not a moderator's doing).
      hidden: !access.draft && post.hiddenAt && post.hiddenReason ? { reason: post.hiddenReason, note: post.hiddenNote } : null,
      publishedAt: tutorial.publishedAt,
      createdAt: post.createdAt,
      editedAt: post.editedAt,
      helpedCount: tutorial.helpedCount,
      viewCount: tutorial.viewCount,
      helpedByMe: Boolean(mine?.helped),
      thankedByMe: Boolean(mine?.thanked),
      flaggedByMe: flaggedByMe.has(post.id),
      author: author
        ? { id: author.id, displayName: author.displayName, role: author.role, siteId: post.originSiteId, siteName: author.siteName, monitor: author.memberRole === "monitor" }
        : null,
    },
    community: { id: community.id, slug: community.slug, name: community.name, color: community.color, archived: community.archivedAt !== null },
    comments: commentRows.map((row) => {
      const rowAccess = replyAccess(row, access);
      return {
        id: row.id,
        bodyHtml: row.bodyHtml,
        createdAt: row.createdAt,
        editedAt: row.editedAt,
        deleted: row.deletedAt !== null,
        hidden: row.hiddenAt !== null,
        held: rowAccess.held,
        flaggedByMe: flaggedByMe.has(row.id),
        author: { id: row.authorId, displayName: row.authorName, role: row.authorRole, siteId: row.siteId, siteName: row.siteName },
        may: {
          edit: can(viewer, { action: "reply.edit", reply: rowAccess }),
          flag: can(viewer, { action: "reply.flag", reply: rowAccess }) && !flaggedByMe.has(row.id),
          moderate: can(viewer, { action: "reply.moderate", reply: rowAccess }),
          approve: can(viewer, { action: "reply.approve", reply: rowAccess }),
        },
      };
    }),
    solved,
    may: {
      edit: can(viewer, { action: "tutorial.edit", tutorial: access }),
      delete: can(viewer, { action: "tutorial.delete", tutorial: access }),
      moderate: can(viewer, { action: "tutorial.moderate", tutorial: access }),
      flag: can(viewer, { action: "tutorial.flag", tutorial: access }) && !flaggedByMe.has(post.id),
      publish: can(viewer, { action: "tutorial.publish", tutorial: access }),
      helped: can(viewer, { action: "tutorial.helped", tutorial: access }),
      comment: can(viewer, { action: "post.comment", post: access }),
      thank: !access.draft && can(viewer, { action: "kudos.give", receiverId: post.authorId, target: { kind: "tutorial", tutorial: access } }),
    },
  };
}

export type TutorialPage = Awaited<ReturnType<typeof getTutorial>>;
