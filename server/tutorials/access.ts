import { and, eq } from "drizzle-orm";
import type { Database, Transaction } from "../../db/client";
import { communities, communityMembers, posts, tutorials, uploads, type Community, type Post, type Tutorial, type Upload } from "../../db/schema";
import type { Viewer, TutorialAccess, FileAccess } from "../policy";
import { postAccess } from "../questions/access";

export interface LoadedTutorial {
  post: Post;
  tutorial: Tutorial;
  community: Community;
  access: TutorialAccess;
}

export function tutorialAccess(post: Post, tutorial: Pick<Tutorial, "publishedAt">, community: Community, membership: TutorialAccess["community"]["membership"]): TutorialAccess {
  return { ...postAccess(post, community, membership), draft: tutorial.publishedAt === null };
}

/** A tutorial with its post, community and the viewer's membership there, in one query. */
export async function loadTutorial(
  db: Database | Transaction,
  viewer: Viewer,
  tutorialId: string,
  { forUpdate = false }: { forUpdate?: boolean } = {},
): Promise<LoadedTutorial | null> {
  const query = db
    .select({ post: posts, tutorial: tutorials, community: communities, role: communityMembers.role, status: communityMembers.status })
    .from(posts)
    .innerJoin(tutorials, eq(tutorials.postId, posts.id))
    .innerJoin(communities, eq(communities.id, posts.communityId))
    .leftJoin(communityMembers, and(eq(communityMembers.communityId, posts.communityId), eq(communityMembers.userId, viewer?.id ?? "")))
    .where(and(eq(posts.id, tutorialId), eq(posts.kind, "tutorial")));
  const [row] = forUpdate ? await query.for("update", { of: posts }) : await query;
  if (!row) return null;
  const membership = row.role && row.status ? { role: row.role, status: row.status } : null;
  return { post: row.post, tutorial: row.tutorial, community: row.community, access: tutorialAccess(row.post, row.tutorial, row.community, membership) };
}

/**
 * An upload with what the policy needs to decide who may read it: its owner, and its tutorial if
 * attached. One query: every range request of a playing video asks.
 */
export async function loadUpload(db: Database | Transaction, viewer: Viewer, uploadId: string): Promise<{ upload: Upload; access: FileAccess } | null> {
  const [row] = await db
    .select({ upload: uploads, post: posts, tutorial: tutorials, community: communities, role: communityMembers.role, status: communityMembers.status })
    .from(uploads)
    .leftJoin(tutorials, eq(tutorials.postId, uploads.tutorialId))
    .leftJoin(posts, eq(posts.id, tutorials.postId))
    .leftJoin(communities, eq(communities.id, posts.communityId))
    .leftJoin(communityMembers, and(eq(communityMembers.communityId, posts.communityId), eq(communityMembers.userId, viewer?.id ?? "")))
    .where(eq(uploads.id, uploadId));
  if (!row) return null;
  const membership = row.role && row.status ? { role: row.role, status: row.status } : null;
  const tutorial = row.post && row.tutorial && row.community ? tutorialAccess(row.post, row.tutorial, row.community, membership) : null;
  // An upload whose tutorial row is somehow gone is nobody's but its owner's, as if never attached.
  return { upload: row.upload, access: { ownerId: row.upload.ownerId, tutorial } };
}
