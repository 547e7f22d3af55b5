import { sql } from "drizzle-orm";
import { tutorials, tutorialViews } from "../../db/schema";
import type { Guilde } from "../context";
import type { Viewer } from "../policy";

/** What deciding whether an opening counts needs of the tutorial the viewer was shown. */
export interface ShownTutorial {
  id: string;
  author: { id: string } | null;
  /** Published and neither deleted nor hidden: drafts and hidden ones have no readers to count. */
  listed: boolean;
}

/**
 * Counts that the viewer read a tutorial `getTutorial` just showed them: once per reader and day,
 * never its author's own visits. One statement, so the count stays equal to the rows however many
 * tabs reload at once. A counter is not worth a failed page: an error is logged, not thrown.
 */
export async function recordTutorialView(guilde: Guilde, { viewer, tutorial, now = new Date() }: { viewer: Viewer; tutorial: ShownTutorial; now?: Date }): Promise<void> {
  if (!viewer || !tutorial.listed || viewer.id === tutorial.author?.id) return;
  const day = now.toISOString().slice(0, 10);
  try {
    await guilde.db.execute(sql`
      with counted as (
        insert into ${tutorialViews} (tutorial_id, viewed_on, user_id) values (${tutorial.id}, ${day}, ${viewer.id})
        on conflict do nothing
        returning 1
      )
      update ${tutorials} set view_count = view_count + 1
      where post_id = ${tutorial.id} and exists (select 1 from counted)`);
  } catch (error) {
    guilde.log.error(`Counting a view of tutorial ${tutorial.id} failed`, error);
  }
}
