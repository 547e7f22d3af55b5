/**
 * `npm run bench:import`: importing a Stack Exchange dump. ../shared/data holds the samples as JSON
 * Lines, not as dumps, so the bench writes a dump of BENCH_POSTS posts (100,000 by default: a third
 * questions, two answers each, a comment per two posts, a duplicate link per fifty questions) whose
 * bodies are the samples' real questions and answers rendered back to HTML. Each pass runs in its own
 * process, so that its peak RSS is its own:
 *   parse    the XML read with the streaming parser, nothing else (the floor);
 *   convert  parse + HTML → Markdown → sanitised HTML for every body, no database (the import's CPU work);
 *   import   the whole import on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set (with-postgres.sh);
 *            then the same import again, which must change nothing.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Marked } from "marked";
import { projectRoot } from "../server/paths";
import { writeDumpFile, type DumpRowValues } from "../tests/support/stackexchange-dump";
import { formatCount, printTable, runBench, scratchDatabase, scratchFolder } from "./support";

const postCount = Number(process.env.BENCH_POSTS ?? 100_000);
const sampleDataFolder = process.env.SAMPLE_DATA_DIR ?? path.join(projectRoot, "..", "shared", "data");
const sampleSites = ["quantumcomputing", "bicycles-meta", "french-meta"];

function sampleBodies(): { questions: { title: string; html: string; tags: string[] }[]; answers: string[] } {
  const marked = new Marked({ gfm: true });
  const read = (site: string, file: string) =>
    fs
      .readFileSync(path.join(sampleDataFolder, site, file), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const questions = sampleSites.flatMap((site) =>
    read(site, "questions.jsonl").map((row) => ({ title: String(row.title), html: marked.parse(String(row.body_markdown_or_text)) as string, tags: row.tags as string[] })),
  );
  const answers = sampleSites.flatMap((site) => read(site, "answers.jsonl").map((row) => marked.parse(String(row.body)) as string));
  return { questions, answers };
}

function writeBenchDump(folder: string) {
  const { questions, answers } = sampleBodies();
  const questionTotal = Math.ceil(postCount / 3);
  const userTotal = Math.max(10, Math.round(postCount / 20));
  const date = (n: number) => new Date(Date.UTC(2015, 0, 1) + n * 60_000).toISOString().replace("Z", "");
  // Ids as a dump numbers them: a question, then its two answers.
  const questionId = (q: number) => q * 3 + 1;
  writeDumpFile(folder, "Users.xml", (function* () {
    for (let id = 1; id <= userTotal; id++) yield { Id: id, DisplayName: `Person ${id}`, CreationDate: date(id), AboutMe: id % 10 === 0 ? "<p>Rides <b>daily</b>.</p>" : undefined };
  })());
  writeDumpFile(folder, "Posts.xml", (function* (): Generator<DumpRowValues> {
    let written = 0;
    for (let q = 0; written < postCount; q++) {
      const sample = questions[q % questions.length];
      const id = questionId(q);
      const answerIds = [id + 1, id + 2].filter((_, index) => written + 1 + index < postCount);
      yield {
        Id: id,
        PostTypeId: 1,
        AcceptedAnswerId: q % 2 === 0 ? answerIds[0] : undefined,
        CreationDate: date(q * 3),
        Score: q % 7,
        Body: sample.html,
        OwnerUserId: (q % userTotal) + 1,
        Title: `${sample.title} (${q})`,
        Tags: `|${sample.tags.join("|")}|`,
        ContentLicense: "CC BY-SA 4.0",
      };
      written++;
      for (const answerId of answerIds) {
        yield { Id: answerId, PostTypeId: 2, ParentId: id, CreationDate: date(answerId), Score: answerId % 5, Body: answers[answerId % answers.length], OwnerUserId: (answerId % userTotal) + 1, ContentLicense: "CC BY-SA 4.0" };
        written++;
      }
    }
  })());
  writeDumpFile(folder, "Comments.xml", (function* () {
    for (let n = 0; n < postCount / 2; n++) yield { Id: n + 1, PostId: n * 2 + 1, Score: 0, Text: `Thanks, that **helped** (${n}).`, CreationDate: date(n * 2 + 1), UserId: (n % userTotal) + 1 };
  })());
  writeDumpFile(folder, "PostLinks.xml", (function* () {
    for (let q = 50; q < questionTotal; q += 50) yield { Id: q, CreationDate: date(q * 3), PostId: questionId(q), RelatedPostId: questionId(q - 49), LinkTypeId: 3 };
  })());
}

interface Pass {
  posts: number;
  seconds: number;
  peakRssMiB: number;
  rerunSeconds?: number;
  rerunUnchanged?: boolean;
}

function run(mode: string, folder: string, database = ""): Pass {
  const child = spawnSync(process.execPath, ["--import", "tsx", "bench/import-run.ts", mode, folder, database], { cwd: projectRoot, encoding: "utf8", maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`${mode} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1)!) as Pass;
}

runBench(
  `Stack Exchange import: ${formatCount(postCount)} posts, peak RSS per pass`,
  "stream any dump size in bounded memory; the import dominated by conversion and writes, not parsing",
  async () => {
    const folder = scratchFolder("se-dump");
    const started = performance.now();
    writeBenchDump(folder);
    const bytes = fs.readdirSync(folder).reduce((sum, file) => sum + fs.statSync(path.join(folder, file)).size, 0);
    console.log(`Dump written in ${((performance.now() - started) / 1000).toFixed(1)} s: ${(bytes / 2 ** 20).toFixed(1)} MiB (Posts.xml ${(fs.statSync(path.join(folder, "Posts.xml")).size / 2 ** 20).toFixed(1)} MiB).\n`);

    const passes: [string, Pass][] = [
      ["parse only", run("parse", folder)],
      ["parse+convert", run("convert", folder)],
      ["import PGlite", run("import", folder, scratchFolder("se-pglite"))],
    ];
    if (process.env.TEST_DATABASE_URL) passes.push(["import Postgres", run("import", folder, await scratchDatabase("se_import"))]);
    printTable(
      ["pass", "posts/s", "seconds", "peak RSS MiB", "re-run s"],
      passes.map(([name, pass]) => [
        name,
        formatCount(pass.posts / pass.seconds),
        pass.seconds.toFixed(1),
        pass.peakRssMiB.toFixed(0),
        pass.rerunSeconds === undefined ? "" : `${pass.rerunSeconds.toFixed(1)}${pass.rerunUnchanged ? "" : " (changed!)"}`,
      ]),
      18,
      14,
    );
  },
);
