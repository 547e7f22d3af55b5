import { and, eq } from "drizzle-orm";
import type { Database, Transaction } from "../../db/client";
import { communities, communityMembers, ideas, posts, type Community, type Idea, type Post } from "../../db/schema";
import { communityAccess } from "../communities/access";
import { NotFound } from "../errors";
import { can, type CommunityAccess, type IdeaAccess, type Viewer } from "../policy";
import { postAccessIn } from "../questions/access";

export interface LoadedIdea {
  post: Post;
  idea: Idea;
  community: Community;
  access: IdeaAccess;
}

/** What the policy needs of an idea, in a community whose access (with someone's membership) is known. */
export function ideaAccessIn(post: Parameters<typeof postAccessIn>[0], idea: Pick<Idea, "status" | "mergedIntoId">, community: CommunityAccess): IdeaAccess {
  return { ...postAccessIn(post, community), status: idea.status, merged: idea.mergedIntoId !== null };
}

/**
 * An idea with its post, community and the viewer's membership there, in one query. `lock` takes the
 * idea's row: "update" for what changes its state (status, merge), "share" for what must not see it
 * change meanwhile.
 */
export async function loadIdea(
  db: Database | Transaction,
  viewer: Viewer,
  ideaId: string,
  { lock }: { lock?: "update" } = {},
): Promise<LoadedIdea | null> {
  const query = db
    .select({ post: posts, idea: ideas, community: communities, role: communityMembers.role, status: communityMembers.status })
    .from(ideas)
    .innerJoin(posts, eq(posts.id, ideas.postId))
    .innerJoin(communities, eq(communities.id, posts.communityId))
    .leftJoin(communityMembers, and(eq(communityMembers.communityId, posts.communityId), eq(communityMembers.userId, viewer?.id ?? "")))
    .where(eq(ideas.postId, ideaId));
  const [row] = lock ? await query.for(lock, { of: ideas }) : await query;
  if (!row) return null;
  const membership = row.role && row.status ? { role: row.role, status: row.status } : null;
  return { post: row.post, idea: row.idea, community: row.community, access: ideaAccessIn(row.post, row.idea, communityAccess(row.community, membership)) };
}

/** An idea the viewer may see, or `NotFound` (never confirming that one they may not see exists). */
export async function viewableIdea(db: Database | Transaction, viewer: Viewer, ideaId: string, options: { lock?: "update" } = {}): Promise<LoadedIdea> {
  const loaded = await loadIdea(db, viewer, ideaId, options);
  if (!loaded || !can(viewer, { action: "post.view", post: loaded.access })) throw new NotFound();
  return loaded;
}
