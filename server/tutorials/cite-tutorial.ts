import type { Transaction } from "../../db/client";
import { tutorialCitations } from "../../db/schema";
import { Invalid } from "../errors";
import { can, type SignedInViewer } from "../policy";
import { loadTutorial } from "./access";

/** Accepts a tutorial's id, or a link to it (people paste URLs). */
export function tutorialIdFrom(reference: string): string {
  const match = reference.match(/\/tutorials\/([a-z0-9]+)/);
  return match ? match[1] : reference.trim();
}

/**
 * An answer cites a tutorial, in the answer's own transaction: shown as a card under the answer, and
 * the tutorial lists the question among those it solved. Only a published tutorial the answerer may
 * read can be cited; readers of the answer see the card only if they may read the tutorial too.
 */
export async function citeTutorial(tx: Transaction, { viewer, replyId, reference }: { viewer: SignedInViewer; replyId: string; reference: string }): Promise<void> {
  const loaded = await loadTutorial(tx, viewer, tutorialIdFrom(reference));
  if (!loaded || !can(viewer, { action: "tutorial.cite", tutorial: loaded.access })) throw new Invalid({ tutorial: ["errors.tutorialNotCitable"] });
  await tx.insert(tutorialCitations).values({ replyId, tutorialId: loaded.post.id }).onConflictDoNothing();
}
