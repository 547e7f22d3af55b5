import { and, eq, sql } from "drizzle-orm";
import type { Database, Transaction } from "../../db/client";
import { communities, communityMembers, posts, replies, type Community, type Post, type Reply } from "../../db/schema";
import { communityAccess } from "../communities/access";
import type { CommunityAccess, PostAccess, ReplyAccess, Viewer } from "../policy";

export interface LoadedPost {
  post: Post;
  community: Community;
  access: PostAccess;
}

export function postAccess(post: Post, community: Community, membership: PostAccess["community"]["membership"]): PostAccess {
  return postAccessIn(post, communityAccess(community, membership));
}

type PostState = Pick<Post, "authorId" | "deletedAt" | "hiddenAt" | "hiddenReason" | "closedAt" | "lockedAt">;
type ReplyState = Pick<Reply, "authorId" | "deletedAt" | "hiddenAt" | "hiddenReason">;

/** What the policy needs of a post, in a community whose access (with someone's membership) is known. */
export function postAccessIn(post: PostState, community: CommunityAccess): PostAccess {
  return {
    authorId: post.authorId,
    community,
    deleted: post.deletedAt !== null,
    hidden: post.hiddenAt !== null,
    held: post.hiddenAt !== null && post.hiddenReason === "awaiting_approval",
    closed: post.closedAt !== null,
    locked: post.lockedAt !== null,
  };
}

export function replyAccess(reply: ReplyState, post: PostAccess): ReplyAccess {
  return {
    authorId: reply.authorId,
    post,
    deleted: reply.deletedAt !== null,
    hidden: reply.hiddenAt !== null,
    held: reply.hiddenAt !== null && reply.hiddenReason === "awaiting_approval",
  };
}

/** A post with its community and the viewer's membership there, in one query. `forUpdate` locks the post row. */
export async function loadPost(
  db: Database | Transaction,
  viewer: Viewer,
  postId: string,
  { forUpdate = false }: { forUpdate?: boolean } = {},
): Promise<LoadedPost | null> {
  const parameters = { postId, viewerId: viewer?.id ?? "" };
  const [row] = forUpdate ? await postQuery(db).for("update", { of: posts }).execute(parameters) : await preparedPostQuery(db).execute(parameters);
  if (!row) return null;
  const membership = row.role && row.status ? { role: row.role, status: row.status } : null;
  return { post: row.post, community: row.community, access: postAccess(row.post, row.community, membership) };
}

function postQuery(db: Database | Transaction) {
  return db
    .select({ post: posts, community: communities, role: communityMembers.role, status: communityMembers.status })
    .from(posts)
    .innerJoin(communities, eq(communities.id, posts.communityId))
    .leftJoin(communityMembers, and(eq(communityMembers.communityId, posts.communityId), eq(communityMembers.userId, sql.placeholder("viewerId"))))
    .where(eq(posts.id, sql.placeholder("postId")));
}

// Every question page loads its post: the query is built once per database (or transaction), not per request.
const preparedPostQueries = new WeakMap<Database | Transaction, ReturnType<ReturnType<typeof postQuery>["prepare"]>>();
function preparedPostQuery(db: Database | Transaction) {
  let prepared = preparedPostQueries.get(db);
  if (!prepared) {
    prepared = postQuery(db).prepare("load_post");
    preparedPostQueries.set(db, prepared);
  }
  return prepared;
}

/** A post that is a question: ideas and tutorials share the table but have services of their own. */
export async function loadQuestion(
  db: Database | Transaction,
  viewer: Viewer,
  questionId: string,
  options: { forUpdate?: boolean } = {},
): Promise<LoadedPost | null> {
  const loaded = await loadPost(db, viewer, questionId, options);
  return loaded?.post.kind === "question" ? loaded : null;
}

export interface LoadedReply extends LoadedPost {
  reply: Reply;
  replyAccess: ReplyAccess;
}

export async function loadReply(
  db: Database | Transaction,
  viewer: Viewer,
  replyId: string,
  options: { forUpdate?: boolean } = {},
): Promise<LoadedReply | null> {
  const [reply] = await db.select().from(replies).where(eq(replies.id, replyId));
  if (!reply) return null;
  const loaded = await loadPost(db, viewer, reply.postId, options);
  if (!loaded) return null;
  return {
    ...loaded,
    reply,
    replyAccess: replyAccess(reply, loaded.access),
  };
}
