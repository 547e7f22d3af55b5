/**
 * Weekly digests for 10,000 people, on PostgreSQL: 100,000 questions over a year (bench/seed-bulk.ts),
 * its 200 people joined by readers up to 10,000 (one in twenty a customer, in the open community only;
 * employees in two or three communities, one membership in twenty-five as a monitor of two of its themes),
 * who asked the questions of the last fortnight. One `sendDigests` run with an in-memory mailer: people
 * per second and milliseconds per person, against two same-run baselines: one primary-key lookup per
 * person, and building each digest without claiming, rendering or sending it. A second run in the same
 * week must find nothing left to send.
 *
 *   npm run bench:digests                      (BENCH_QUESTIONS=20000 BENCH_READERS=2000 for a quicker run)
 */
import { asc, eq, sql } from "drizzle-orm";
import { resultRows } from "../db/client";
import { digests, users } from "../db/schema";
import { parseConfig } from "../server/config";
import type { Guilde } from "../server/context";
import { buildDigest, digestItemCount } from "../server/digests/build-digest";
import { periodLengthMs } from "../server/digests/period";
import { sendDigests } from "../server/digests/send-digests";
import { openGuilde } from "../server/guilde";
import type { MailMessage } from "../server/mail/send-mail";
import { formatCount, formatRatio, printTable, requirePostgres, runBench, scratchFolder, seededDatabase } from "./support";

const questions = Number(process.env.BENCH_QUESTIONS ?? 100_000);
const readersWanted = Number(process.env.BENCH_READERS ?? 10_000);
const readerDomain = "digests.bench.guilde.test";

/** Readers up to `readersWanted` people, their memberships, and the last fortnight's questions as theirs. */
async function addReaders(guilde: Guilde) {
  const [{ existing }] = resultRows<{ existing: number }>(await guilde.db.execute(sql`select count(*)::int as existing from users`));
  const extra = readersWanted - existing;
  if (extra <= 0) throw new Error(`The seed already has ${existing} people: BENCH_READERS must be above that.`);
  await guilde.db.execute(sql`
    with site_ids as (select array_agg(id order by name) as ids from sites)
    insert into users (id, email, display_name, handle, role, site_id, locale, title)
    select translate(left(md5('digest-reader/' || k), 16), '0189', 'wxyz'),
      'reader' || k || '@' || ${readerDomain}, 'Reader ' || k, 'reader' || k || '.digests',
      (case when k % 20 = 0 then 'customer' else 'employee' end)::user_role,
      s.ids[1 + k % cardinality(s.ids)],
      (case when k % 2 = 0 then 'fr' else 'en' end)::locale,
      'Bench reader'
    from generate_series(1, ${extra}) as k, site_ids s`);
  await guilde.db.execute(sql`
    with readers as (
      select id, role, substring(email from '^reader(\\d+)@')::int as k from users where email like ${`%@${readerDomain}`}
    ), numbered as (
      select id, visibility, themes, row_number() over (order by slug)::int as no from communities
    )
    insert into community_members (community_id, user_id, role, status, monitor_topics, monitor_since, joined_at)
    select c.id, r.id,
      (case when monitor then 'monitor' else 'member' end)::community_role,
      'active',
      case when monitor then array[c.themes[1 + r.k % cardinality(c.themes)], c.themes[1 + (r.k + 1) % cardinality(c.themes)]] else '{}'::text[] end,
      case when monitor then now() - interval '90 days' end,
      now() - interval '200 days'
    from readers r
    join numbered c on (r.role = 'customer' and c.visibility = 'open') or (r.role = 'employee' and (r.k + c.no) % 4 <> 0)
    cross join lateral (select r.role = 'employee' and cardinality(c.themes) > 0 and (r.k + c.no) % 25 = 0 as monitor) as m`);
  // The last fortnight's questions change askers, so that readers have answers to their own questions in their digest.
  await guilde.db.execute(sql`
    with recent as (
      select id, community_id, row_number() over (order by id) as n from posts
      where kind = 'question' and created_at > now() - interval '14 days'
    ), askers as (
      select m.community_id, m.user_id, u.site_id,
        row_number() over (partition by m.community_id order by m.user_id) as n, count(*) over (partition by m.community_id) as total
      from community_members m join users u on u.id = m.user_id
      where u.email like ${`%@${readerDomain}`} and m.status = 'active'
    )
    update posts p set author_id = a.user_id, origin_site_id = a.site_id
    from recent r join askers a on a.community_id = r.community_id and a.n = 1 + r.n % a.total
    where p.id = r.id`);
  await guilde.db.execute(sql`
    insert into follows (user_id, post_id)
    select author_id, id from posts where kind = 'question' and created_at > now() - interval '14 days'
    on conflict do nothing`);
  await guilde.db.execute(sql`analyze`);
  return resultRows<{ people: number; customers: number; memberships: number; monitors: number; week_questions: number; week_unanswered: number }>(
    await guilde.db.execute(sql`
      select (select count(*)::int from users) as people,
        (select count(*)::int from users where role = 'customer') as customers,
        (select count(*)::int from community_members where status = 'active') as memberships,
        (select count(*)::int from community_members where role = 'monitor') as monitors,
        (select count(*)::int from posts where kind = 'question' and created_at > now() - interval '7 days') as week_questions,
        (select count(*)::int from posts where kind = 'question' and answer_count = 0 and created_at > now() - interval '7 days') as week_unanswered`),
  )[0];
}

async function seconds(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return (performance.now() - started) / 1000;
}

runBench(
  `Weekly digests for ${formatCount(readersWanted)} people: ${formatCount(questions)} questions, ~${formatCount(questions * 3)} answers, on PostgreSQL`,
  "users/s and ms per person reported, against a primary-key lookup per person and building the digests alone",
  async () => {
    requirePostgres("bench:digests");
    const { url, seed } = await seededDatabase("digests", { questions, answersPerQuestion: 3, log: (line) => console.log(`  seed: ${line}`) });
    console.log(`Seeded ${formatCount(seed.rows.questions)} questions and ${formatCount(seed.rows.answers)} answers.`);
    const guilde = await openGuilde(
      parseConfig({
        DATABASE_URL: url,
        DATA_DIR: scratchFolder("digests"),
        DIGEST_SECRET: "bench-digest-secret-of-at-least-32-characters",
        LOG_LEVEL: "error",
        DEMO_DATA: "false",
        NODE_ENV: "production",
      }),
    );
    try {
      const population = await addReaders(guilde);
      console.log(
        `\n${formatCount(population.people)} people (${formatCount(population.customers)} customers), ${formatCount(population.memberships)} active memberships, ` +
          `${formatCount(population.monitors)} monitors; this week: ${formatCount(population.week_questions)} questions, ${formatCount(population.week_unanswered)} unanswered.\n`,
      );
      const now = new Date();
      const since = new Date(now.getTime() - periodLengthMs.weekly);
      const readers = await guilde.db
        .select({ id: users.id, role: users.role, siteId: users.siteId })
        .from(users)
        .where(eq(users.digestFrequency, "weekly"))
        .orderBy(asc(users.id));
      if (readers.length !== readersWanted) throw new Error(`${readers.length} people get a weekly digest, ${readersWanted} expected.`);

      const lookups = await seconds(async () => {
        for (const reader of readers) await guilde.db.select().from(users).where(eq(users.id, reader.id));
      });
      let builtItems = 0;
      const building = await seconds(async () => {
        for (const reader of readers) builtItems += digestItemCount(await buildDigest(guilde.db, { viewer: reader, since, until: now }));
      });
      const delivered: MailMessage[] = [];
      let sending = 0;
      const run = await (async () => {
        const started = performance.now();
        const result = await sendDigests(guilde, { cadence: "weekly", now, deliver: async (message) => void delivered.push(message) });
        sending = (performance.now() - started) / 1000;
        return result;
      })();
      let again = { sent: 0, empty: 0, failed: 0 };
      const rerun = await seconds(async () => {
        again = await sendDigests(guilde, { cadence: "weekly", now, deliver: async (message) => void delivered.push(message) });
      });

      if (run.sent + run.empty !== readers.length || run.failed > 0) throw new Error(`The run gave ${JSON.stringify(run)} for ${readers.length} people.`);
      if (again.sent + again.empty + again.failed > 0) throw new Error(`A second run in the same week did something: ${JSON.stringify(again)}.`);
      if (delivered.length !== run.sent) throw new Error(`${delivered.length} messages delivered for ${run.sent} digests sent.`);
      const [{ items, customer_digests: customerDigests, settled }] = resultRows<{ items: number; customer_digests: number; settled: number }>(
        await guilde.db.execute(sql`
          select coalesce(sum(d.item_count) filter (where d.status = 'sent'), 0)::int as items,
            count(*) filter (where d.status = 'sent' and u.role = 'customer')::int as customer_digests,
            count(*) filter (where d.status in ('sent', 'empty'))::int as settled
          from ${digests} d join ${users} u on u.id = d.user_id`),
      );
      if (settled !== readers.length) throw new Error(`${settled} digest rows are sent or empty, ${readers.length} expected.`);

      const per = (total: number) => [`${formatCount(readers.length / total)}`, `${((1000 * total) / readers.length).toFixed(2)} ms`];
      const baseline = lookups / readers.length;
      printTable(
        ["", "seconds", "people/s", "per person", "vs baseline"],
        [
          ["baseline: one primary-key lookup each", lookups.toFixed(1), ...per(lookups), "×1.000"],
          ["building each digest, nothing sent", building.toFixed(1), ...per(building), `×${formatRatio(building / readers.length / baseline)}`],
          ["sendDigests, in-memory mailer", sending.toFixed(1), ...per(sending), `×${formatRatio(sending / readers.length / baseline)}`],
          ["sendDigests again, same week", rerun.toFixed(2), ...per(rerun), `×${formatRatio(rerun / readers.length / baseline)}`],
        ],
        40,
        13,
      );
      const bytes = delivered.reduce((total, message) => total + message.text.length + (message.html?.length ?? 0), 0);
      console.log(
        `\n${formatCount(run.sent)} digests sent (${formatCount(customerDigests)} to customers), ${formatCount(run.empty)} empty; ` +
          `${(items / Math.max(run.sent, 1)).toFixed(1)} items per digest sent (the build-only pass counted ${formatCount(builtItems)} items in all, the run ${formatCount(items)}); ` +
          `${(bytes / Math.max(run.sent, 1) / 1024).toFixed(1)} KiB of text and HTML each.` +
          "\n'building' is buildDigest alone (its five policy-scoped queries). 'sendDigests' adds, per person, the last digest's end," +
          "\nthe claim row (committed before sending), the e-mail's rendering with its signed unsubscribe link, and the status update.",
      );
    } finally {
      await guilde.database.close();
    }
  },
);
