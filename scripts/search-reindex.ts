/**
 * `npm run search:reindex`: rebuilds the search index (the embedded one, or Meilisearch when
 * MEILI_HOST is set) from the database, while Guilde keeps serving searches. Needs the database the
 * server uses: a PostgreSQL server (DATABASE_URL), or the embedded one while the server is stopped
 * (PGlite admits one process at a time).
 */
import { openDatabase } from "../db/client";
import { parseConfig } from "../server/config";
import { createSearchIndex } from "../server/search/engine";
import { reindexEverything, type ReindexProgress } from "../server/search/reindex";

function progressBar({ done, total }: ReindexProgress, started: number): string {
  const width = 30;
  const share = total === 0 ? 1 : done / total;
  const filled = Math.round(share * width);
  const seconds = (performance.now() - started) / 1000;
  const rate = seconds > 0 ? done / seconds : 0;
  const eta = rate > 0 ? Math.ceil((total - done) / rate) : 0;
  return `[${"█".repeat(filled)}${"░".repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")} documents  ${Math.round(rate).toLocaleString("en-US")} docs/s  ETA ${eta} s`;
}

async function main() {
  const config = parseConfig();
  const database = await openDatabase(config.database);
  try {
    await database.migrate();
    const index = createSearchIndex(config.search, database.db);
    console.log(`Rebuilding the ${index.engine} search index from the ${database.kind} database…`);
    const started = performance.now();
    let lastLine = 0;
    const { documents, seconds } = await reindexEverything(database.db, index, {
      onProgress: (progress) => {
        const line = progressBar(progress, started);
        if (process.stdout.isTTY) process.stdout.write(`\r${line}`);
        else if (performance.now() - lastLine > 5000 || progress.done === progress.total) {
          lastLine = performance.now();
          console.log(line);
        }
      },
    });
    if (process.stdout.isTTY) process.stdout.write("\n");
    console.log(`${documents.toLocaleString("en-US")} documents indexed in ${seconds.toFixed(1)} s (${Math.round(documents / seconds).toLocaleString("en-US")} docs/s).`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
