import { and, eq, sql } from "drizzle-orm";
import { tutorialHelped, tutorials } from "../../db/schema";
import type { Guilde } from "../context";
import { write } from "../events";
import { NotFound } from "../errors";
import { can, ensureCan, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { loadTutorial } from "./access";
import { helpedSchema } from "./schemas";

/** "This helped me", or taking it back: one per person, counted on the tutorial. */
export async function markHelped(
  guilde: Guilde,
  { viewer, tutorialId, input }: { viewer: Viewer; tutorialId: string; input: Untrusted<{ helped: boolean | string }> },
): Promise<{ helpedCount: number }> {
  const { helped } = parseInput(helpedSchema, input);
  return write(guilde, async (tx, emit) => {
    const loaded = await loadTutorial(tx, viewer, tutorialId, { forUpdate: true });
    if (!loaded || !can(viewer, { action: "tutorial.view", tutorial: loaded.access })) throw new NotFound();
    ensureCan(viewer, { action: "tutorial.helped", tutorial: loaded.access });
    if (helped) await tx.insert(tutorialHelped).values({ tutorialId, userId: viewer.id }).onConflictDoNothing();
    else await tx.delete(tutorialHelped).where(and(eq(tutorialHelped.tutorialId, tutorialId), eq(tutorialHelped.userId, viewer.id)));
    // Counted again rather than incremented: pressing twice, or from two tabs, never counts twice.
    const [row] = await tx
      .update(tutorials)
      .set({ helpedCount: sql`(select count(*)::int from ${tutorialHelped} where ${tutorialHelped.tutorialId} = ${tutorialId})` })
      .where(eq(tutorials.postId, tutorialId))
      .returning({ helpedCount: tutorials.helpedCount });
    emit({ type: "tutorial.changed", communityId: loaded.community.id, tutorialId, change: "helped" });
    return { helpedCount: row.helpedCount };
  });
}
