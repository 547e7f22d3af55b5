import { eq } from "drizzle-orm";
import { newId } from "../../db/ids";
import { posts, revisions, tutorials } from "../../db/schema";
import { recordAudit } from "../audit/record";
import { renderMarkdown } from "../content/markdown";
import type { Guilde } from "../context";
import { write } from "../events";
import { NotFound } from "../errors";
import { can, ensureCan, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { loadTutorial } from "./access";
import { tutorialSchema, type TutorialInput } from "./schemas";
import { checkVideoLink, settleVideo } from "./video";

/**
 * Edits a tutorial. Once published, each change of its title, steps or tags keeps the previous version
 * as a revision (who changed it, when, what it was), shown as a diff in its history; a draft's edits
 * are its author's work in progress and keep no history.
 */
export async function editTutorial(
  guilde: Guilde,
  { viewer, tutorialId, input }: { viewer: Viewer; tutorialId: string; input: Untrusted<TutorialInput> },
): Promise<void> {
  const data = parseInput(tutorialSchema, input);
  checkVideoLink(data, guilde.config);
  const bodyHtml = renderMarkdown(data.body);
  await write(guilde, async (tx, emit) => {
    const loaded = await loadTutorial(tx, viewer, tutorialId, { forUpdate: true });
    if (!loaded || !can(viewer, { action: "tutorial.view", tutorial: loaded.access })) throw new NotFound();
    ensureCan(viewer, { action: "tutorial.edit", tutorial: loaded.access });
    const { post, tutorial, access } = loaded;

    const video = await settleVideo(tx, { viewer, tutorialId, data, current: tutorial });
    const textChanged = post.title !== data.title || post.body !== data.body || post.tags.join() !== data.tags.join();
    if (textChanged && !access.draft) {
      await tx.insert(revisions).values({ id: newId(), targetId: post.id, editorId: viewer.id, title: post.title, body: post.body, tags: post.tags });
    }
    await tx
      .update(posts)
      .set({ title: data.title, body: data.body, bodyHtml, tags: data.tags, ...(textChanged && !access.draft ? { editedAt: new Date() } : {}) })
      .where(eq(posts.id, post.id));
    await tx
      .update(tutorials)
      .set({ summary: data.summary, difficulty: data.difficulty, minutes: data.minutes, ...video })
      .where(eq(tutorials.postId, post.id));
    if (!access.draft) emit({ type: "tutorial.changed", communityId: post.communityId, tutorialId: post.id, change: "edited" });
    if (post.authorId !== viewer.id) {
      await recordAudit(tx, { actorId: viewer.id, action: "tutorial.edit", targetKind: "tutorial", targetId: post.id, communityId: post.communityId });
    }
  });
}
