/**
 * `npm run import:stackexchange -- <folder> --community <slug> [--source https://site.stackexchange.com]`:
 * imports a Stack Exchange data dump (Posts.xml, Users.xml, Comments.xml, PostLinks.xml) into an
 * existing community. A re-run updates what the last one wrote. `--source` defaults to the folder's
 * name when it is the site's host, as in the archive.org dumps (`bicycles.stackexchange.com/`).
 * Run it with the server's environment (DATABASE_URL, or DATA_DIR with the server stopped on PGlite);
 * the server's search worker then indexes what was imported.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../db/client";
import { parseConfig } from "../server/config";
import { importStackExchangeDump, type ImportSummary } from "../server/import/stackexchange/import-dump";
import { DumpFileError } from "../server/import/stackexchange/read-rows";
import { progressBar } from "./progress-bar";

function sourceOf(folder: string, given: string | undefined): string {
  if (given) return given.includes("://") ? given : `https://${given}`;
  const name = path.basename(path.resolve(folder));
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(name)) return `https://${name}`;
  throw new Error(`Say which site the dump comes from: --source https://<site>.stackexchange.com (the folder's name, "${name}", is not a host).`);
}

function report(summary: ImportSummary, seconds: number): string {
  const n = (value: number) => value.toLocaleString("en-US");
  const posts = summary.questions + summary.answers;
  return [
    `Imported from ${summary.source} in ${seconds.toFixed(1)} s (${n(Math.round(posts / Math.max(seconds, 0.001)))} posts/s):`,
    `  ${n(summary.questions)} questions (${n(summary.accepted)} with an accepted answer, ${n(summary.duplicates)} duplicates), ${n(summary.answers)} answers, ${n(summary.comments)} comments, ${n(summary.users)} people`,
    `  ${n(summary.inserted)} rows new, ${n(summary.updated)} updated, ${n(summary.unchanged)} unchanged; skipped ${n(summary.skipped.posts)} posts and ${n(summary.skipped.comments)} comments that are not part of a question's thread`,
  ].join("\n");
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { community: { type: "string" }, source: { type: "string" }, "batch-size": { type: "string" } },
  });
  const [folder] = positionals;
  if (!folder || !values.community) throw new Error("Usage: npm run import:stackexchange -- <folder> --community <slug> [--source https://<site>]");
  const source = sourceOf(folder, values.source);
  const database = await openDatabase(parseConfig().database);
  try {
    await database.migrate();
    if (process.stderr.isTTY) process.stderr.write(`Checking every file of ${folder} before writing anything…\n`);
    const started = performance.now();
    let phase = "";
    let phaseStarted = started;
    const summary = await importStackExchangeDump(database.db, {
      folder,
      communitySlug: values.community,
      source,
      batchSize: values["batch-size"] ? Number(values["batch-size"]) : undefined,
      onProgress: ({ file, done, total }) => {
        if (!process.stderr.isTTY) return;
        if (phase !== file) {
          if (phase) process.stderr.write("\n");
          [phase, phaseStarted] = [file, performance.now()];
        }
        process.stderr.write(`\r${file.padEnd(13)} ${progressBar({ done, total, unit: "rows" }, phaseStarted)}`);
      },
    });
    if (process.stderr.isTTY && phase) process.stderr.write("\n");
    console.log(report(summary, (performance.now() - started) / 1000));
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof DumpFileError) console.error(`${error.message}\nNothing was imported.`);
  else console.error(`${error instanceof Error ? error.message : error}\nBatches written before the failure are kept: running the same command again completes the import.`);
  process.exitCode = 1;
});
