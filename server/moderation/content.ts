import type { Database, Transaction } from "../../db/client";
import type { Community, HiddenReason, Post, Reply } from "../../db/schema";
import { Forbidden, NotFound } from "../errors";
import { can, type PostAccess, type ReplyAccess, type SignedInViewer, type Viewer } from "../policy";
import { loadPost, loadReply } from "../questions/access";

/** A question, answer or comment, as moderation handles them alike: flagged, hidden, restored, approved. */
export interface ModeratedContent {
  kind: "question" | "answer" | "comment";
  id: string;
  /** The question itself, or the question the answer or comment belongs to. */
  post: Post;
  reply: Reply | null;
  community: Community;
  authorId: string;
  hiddenAt: Date | null;
  hiddenReason: HiddenReason | null;
  body: string;
  access: { kind: "post"; post: PostAccess } | { kind: "reply"; reply: ReplyAccess };
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
    if (asPost.post.kind !== "question") return null;
    const { post } = asPost;
    return {
      kind: "question",
      id: post.id,
      post,
      reply: null,
      community: asPost.community,
      authorId: post.authorId,
      hiddenAt: post.hiddenAt,
      hiddenReason: post.hiddenReason,
      body: post.body,
      access: { kind: "post", post: asPost.access },
    };
  }
  const asReply = await loadReply(db, viewer, contentId, options);
  if (!asReply) return null;
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

/** Where content is: enough for a page to link to it (`/questions/<questionId>#<kind>-<id>`). */
export interface ContentRef {
  kind: ModeratedContent["kind"];
  id: string;
  questionId: string;
}

export function contentRef(content: ModeratedContent): ContentRef {
  return { kind: content.kind, id: content.id, questionId: content.post.id };
}

type ContentAction = "view" | "moderate" | "flag" | "approve";

/** The policy's answer for this content, whether it is a post or a reply. */
export function mayOnContent(viewer: Viewer, content: ModeratedContent, action: ContentAction): boolean {
  if (content.access.kind === "post") return can(viewer, { action: `post.${action}`, post: content.access.post });
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
