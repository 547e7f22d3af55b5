import type { Guilde } from "../context";
import { NotFound } from "../errors";
import { can, type Viewer } from "../policy";
import { listRevisions } from "../questions/list-revisions";
import { loadTutorial } from "./access";

/**
 * A tutorial's history: who changed what and when, each version a word diff against the one before.
 * The same revisions and diff as questions; the tutorial's own policy decides who may read it.
 */
export async function listTutorialRevisions(guilde: Guilde, { viewer, tutorialId }: { viewer: Viewer; tutorialId: string }) {
  const loaded = await loadTutorial(guilde.db, viewer, tutorialId);
  if (!loaded || !can(viewer, { action: "tutorial.view", tutorial: loaded.access })) throw new NotFound();
  const { history } = await listRevisions(guilde, { viewer, targetId: tutorialId, postKind: "tutorial" });
  return { tutorial: { id: loaded.post.id, title: loaded.post.title }, history };
}
