/**
 * Routing a new question at scale, on PostgreSQL: 100,000 questions and about 300,000 answers
 * (bench/seed-bulk.ts), with about a quarter of each community's employees made monitors of three of
 * its common tags, on top of the history the seed gives them (accepted and upvoted answers). Times the
 * routing decision alone (`chooseFirstWave` in a transaction) and the whole `askQuestion` call (the
 * question, its follow, the decision, the first wave's notifications and the escalation job), over a
 * few hundred questions whose tags are those of seeded questions. A primary-key lookup, bare and in a
 * transaction, is the same-run baseline.
 *
 *   npm run bench:routing                      (BENCH_QUESTIONS=20000 BENCH_ROUTED=100 for a quicker run)
 */
import { eq, sql } from "drizzle-orm";
import { resultRows } from "../db/client";
import { posts, type Post } from "../db/schema";
import { parseConfig } from "../server/config";
import type { Guilde } from "../server/context";
import { openGuilde } from "../server/guilde";
import type { SignedInViewer } from "../server/policy";
import { askQuestion } from "../server/questions/ask-question";
import { chooseFirstWave } from "../server/routing/route-question";
import { bulkReader } from "./seed-bulk";
import { formatCount, formatRatio, percentile, printTable, requirePostgres, runBench, seededDatabase } from "./support";

const questions = Number(process.env.BENCH_QUESTIONS ?? 100_000);
const routed = Number(process.env.BENCH_ROUTED ?? 300);
const warmUp = 20;

/**
 * Every fourth active employee of a community (the reader aside) becomes a monitor of three of its 24
 * most common tags, in turn, so that monitors' topics overlap some questions and miss others.
 */
async function appointMonitors(guilde: Guilde) {
  await guilde.db.execute(sql`
    with tag_rank as (
      select community_id, tag, row_number() over (partition by community_id order by count(*) desc, tag) as r
      from posts, unnest(tags) as tag
      where kind = 'question'
      group by community_id, tag
    ), top_tags as (
      select community_id, array_agg(tag order by r) as tags, count(*)::int as n from tag_rank where r <= 24 group by community_id
    ), members as (
      select m.community_id, m.user_id, row_number() over (partition by m.community_id order by m.user_id) as k
      from community_members m
      join users u on u.id = m.user_id
      where m.role = 'member' and m.status = 'active' and u.role = 'employee' and u.email <> ${bulkReader.email}
    )
    update community_members cm
    set role = 'monitor',
      monitor_since = now() - make_interval(days => 10 + m.k::int),
      monitor_topics = array[t.tags[1 + (3 * m.k) % t.n], t.tags[1 + (3 * m.k + 1) % t.n], t.tags[1 + (3 * m.k + 2) % t.n]]
    from members m
    join top_tags t on t.community_id = m.community_id
    where cm.community_id = m.community_id and cm.user_id = m.user_id and m.k % 4 = 0`);
  await guilde.db.execute(sql`analyze community_members`);
  return resultRows<{ slug: string; monitors: number; with_topics: number; with_accepted_answers: number }>(
    await guilde.db.execute(sql`
      select c.slug, count(*)::int as monitors,
        count(*) filter (where cardinality(m.monitor_topics) > 0)::int as with_topics,
        count(*) filter (where exists (
          select 1 from replies r join posts q on q.accepted_answer_id = r.id
          where r.author_id = m.user_id and q.community_id = m.community_id))::int as with_accepted_answers
      from community_members m join communities c on c.id = m.community_id
      where m.role = 'monitor' and m.status = 'active'
      group by c.slug order by c.slug`),
  );
}

/** Seeded questions by employees, spread over the communities: their tags, authors and texts are the new questions'. */
async function sampleQuestions(guilde: Guilde, count: number): Promise<{ post: Post; asker: SignedInViewer }[]> {
  const rows = await guilde.db
    .select({ post: posts, asker: { id: sql<string>`u.id`, role: sql<SignedInViewer["role"]>`u.role`, siteId: sql<string | null>`u.site_id` } })
    .from(posts)
    .innerJoin(sql`users u`, sql`u.id = ${posts.authorId}`)
    .where(sql`${posts.kind} = 'question' and u.role = 'employee' and ${posts.deletedAt} is null and ${posts.hiddenAt} is null`)
    .orderBy(sql`md5(${posts.id})`)
    .limit(count);
  return rows;
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

runBench(
  `Routing a new question: ${formatCount(questions)} questions, ~${formatCount(questions * 3)} answers, on PostgreSQL`,
  "the routing decision a small multiple of a primary-key lookup; p50/p95/p99 reported",
  async () => {
    requirePostgres("bench:routing");
    const { url, seed } = await seededDatabase("routing", { questions, answersPerQuestion: 3, log: (line) => console.log(`  seed: ${line}`) });
    console.log(`Seeded ${formatCount(seed.rows.questions)} questions and ${formatCount(seed.rows.answers)} answers.`);
    const guilde = await openGuilde(parseConfig({ DATABASE_URL: url, LOG_LEVEL: "error", DEMO_DATA: "false", NODE_ENV: "production" }));
    try {
      const monitors = await appointMonitors(guilde);
      console.log("\nMonitors per community (active), with declared topics, with an accepted answer in it:");
      for (const row of monitors) console.log(`  ${row.slug.padEnd(20)} ${row.monitors} monitors, ${row.with_topics} with topics, ${row.with_accepted_answers} with accepted answers`);

      const sample = await sampleQuestions(guilde, 2 * routed + warmUp);
      const tagSets = new Set(sample.map(({ post }) => [...post.tags].sort().join(",")));
      const untagged = sample.filter(({ post }) => post.tags.length === 0).length;
      console.log(`\n${routed} routing decisions and ${routed} questions asked (after ${warmUp} decisions for warm-up): ${tagSets.size} distinct tag sets, ${untagged} without tags.\n`);
      const { firstWaveSize } = guilde.config.routing;
      const lookUp = (id: string) => guilde.db.select().from(posts).where(eq(posts.id, id));
      const decide = (post: Post) => guilde.db.transaction((tx) => chooseFirstWave(tx, { post, firstWaveSize }));
      const ask = ({ post, asker }: (typeof sample)[number]) =>
        askQuestion(guilde, { viewer: asker, communityId: post.communityId, input: { title: post.title, body: post.body, tags: post.tags } });

      for (const entry of sample.slice(0, warmUp)) {
        await lookUp(entry.post.id);
        await decide(entry.post);
      }
      // The questions asked are others than those decided on, so that an ask never finds its decision's rows in the cache.
      const measured = sample.slice(warmUp, warmUp + routed);
      const asked = sample.slice(warmUp + routed);
      const primaryKey: number[] = [];
      const primaryKeyInTransaction: number[] = [];
      const decision: number[] = [];
      const audiences = new Map<string, number>();
      let recipients = 0;
      const asking: number[] = [];
      let held = 0;
      // Interleaved, so that no series runs on caches another series warmed (or on a machine another load slowed).
      for (const [n, entry] of measured.entries()) {
        primaryKey.push(await time(() => lookUp(entry.post.id)));
        primaryKeyInTransaction.push(await time(() => guilde.db.transaction((tx) => tx.select().from(posts).where(eq(posts.id, entry.post.id)))));
        const started = performance.now();
        const wave = await decide(entry.post);
        decision.push(performance.now() - started);
        audiences.set(wave.audience, (audiences.get(wave.audience) ?? 0) + 1);
        recipients += wave.recipientIds.length;
        const askStarted = performance.now();
        const result = await ask(asked[n]);
        asking.push(performance.now() - askStarted);
        if (result.held) held++;
      }
      if (held > 0) throw new Error(`${held} questions were held for approval: they were not routed, the figures would not measure routing.`);
      const [{ steps }] = resultRows<{ steps: number }>(
        await guilde.db.execute(sql`select count(distinct question_id)::int as steps from question_routing_steps where wave = 1 and done_at is not null`),
      );
      if (steps !== asked.length) throw new Error(`${steps} of ${asked.length} asked questions have a first routing step.`);

      const baseline = percentile(primaryKey, 0.5);
      const row = (name: string, values: number[]) => [
        name,
        String(values.length),
        ...[0.5, 0.95, 0.99].map((fraction) => `${percentile(values, fraction).toFixed(2)} ms`),
        `×${formatRatio(percentile(values, 0.5) / baseline)}`,
      ];
      printTable(
        ["", "runs", "p50", "p95", "p99", "p50 vs baseline"],
        [
          row("baseline: primary-key lookup", primaryKey),
          row("primary-key lookup in a transaction", primaryKeyInTransaction),
          row("chooseFirstWave in a transaction", decision),
          row("askQuestion, whole call", asking),
        ],
        38,
        16,
      );
      const audienceSummary = [...audiences].map(([audience, count]) => `${count} to ${audience.replace("_", " ")}`).join(", ");
      console.log(`\nDecisions: ${audienceSummary}; ${(recipients / measured.length).toFixed(1)} recipients on average (first wave at most ${firstWaveSize}).`);
      console.log(
        "'chooseFirstWave' scores every active monitor of the community against the question's tags (declared topics, and up to 20" +
          "\naccepted or upvoted answers on those tags each) and orders them. 'askQuestion' adds the question, its follow, the first" +
          "\nwave's notifications, the routing record and escalation job, the search and webhook outbox rows, and the commit.",
      );
    } finally {
      await guilde.database.close();
    }
  },
);
