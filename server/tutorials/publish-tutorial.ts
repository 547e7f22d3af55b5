import { eq } from "drizzle-orm";
import { follows, posts, tutorials } from "../../db/schema";
import type { Guilde } from "../context";
import { write } from "../events";
import { NotFound } from "../errors";
import { can, ensureCan, type Viewer } from "../policy";
import { loadTutorial } from "./access";

/**
 * Publishes a draft: it leaves its author's drafts for the community's Tutorials tab and search, dated
 * from now (readers care when it appeared, not when writing began).
 */
export async function publishTutorial(guilde: Guilde, { viewer, tutorialId }: { viewer: Viewer; tutorialId: string }): Promise<void> {
  await write(guilde, async (tx, emit) => {
    const loaded = await loadTutorial(tx, viewer, tutorialId, { forUpdate: true });
    if (!loaded || !can(viewer, { action: "tutorial.view", tutorial: loaded.access })) throw new NotFound();
    ensureCan(viewer, { action: "tutorial.publish", tutorial: loaded.access });
    const now = new Date();
    await tx.update(posts).set({ hiddenAt: null, hiddenReason: null, createdAt: now, lastActivityAt: now }).where(eq(posts.id, tutorialId));
    await tx.update(tutorials).set({ publishedAt: now }).where(eq(tutorials.postId, tutorialId));
    await tx.insert(follows).values({ userId: viewer.id, postId: tutorialId }).onConflictDoNothing();
    emit({ type: "tutorial.published", communityId: loaded.community.id, tutorialId, authorId: viewer.id });
  });
}
