import type { Database, Transaction } from "../../db/client";
import type { Community, HiddenReason, Post, Reply } from "../../db/schema";
import { Forbidden, NotFound } from "../errors";
import { can, type PostAccess, type ReplyAccess, type SignedInViewer, type TutorialAccess, type Viewer } from "../policy";
import { loadPost, loadReply } from "../questions/access";
import { loadTutorial } from "../tutorials/access";

/** The posts moderation handles (a discussion is not one yet). */
export type ModeratedPostKind = "question" | "idea" | "tutorial";
export type ContentKind = ModeratedPostKind | "answer" | "comment";

export const isModeratedPostKind = (kind: Post["kind"]): kind is ModeratedPostKind => kind === "question" || kind === "idea" || kind === "tutorial";

/**
 * A question, idea or tutorial, or an answer or comment, as moderation handles them alike: flagged,
 * hidden, restored, approved.
 */
export interface ModeratedContent {
  kind: ContentKind;
  id: string;
  /** The post itself, or the post the answer or comment belongs to. */
  post: Post;
  reply: Reply | null;
  community: Community;
  authorId: string;
  hiddenAt: Date | null;
  hiddenReason: HiddenReason | null;
  body: string;
  access: { kind: "post"; post: PostAccess } | { kind: "tutorial"; tutorial: TutorialAccess } | { kind: "reply"; reply: ReplyAccess };
}

/** Ids of posts and replies never collide (both are 80 random bits), so one id finds either. */
export async function loadContent(
  db: Database | Transaction,
  viewer: Viewer,
  contentId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ModeratedContent | null> {
  const asPost = await loadPost(db, viewer, contentId, options);
  if (asPost) {
    const { post } = asPost;
    if (!isModeratedPostKind(post.kind)) return null;
    let access: ModeratedContent["access"] = { kind: "post", post: asPost.access };
    if (post.kind === "tutorial") {
      // A tutorial's policy knows its drafts, which are nobody's but their author's.
      const asTutorial = await loadTutorial(db, viewer, post.id);
      if (!asTutorial) return null;
      access = { kind: "tutorial", tutorial: asTutorial.access };
    }
    return {
      kind: post.kind,
      id: post.id,
      post,
      reply: null,
      community: asPost.community,
      authorId: post.authorId,
      hiddenAt: post.hiddenAt,
      hiddenReason: post.hiddenReason,
      body: post.body,
      access,
    };
  }
  const asReply = await loadReply(db, viewer, contentId, options);
  if (!asReply || !isModeratedPostKind(asReply.post.kind)) return null;
  const { reply } = asReply;
  return {
    kind: reply.kind,
    id: reply.id,
    post: asReply.post,
    reply,
    community: asReply.community,
    authorId: reply.authorId,
    hiddenAt: reply.hiddenAt,
    hiddenReason: reply.hiddenReason,
    body: reply.body,
    access: { kind: "reply", reply: asReply.replyAccess },
  };
}

/** Where content is: enough for a page to link to it (`contentPath` in app/links.ts). */
export interface ContentRef {
  kind: ContentKind;
  id: string;
  postKind: ModeratedPostKind;
  postId: string;
}

export function contentRef(content: ModeratedContent): ContentRef {
  // Replies are loaded only on posts moderation handles, whose kind loadContent checked.
  return { kind: content.kind, id: content.id, postKind: content.post.kind as ModeratedPostKind, postId: content.post.id };
}

type ContentAction = "view" | "moderate" | "flag" | "approve";

/** The policy's answer for this content, whether it is a post or a reply. */
export function mayOnContent(viewer: Viewer, content: ModeratedContent, action: ContentAction): boolean {
  if (content.access.kind === "post") return can(viewer, { action: `post.${action}`, post: content.access.post });
  if (content.access.kind === "tutorial") {
    const { tutorial } = content.access;
    // Tutorials are not pre-moderated: approving one is a post's rule (nothing is ever held).
    return action === "approve" ? can(viewer, { action: "post.approve", post: tutorial }) : can(viewer, { action: `tutorial.${action}`, tutorial });
  }
  return can(viewer, { action: `reply.${action}`, reply: content.access.reply });
}

/** Throws `Forbidden` unless the viewer may act so on this content (which they can see). */
export function ensureOnContent(viewer: Viewer, content: ModeratedContent, action: ContentAction): asserts viewer is SignedInViewer {
  if (!mayOnContent(viewer, content, action)) throw new Forbidden();
}

/** Loads content the viewer may see, or throws `NotFound` (never saying whether it exists). */
export async function loadVisibleContent(
  db: Database | Transaction,
  viewer: Viewer,
  contentId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ModeratedContent> {
  const content = await loadContent(db, viewer, contentId.slice(0, 64), options);
  if (!content || !mayOnContent(viewer, content, "view")) throw new NotFound();
  return content;
}

/** Where a reply sits, for the audit log's link to it: its question (as entries always said), or its idea or tutorial. */
export function placeDetails(content: ModeratedContent): Record<string, string> {
  if (!content.reply) return {};
  return content.post.kind === "question" ? { questionId: content.post.id } : { postKind: content.post.kind, postId: content.post.id };
}
