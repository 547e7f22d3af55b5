import { and, eq } from "drizzle-orm";
import { follows } from "../../db/schema";
import type { Guilde } from "../context";
import { ensureCan, type Viewer } from "../policy";
import { viewableIdea } from "./access";

/** Following an idea tells of its status changes, comments, merges and adoptions; unfollowing stops it. */
export async function followIdea(guilde: Guilde, { viewer, ideaId, follow }: { viewer: Viewer; ideaId: string; follow: boolean }): Promise<void> {
  const loaded = await viewableIdea(guilde.db, viewer, ideaId);
  ensureCan(viewer, { action: "post.follow", post: loaded.access });
  if (follow) await guilde.db.insert(follows).values({ userId: viewer.id, postId: ideaId }).onConflictDoNothing();
  else await guilde.db.delete(follows).where(and(eq(follows.userId, viewer.id), eq(follows.postId, ideaId)));
}
