/**
 * The embedded search engine at scale, on PostgreSQL: 100,000 questions and about 300,000 answers
 * (bench/seed-bulk.ts), a full reindex (documents per second), then query latency for a mix of 1-, 2-
 * and 4-word queries, a third of them with a facet filter, every one counting its facets, as an
 * employee and as a customer. A primary-key lookup on the same database is the same-run baseline.
 *
 *   npm run bench:search                       (BENCH_QUESTIONS=20000 for a quicker run)
 */
import { sql } from "drizzle-orm";
import { resultRows } from "../db/client";
import { parseConfig } from "../server/config";
import type { Guilde } from "../server/context";
import { openGuilde } from "../server/guilde";
import type { SignedInViewer } from "../server/policy";
import { findSimilarQuestions } from "../server/search/find-similar-questions";
import { parseQueryText } from "../server/search/query";
import { reindexEverything } from "../server/search/reindex";
import { searchContent } from "../server/search/search-content";
import type { EngineQuery } from "../server/search/search-index";
import { bulkReader } from "./seed-bulk";
import { formatCount, percentile, printTable, requirePostgres, runBench, seededDatabase } from "./support";

const questions = Number(process.env.BENCH_QUESTIONS ?? 100_000);
const queriesPerRun = Number(process.env.BENCH_QUERIES ?? 300);

/** Words a person would type: taken from real titles, minus the short and the stop-like. */
async function queryMix(guilde: Guilde): Promise<string[]> {
  const titles = resultRows<{ title: string }>(await guilde.db.execute(sql`select title from posts tablesample system (5) limit 2000`));
  const words = (title: string) => (title.toLowerCase().match(/[\p{L}]{5,}/gu) ?? []).filter((word) => !/^(which|where|there|their|would|could|should|about|what|these|those)$/.test(word));
  let seed = 42;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const mix: string[] = [];
  for (let n = 0; mix.length < queriesPerRun && n < queriesPerRun * 20; n++) {
    const candidates = words(titles[Math.floor(random() * titles.length)].title);
    const size = [1, 2, 4][mix.length % 3];
    if (candidates.length < size) continue;
    const start = Math.floor(random() * (candidates.length - size + 1));
    mix.push(candidates.slice(start, start + size).join(" "));
  }
  return mix;
}

async function sampleTitles(guilde: Guilde, count: number): Promise<string[]> {
  return resultRows<{ title: string }>(await guilde.db.execute(sql`select title from posts where kind = 'question' order by md5(id) limit ${count}`)).map(
    (row) => row.title,
  );
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

function latencyRow(name: string, values: number[]): string[] {
  return [name, String(values.length), `${percentile(values, 0.5).toFixed(1)} ms`, `${percentile(values, 0.95).toFixed(1)} ms`, `${percentile(values, 0.99).toFixed(1)} ms`];
}

runBench(
  `Search at scale: ${formatCount(questions)} questions, ~${formatCount(questions * 3)} answers, embedded engine on PostgreSQL`,
  "p95 under 50 ms for the embedded engine; reindex throughput reported",
  async () => {
    requirePostgres("bench:search");
    const { url, seed } = await seededDatabase("search", { questions, answersPerQuestion: 3, log: (line) => console.log(`  seed: ${line}`) });
    console.log(`Seeded ${formatCount(seed.rows.questions)} questions and ${formatCount(seed.rows.answers)} answers.\n`);
    const guilde = await openGuilde(parseConfig({ DATABASE_URL: url, LOG_LEVEL: "error", DEMO_DATA: "false", NODE_ENV: "production" }));
    try {
      let shown = -1;
      const reindex = await reindexEverything(guilde.db, guilde.search, {
        batchSize: 1000,
        onProgress: ({ done, total }) => {
          const tenth = Math.floor((10 * done) / Math.max(total, 1));
          if (tenth > shown) {
            shown = tenth;
            console.log(`  reindex: ${formatCount(done)} / ${formatCount(total)}`);
          }
        },
      });
      await guilde.db.execute(sql`vacuum analyze search_documents`);
      console.log(`\nFull reindex: ${formatCount(reindex.documents)} documents in ${reindex.seconds.toFixed(1)} s = ${formatCount(reindex.documents / reindex.seconds)} documents/s\n`);

      const viewerOf = async (where: string) => {
        const [row] = resultRows<{ id: string; role: SignedInViewer["role"]; site_id: string | null }>(
          await guilde.db.execute(sql`select id, role, site_id from users where ${sql.raw(where)} order by email limit 1`),
        );
        return { id: row.id, role: row.role, siteId: row.site_id };
      };
      const employee = await viewerOf(`email = '${bulkReader.email}'`);
      const customer = await viewerOf(`role = 'customer' and exists (select 1 from community_members m where m.user_id = users.id and m.status = 'active')`);
      const mix = await queryMix(guilde);
      const [{ community }] = resultRows<{ community: string }>(await guilde.db.execute(sql`select id as community from communities where visibility = 'open' limit 1`));
      const ids = resultRows<{ id: string }>(await guilde.db.execute(sql`select id from posts tablesample system (1) limit ${queriesPerRun}`)).map((row) => row.id);

      const engineQuery = (text: string, n: number): EngineQuery => ({
        query: parseQueryText(text),
        // A third of the queries also filter by a facet: status, type or community in turn.
        filters: {
          kinds: n % 9 === 3 ? ["question"] : [],
          communityIds: n % 9 === 6 ? [community] : [],
          siteIds: [],
          statuses: n % 9 === 0 ? ["solved"] : [],
          tags: [],
        },
        sort: "relevance",
        page: 1,
        perPage: 20,
        match: "all",
      });
      // Warm-up, as a running server would be.
      for (const text of mix.slice(0, 20)) await guilde.search.search(employee, engineQuery(text, 1));

      const rows: string[][] = [];
      const primaryKey: number[] = [];
      for (const id of ids) primaryKey.push(await time(() => guilde.db.execute(sql`select * from posts where id = ${id}`)));
      rows.push(latencyRow("baseline: primary-key lookup", primaryKey));
      for (const [name, viewer] of [["employee", employee], ["customer", customer]] as const) {
        const engine: number[] = [];
        const byWords = new Map<number, number[]>();
        let matched = 0;
        for (const [n, text] of mix.entries()) {
          const started = performance.now();
          const result = await guilde.search.search(viewer, engineQuery(text, n));
          const elapsed = performance.now() - started;
          engine.push(elapsed);
          if (result.total > 0) matched++;
          const count = text.split(" ").length;
          byWords.set(count, [...(byWords.get(count) ?? []), elapsed]);
        }
        rows.push(latencyRow(`engine, ${name} (all)`, engine));
        for (const [count, values] of [...byWords].sort((a, b) => a[0] - b[0])) rows.push(latencyRow(`  ${count}-word queries`, values));
        const service: number[] = [];
        for (const [n, text] of mix.entries()) service.push(await time(() => searchContent(guilde, { viewer, input: { q: text, status: n % 9 === 0 ? ["solved"] : [] } })));
        rows.push(latencyRow(`search page service, ${name}`, service));
        console.log(`${name}: ${matched} of ${mix.length} queries found something`);
      }
      // Similar questions while typing a title: the 2- and 4-word queries, and whole titles.
      const titles = [...mix.filter((entry) => entry.split(" ").length >= 2), ...(await sampleTitles(guilde, 100))];
      for (const [name, viewer] of [["employee", employee], ["customer", customer]] as const) {
        const similar: number[] = [];
        for (const title of titles) similar.push(await time(() => findSimilarQuestions(guilde, { viewer, title })));
        rows.push(latencyRow(`similar questions, ${name}`, similar));
      }
      console.log("");
      printTable(["", "queries", "p50", "p95", "p99"], rows, 34, 11);
      console.log(
        "\n'engine' is one SearchIndex.search call: matching, ranking, every facet count and the snippets of one page of 20." +
          "\n'search page service' adds the fallback to any word when all words find nothing, people who know, and the names on the page.",
      );
    } finally {
      await guilde.database.close();
    }
  },
);
