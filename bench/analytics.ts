/**
 * Analytics at scale: bench/seed-bulk.ts fills a scratch PostgreSQL database (100,000 questions by
 * default, BENCH_QUESTIONS to change it), then every analytics section and the whole getAnalytics run
 * over the last year, for all communities and for one, against the least such a page could cost,
 * measured in the same run: a count(*) of the same scope's questions.
 */
import { and, eq, gte, lt, sql } from "drizzle-orm";
import { openDatabase, type Database } from "../db/client";
import { posts, users } from "../db/schema";
import { getAnalytics } from "../server/analytics/get-analytics";
import { ideaFunnel } from "../server/analytics/idea-funnel";
import { monitorReach } from "../server/analytics/monitor-reach";
import { responseTimes } from "../server/analytics/response-times";
import type { AnalyticsScope } from "../server/analytics/schemas";
import { siteMatrix } from "../server/analytics/site-matrix";
import { tutorialsHelped } from "../server/analytics/tutorials";
import { unansweredQuestions } from "../server/analytics/unanswered";
import { parseConfig } from "../server/config";
import type { Guilde } from "../server/context";
import { createEventBus } from "../server/events";
import { createLogger } from "../server/logger";
import type { SignedInViewer } from "../server/policy";
import { createPostgresIndex } from "../server/search/postgres";
import { formatRatio, percentile, printTable, requirePostgres, runBench, seededDatabase } from "./support";

const questionCount = Number(process.env.BENCH_QUESTIONS ?? 100_000);
const runs = Number(process.env.BENCH_RUNS ?? 15);
const dayMs = 86_400_000;

runBench(
  `Analytics over ${questionCount.toLocaleString("en-US")} questions (PostgreSQL), the last 365 days, ${runs} runs of each section and of getAnalytics,\n` +
    `for every community and for one, against a count(*) of the same scope's questions in the same run.`,
  "every section's p90 within a page's budget (a few hundred ms) at 100,000 questions; the ratio says what the figures cost beyond counting.",
  async () => {
    requirePostgres("bench:analytics");
    const { url, seed } = await seededDatabase("analytics", { questions: questionCount, answersPerQuestion: 3, log: console.log });
    const handle = await openDatabase({ kind: "postgres", url, poolSize: 10 });
    try {
      const config = parseConfig({ NODE_ENV: "production", LOG_LEVEL: "silent", DEMO_DATA: "false", DATABASE_URL: url });
      const guilde: Guilde = {
        config,
        database: handle,
        db: handle.db,
        // Analytics read rows only: no sessions, files or search.
        sessions: undefined as unknown as Guilde["sessions"],
        storage: undefined as unknown as Guilde["storage"],
        events: createEventBus(createLogger("error")),
        log: createLogger("silent"),
        search: createPostgresIndex(handle.db),
      };
      const [person] = await handle.db.select({ id: users.id, siteId: users.siteId }).from(users).where(eq(users.role, "employee")).limit(1);
      await handle.db.update(users).set({ role: "admin" }).where(eq(users.id, person.id));
      const viewer: SignedInViewer = { id: person.id, role: "admin", siteId: person.siteId };
      const now = new Date();
      const to = now.toISOString().slice(0, 10);
      const from = new Date(now.getTime() - 364 * dayMs).toISOString().slice(0, 10);
      const first = seed.communities[0];

      for (const [label, communityId, communitySlug] of [
        ["all communities", null, null],
        [`community ${first.slug}`, first.id, first.slug],
      ] as const) {
        const scope: AnalyticsScope = { communityId, siteId: null, from: new Date(`${from}T00:00:00Z`), endExclusive: new Date(new Date(`${to}T00:00:00Z`).getTime() + dayMs) };
        const baseline = () => countQuestions(handle.db, scope);
        const sections: [string, () => Promise<unknown>][] = [
          ["baseline count", baseline],
          ["response times", () => responseTimes(handle.db, scope)],
          ["site matrix", () => siteMatrix(handle.db, scope)],
          ["unanswered", () => unansweredQuestions(handle.db, scope, 7, now)],
          ["monitor reach", () => monitorReach(handle.db, scope)],
          ["idea funnel", () => ideaFunnel(handle.db, scope)],
          ["tutorials", () => tutorialsHelped(handle.db, scope)],
          ["getAnalytics", () => getAnalytics(guilde, { viewer, communitySlug, input: { from, to } })],
        ];
        const timings = new Map<string, number[]>();
        for (const [name, run] of sections) {
          await run(); // plans and caches warm
          const values: number[] = [];
          for (let index = 0; index < runs; index += 1) {
            const started = performance.now();
            await run();
            values.push(performance.now() - started);
          }
          timings.set(name, values);
        }
        const baselineP50 = percentile(timings.get("baseline count") ?? [], 0.5);
        console.log(`\n${label}: ${(await baseline()).toLocaleString("en-US")} questions in the range`);
        printTable(
          ["section", "p50 ms", "p90 ms", "× count p50"],
          sections.map(([name]) => {
            const values = timings.get(name) ?? [];
            const p50 = percentile(values, 0.5);
            return [name, p50.toFixed(1), percentile(values, 0.9).toFixed(1), formatRatio(p50 / baselineP50)];
          }),
          18,
        );
      }
    } finally {
      await handle.close();
    }
  },
);

async function countQuestions(db: Database, scope: AnalyticsScope): Promise<number> {
  const [row] = await db
    .select({ questions: sql<number>`count(*)::int` })
    .from(posts)
    .where(and(eq(posts.kind, "question"), gte(posts.createdAt, scope.from), lt(posts.createdAt, scope.endExclusive), scope.communityId ? eq(posts.communityId, scope.communityId) : undefined));
  return row.questions;
}
