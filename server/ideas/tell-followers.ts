import { eq } from "drizzle-orm";
import type { Transaction } from "../../db/client";
import { follows, type Community, type Post } from "../../db/schema";
import type { Emit } from "../events";
import { notifyAboutPost, type NotificationDraft } from "../notifications/notify";

/** Tells an idea's author and followers (who may still see it) of something that happened to it, never the actor. */
export async function tellFollowers(
  tx: Transaction,
  { post, community, draft, emit }: { post: Post; community: Community; draft: NotificationDraft; emit: Emit },
): Promise<string[]> {
  const followers = await tx.select({ userId: follows.userId }).from(follows).where(eq(follows.postId, post.id));
  return notifyAboutPost(tx, { emit, post, community, draft, recipientIds: [post.authorId, ...followers.map((row) => row.userId)] });
}
