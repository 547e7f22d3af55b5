import { eq } from "drizzle-orm";
import { importedRecords } from "../../db/schema";
import type { Guilde } from "../context";

/** Where an imported question comes from, as its page credits it ("Imported from <site> — CC BY-SA"). */
export interface ImportAttribution {
  url: string;
  site: string;
  license: string;
}

/**
 * The source of a question an import wrote, or null. It says nothing about whether the viewer may
 * read the question: call it beside the service that checks (getQuestion), never alone.
 */
export async function importAttribution(guilde: Guilde, { questionId }: { questionId: string }): Promise<ImportAttribution | null> {
  const [record] = await guilde.db
    .select({ url: importedRecords.sourceUrl, license: importedRecords.license })
    .from(importedRecords)
    .where(eq(importedRecords.targetId, questionId))
    .limit(1);
  if (!record?.url) return null;
  return { url: record.url, site: new URL(record.url).hostname, license: record.license ?? "CC BY-SA" };
}
