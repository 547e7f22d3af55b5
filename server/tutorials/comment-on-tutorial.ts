import type { Guilde } from "../context";
import { NotFound } from "../errors";
import { can, ensureCan, type Viewer } from "../policy";
import { commentOnPost } from "../questions/comment";
import type { CommentInput } from "../questions/schemas";
import type { Untrusted } from "../validation";
import { loadTutorial } from "./access";

/**
 * Comments on a published tutorial. Comments are replies to its post, like a question's: the same
 * rules (locked, archived, pre-moderation), notifications and moderation apply.
 */
export async function commentOnTutorial(
  guilde: Guilde,
  { viewer, tutorialId, input }: { viewer: Viewer; tutorialId: string; input: Untrusted<CommentInput> },
): Promise<{ commentId: string; held: boolean }> {
  const loaded = await loadTutorial(guilde.db, viewer, tutorialId);
  if (!loaded || !can(viewer, { action: "tutorial.view", tutorial: loaded.access })) throw new NotFound();
  // A draft is a hidden post: `post.comment` refuses it too, checked again in the comment's transaction.
  ensureCan(viewer, { action: "post.comment", post: loaded.access });
  return commentOnPost(guilde, { viewer, questionId: tutorialId, input, postKind: "tutorial" });
}
