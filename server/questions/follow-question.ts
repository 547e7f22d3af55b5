import { and, eq } from "drizzle-orm";
import { follows } from "../../db/schema";
import type { Guilde } from "../context";
import { NotFound } from "../errors";
import { can, ensureCan, type Viewer } from "../policy";
import { loadQuestion } from "./access";

/** Following a question notifies of its answers; unfollowing stops it. */
export async function followQuestion(
  guilde: Guilde,
  { viewer, questionId, follow }: { viewer: Viewer; questionId: string; follow: boolean },
): Promise<void> {
  const loaded = await loadQuestion(guilde.db, viewer, questionId);
  if (!loaded || !can(viewer, { action: "post.view", post: loaded.access })) throw new NotFound();
  ensureCan(viewer, { action: "post.follow", post: loaded.access });
  if (follow) await guilde.db.insert(follows).values({ userId: viewer.id, postId: questionId }).onConflictDoNothing();
  else await guilde.db.delete(follows).where(and(eq(follows.userId, viewer.id), eq(follows.postId, questionId)));
}
