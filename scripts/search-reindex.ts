/**
 * `npm run search:reindex`: rebuilds the search index (the embedded one, or Meilisearch when
 * MEILI_HOST is set) from the database, while Guilde keeps serving searches. Needs the database the
 * server uses: a PostgreSQL server (DATABASE_URL), or the embedded one while the server is stopped
 * (PGlite admits one process at a time).
 */
import { openDatabase } from "../db/client";
import { parseConfig } from "../server/config";
import { createSearchIndex } from "../server/search/engine";
import { reindexEverything } from "../server/search/reindex";
import { progressBar } from "./progress-bar";

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
        const line = progressBar({ ...progress, unit: "documents" }, started);
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
