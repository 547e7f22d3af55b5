import { and, eq } from "drizzle-orm";
import { posts, replies, tutorialCitations, tutorials } from "../../db/schema";
import type { Guilde } from "../context";
import type { Viewer } from "../policy";
import { listablePosts } from "../policy/scopes";

export interface CitedTutorial {
  replyId: string;
  id: string;
  title: string;
  summary: string;
  difficulty: "beginner" | "intermediate" | "advanced";
  minutes: number;
  helpedCount: number;
}

/**
 * The tutorials cited by a question's answers, as cards, for the viewer: only those they may read
 * (published, in a community they read). Keyed by answer; independent of the thread's own query, so
 * that the page loads both at once.
 */
export async function tutorialsCitedIn(guilde: Guilde, { viewer, questionId }: { viewer: Viewer; questionId: string }): Promise<CitedTutorial[]> {
  return guilde.db
    .select({
      replyId: tutorialCitations.replyId,
      id: posts.id,
      title: posts.title,
      summary: tutorials.summary,
      difficulty: tutorials.difficulty,
      minutes: tutorials.minutes,
      helpedCount: tutorials.helpedCount,
    })
    .from(tutorialCitations)
    .innerJoin(replies, eq(replies.id, tutorialCitations.replyId))
    .innerJoin(tutorials, eq(tutorials.postId, tutorialCitations.tutorialId))
    .innerJoin(posts, eq(posts.id, tutorials.postId))
    .where(and(eq(replies.postId, questionId), listablePosts(viewer)))
    .limit(200);
}
