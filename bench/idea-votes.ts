/**
 * Vote throughput on one hot idea: 200 people vote at once through the real service (`voteOnIdea`:
 * policy, vote row, count, event), then withdraw, several rounds. The baseline runs on the same pool in
 * the same run: 200 concurrent one-statement transactions incrementing one row (the least a hot counter
 * costs), and 200 concurrent primary-key inserts. The count is checked against the vote rows at the end.
 */
import { eq, sql } from "drizzle-orm";
import { newId } from "../db/ids";
import { openDatabase } from "../db/client";
import { communities, communityMembers, ideas, ideaVotes, sites, users } from "../db/schema";
import { parseConfig } from "../server/config";
import type { Guilde } from "../server/context";
import { createEventBus } from "../server/events";
import { proposeIdea } from "../server/ideas/propose-idea";
import { voteOnIdea } from "../server/ideas/vote-on-idea";
import { createLogger } from "../server/logger";
import type { SignedInViewer } from "../server/policy";
import { createPostgresIndex } from "../server/search/postgres";
import { formatRatio, printTable, requirePostgres, runBench, scratchDatabase } from "./support";

const voters = Number(process.env.BENCH_VOTERS ?? 200);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10);

runBench(
  `Vote throughput on one hot idea, PostgreSQL (pool of ${poolSize}): ${voters} voters at once, ${rounds} rounds of voting then withdrawing,\n` +
    `through voteOnIdea (policy, vote row, count in the same transaction, event after commit), against the same pool doing\n` +
    `  a. ${voters} concurrent transactions each incrementing one counter row (the hot row alone), and\n` +
    `  b. ${voters} concurrent primary-key inserts.`,
  `the count equals the vote rows after every round; votes/s within an order of magnitude of the hot-row baseline.`,
  async () => {
    requirePostgres("bench:votes");
    const url = await scratchDatabase("idea_votes");
    const handle = await openDatabase({ kind: "postgres", url, poolSize });
    try {
      await handle.migrate();
      const config = parseConfig({ NODE_ENV: "production", LOG_LEVEL: "silent", DEMO_DATA: "false", DATABASE_URL: url });
      const guilde: Guilde = {
        config,
        database: handle,
        db: handle.db,
        // Votes use neither sessions nor files.
        sessions: undefined as unknown as Guilde["sessions"],
        storage: undefined as unknown as Guilde["storage"],
        events: createEventBus(createLogger("error")),
        log: createLogger("silent"),
        search: createPostgresIndex(handle.db),
      };
      const { people, ideaId } = await world(guilde);

      const timed = async (work: () => Promise<unknown>[]) => {
        const started = performance.now();
        const results = await Promise.allSettled(work());
        const failed = results.filter((result) => result.status === "rejected");
        if (failed.length) throw new Error(`${failed.length} of ${results.length} failed: ${String((failed[0] as PromiseRejectedResult).reason)}`);
        return (performance.now() - started) / 1000;
      };

      // Warm the pool and the plans.
      await timed(() => people.slice(0, 20).map((viewer) => voteOnIdea(guilde, { viewer, ideaId, input: { vote: true } })));
      await timed(() => people.slice(0, 20).map((viewer) => voteOnIdea(guilde, { viewer, ideaId, input: { vote: false } })));

      let voteSeconds = 0;
      let withdrawSeconds = 0;
      for (let round = 0; round < rounds; round++) {
        voteSeconds += await timed(() => people.map((viewer) => voteOnIdea(guilde, { viewer, ideaId, input: { vote: true } })));
        await expectCount(guilde, ideaId, voters);
        withdrawSeconds += await timed(() => people.map((viewer) => voteOnIdea(guilde, { viewer, ideaId, input: { vote: false } })));
        await expectCount(guilde, ideaId, 0);
      }
      // The run ends with every vote in, as a hot idea would.
      voteSeconds += await timed(() => people.map((viewer) => voteOnIdea(guilde, { viewer, ideaId, input: { vote: true } })));
      const final = await expectCount(guilde, ideaId, voters);
      await guilde.events.settled();

      await handle.db.execute(sql`create table bench_counter (id int primary key, value int not null)`);
      await handle.db.execute(sql`insert into bench_counter values (1, 0)`);
      await handle.db.execute(sql`create table bench_rows (id text primary key, created_at timestamptz not null default now())`);
      let counterSeconds = 0;
      let insertSeconds = 0;
      for (let round = 0; round <= rounds * 2; round++) {
        counterSeconds += await timed(() =>
          people.map(() => handle.db.transaction((tx) => tx.execute(sql`update bench_counter set value = value + 1 where id = 1`))),
        );
        insertSeconds += await timed(() => people.map(() => handle.db.transaction((tx) => tx.execute(sql`insert into bench_rows (id) values (${newId()})`))));
      }

      const votesPerSecond = (voters * (rounds + 1)) / voteSeconds;
      const withdrawalsPerSecond = (voters * rounds) / withdrawSeconds;
      const baselineOperations = voters * (rounds * 2 + 1);
      const counterPerSecond = baselineOperations / counterSeconds;
      const insertsPerSecond = baselineOperations / insertSeconds;
      console.log("");
      printTable(
        ["", "per second", "vs hot row"],
        [
          ["votes", votesPerSecond.toFixed(0), formatRatio(votesPerSecond / counterPerSecond)],
          ["withdrawals", withdrawalsPerSecond.toFixed(0), formatRatio(withdrawalsPerSecond / counterPerSecond)],
          ["a. hot row +1", counterPerSecond.toFixed(0), formatRatio(1)],
          ["b. pk insert", insertsPerSecond.toFixed(0), formatRatio(insertsPerSecond / counterPerSecond)],
        ],
        16,
        14,
      );
      console.log(
        `\nVotes: ${voters * (rounds + 1)} in ${voteSeconds.toFixed(2)} s = ${votesPerSecond.toFixed(0)} votes/s.` +
          ` Final count ${final.count} = ${final.rows} vote rows for ${voters} voters (the author's own idea: never counted).`,
      );
    } finally {
      await handle.close();
    }
  },
);

async function world(guilde: Guilde) {
  const [site] = await guilde.db.insert(sites).values({ id: newId(), name: "Lyon Part-Dieu", city: "Lyon", kind: "store" }).returning();
  const [community] = await guilde.db.insert(communities).values({ id: newId(), slug: "store-operations", name: "Store operations", visibility: "internal" }).returning();
  const person = (n: number) => ({
    id: newId(),
    email: `voter${n}@guilde.bench`,
    handle: `voter${n}`,
    displayName: `Voter ${n}`,
    passwordHash: "not-used",
    role: "employee" as const,
    siteId: site.id,
  });
  const rows = await guilde.db.insert(users).values(Array.from({ length: voters + 1 }, (_, n) => person(n))).returning();
  const viewers: SignedInViewer[] = rows.map((row) => ({ id: row.id, role: row.role, siteId: row.siteId }));
  const [author, ...people] = viewers;
  await guilde.db.insert(communityMembers).values({ communityId: community.id, userId: author.id, role: "member", status: "active" });
  const { ideaId } = await proposeIdea(guilde, {
    viewer: author,
    communityId: community.id,
    input: {
      title: "Self-service returns kiosk at the entrance",
      problem: "Returns queue at the main till for twenty minutes on Saturdays.",
      proposal: "A self-service kiosk at the entrance that prints the return label.",
      benefit: "Shorter queues, and staff free for advice.",
    },
  });
  return { author, people, ideaId };
}

async function expectCount(guilde: Guilde, ideaId: string, expected: number) {
  const [[idea], [votes]] = await Promise.all([
    guilde.db.select({ count: ideas.voteCount }).from(ideas).where(eq(ideas.postId, ideaId)),
    guilde.db.select({ rows: sql<number>`count(*)::int` }).from(ideaVotes).where(eq(ideaVotes.ideaId, ideaId)),
  ]);
  if (idea.count !== expected || votes.rows !== expected) throw new Error(`Count ${idea.count}, vote rows ${votes.rows}, expected ${expected}`);
  return { count: idea.count, rows: votes.rows };
}
