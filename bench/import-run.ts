/**
 * One measured pass of bench/import.ts, in a process of its own so that its peak RSS is its own:
 *   tsx bench/import-run.ts parse|convert|import <dump folder> [pglite folder | postgres URL]
 * Prints one line of JSON: posts read, seconds, peak RSS in MiB (and the re-run's seconds for import).
 */
import { openDatabase } from "../db/client";
import { newId } from "../db/ids";
import { communities } from "../db/schema";
import { renderMarkdown } from "../server/content/markdown";
import { htmlToMarkdown } from "../server/import/stackexchange/html-to-markdown";
import { importStackExchangeDump } from "../server/import/stackexchange/import-dump";
import { readRows } from "../server/import/stackexchange/read-rows";
import { dumpFile, dumpFiles } from "../server/import/stackexchange/scan-dump";

const [mode, folder, database] = process.argv.slice(2);
const peakRssMiB = () => process.resourceUsage().maxRSS / 1024;

async function readEveryRow(convert: boolean): Promise<number> {
  let postCount = 0;
  for (const file of Object.values(dumpFiles)) {
    const full = dumpFile(folder, file);
    if (!full) continue;
    for await (const row of readRows(full)) {
      if (file === dumpFiles.posts) postCount++;
      if (!convert) continue;
      if (row.attributes.Body !== undefined) renderMarkdown(htmlToMarkdown(row.attributes.Body));
      if (row.attributes.Text !== undefined) renderMarkdown(row.attributes.Text);
    }
  }
  return postCount;
}

async function main() {
  const started = performance.now();
  if (mode === "parse" || mode === "convert") {
    const posts = await readEveryRow(mode === "convert");
    console.log(JSON.stringify({ posts, seconds: (performance.now() - started) / 1000, peakRssMiB: peakRssMiB() }));
    return;
  }
  const handle = await openDatabase(database.startsWith("postgres") ? { kind: "postgres", url: database, poolSize: 2 } : { kind: "pglite", directory: database });
  try {
    await handle.migrate();
    await handle.db.insert(communities).values({ id: newId(), slug: "bench-import", name: "Bench import" });
    const source = "https://bench.stackexchange.com";
    const importStarted = performance.now();
    const summary = await importStackExchangeDump(handle.db, { folder, communitySlug: "bench-import", source });
    const seconds = (performance.now() - importStarted) / 1000;
    const peak = peakRssMiB();
    const rerunStarted = performance.now();
    const rerun = await importStackExchangeDump(handle.db, { folder, communitySlug: "bench-import", source });
    const rerunSeconds = (performance.now() - rerunStarted) / 1000;
    console.log(
      JSON.stringify({
        posts: summary.questions + summary.answers + summary.skipped.posts,
        seconds,
        peakRssMiB: peak,
        rerunSeconds,
        rerunUnchanged: rerun.inserted === 0 && rerun.updated === 0,
        summary,
      }),
    );
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
