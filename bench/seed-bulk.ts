/**
 * Bulk seeding for the benchmarks: sites, people, communities with members and monitors, then N
 * questions and their answers, votes and follows, written by a few set-based statements in one
 * transaction. Texts are real Stack Exchange posts from ../shared/data (CC BY-SA), cycled; each body
 * ends with its attribution.
 *
 *   DATABASE_URL=postgres://… npm run seed:bulk -- --questions 100000 --answers-per-question 3
 *   DATA_DIR=data npm run seed:bulk -- --questions 10000        (PGlite, in DATA_DIR/pglite like Guilde)
 *
 * Questions are spread over the last year and over four communities (one per source site); each has
 * from 0 to 2×M answers (M on average, so about one in 2M+1 is unanswered), about 40% have an accepted
 * answer, a few are pinned. The first question has exactly 20 answers, for the question page benchmarks.
 * Every denormalised column is consistent with the rows it summarises: posts.answer_count with the
 * answers, score with the votes, accepted_answer_id with an answer of the question, last_activity_at
 * with the latest answer, origin_site_id with the author's site. Askers follow their questions and are
 * notified of each answer (notifications older than a month are read). The search index is not filled.
 * Seeding again adds questions to the same people and communities. The load drops and rebuilds the
 * tables' indexes: a Guilde running on the same database waits for it (and it for Guilde).
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { sql, type SQL } from "drizzle-orm";
import { openDatabase, resultRows, type DatabaseHandle, type Transaction } from "../db/client";
import { newId } from "../db/ids";
import { communities, communityMembers, sites, users, type CommunityRole, type CommunityVisibility, type UserRole } from "../db/schema";
import { hashPassword } from "../server/auth/passwords";
import { parseConfig } from "../server/config";
import { markdownToPlainText, renderMarkdown } from "../server/content/markdown";
import { projectRoot } from "../server/paths";
import { answerSchema, questionSchema } from "../server/questions/schemas";

/** Every seeded person signs in with this password. */
export const bulkPassword = "guilde-bench";

/** An employee who is a plain member of every seeded community: the viewer the benchmarks sign in as. */
export const bulkReader = { email: "alice.bernard@bench.guilde.test", password: bulkPassword };

const sampleDataFolder = process.env.SAMPLE_DATA_DIR ?? path.join(projectRoot, "..", "shared", "data");

const bulkSites = [
  { name: "Marseille Vieux-Port", city: "Marseille", kind: "store" },
  { name: "Toulouse Capitole", city: "Toulouse", kind: "store" },
  { name: "Strasbourg Kléber", city: "Strasbourg", kind: "store" },
  { name: "Rennes Colombier", city: "Rennes", kind: "store" },
  { name: "Grenoble Grand'Place", city: "Grenoble", kind: "store" },
  { name: "Entrepôt Lauwin-Planque", city: "Lauwin-Planque", kind: "warehouse" },
  { name: "Atelier Tourcoing", city: "Tourcoing", kind: "plant" },
  { name: "Campus Lille", city: "Lille", kind: "office" },
] as const;

const firstNames = ["Alice", "Bruno", "Chloé", "David", "Élise", "Farid", "Gaëlle", "Henri", "Inès", "Jules", "Katia", "Louis", "Maëva", "Nicolas", "Océane", "Pierre", "Quentin", "Rose", "Samir", "Tiphaine"];
const lastNames = ["Bernard", "Dupont", "Lefèvre", "Moreau", "Girard", "Bonnet", "Mercier", "Faure", "Rousseau", "Blanc"];
const peopleCount = firstNames.length * lastNames.length;

/** One community per source site, so that a community's questions are about one subject. */
const bulkCommunities: { slug: string; name: string; source: string; visibility: CommunityVisibility; color: string }[] = [
  { slug: "cycling", name: "Cycling", source: "bicycles-meta", visibility: "internal", color: "#1d5fbf" },
  { slug: "quantum-computing", name: "Quantum computing", source: "quantumcomputing", visibility: "internal", color: "#6d28d9" },
  { slug: "francais", name: "Français", source: "french-meta", visibility: "open", color: "#b91c1c" },
  { slug: "english-usage", name: "English usage", source: "english", visibility: "private", color: "#047857" },
];

export interface BulkSeedOptions {
  questions: number;
  answersPerQuestion: number;
  log?: (line: string) => void;
}

export interface BulkSeedResult {
  communities: { id: string; slug: string }[];
  /** In the first community, with exactly 20 answers: the question page the benchmarks measure. */
  pageQuestionId: string;
  /** In the first community, another question: the benchmarks post answers to it. */
  answerTargetQuestionId: string;
  rows: { questions: number; answers: number; votes: number; follows: number; notifications: number };
  /** Seconds for the questions and answers (with their votes and follows), texts excluded. */
  writeSeconds: number;
  totalSeconds: number;
}

interface QuestionText {
  source: string;
  title: string;
  body: string;
  bodyHtml: string;
  tags: string[];
}

interface AnswerText {
  body: string;
  bodyHtml: string;
  /** What a notification about the answer quotes. */
  excerpt: string;
}

interface SourceRecord {
  title?: string;
  body_markdown_or_text?: string;
  body?: string;
  tags?: string[];
  url: string;
  author: string | null;
  author_url: string | null;
  license: string | null;
}

/** The licence asks every copy to credit the post and its author. */
function withAttribution(body: string, record: SourceRecord): string {
  const name = record.author?.replace(/[[\]\\*_`]/g, "\\$&");
  const author = name ? (record.author_url ? ` by [${name}](${record.author_url})` : ` by ${name}`) : "";
  return `${body.trim()}\n\n---\n\n_From [Stack Exchange](${record.url})${author}, ${record.license ?? "CC BY-SA"}._`;
}

function readJsonLines(file: string): SourceRecord[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as SourceRecord);
}

/** The sample answers' bodies that Guilde's answer form accepts, with their attribution. */
export function sampleAnswerBodies(): string[] {
  const bodies: string[] = [];
  for (const { source } of bulkCommunities) {
    for (const record of readJsonLines(path.join(sampleDataFolder, source, "answers.jsonl"))) {
      const parsed = answerSchema.safeParse({ body: withAttribution(record.body ?? "", record) });
      if (parsed.success) bodies.push(parsed.data.body);
    }
  }
  if (bodies.length === 0) throw new Error(`No sample answers in ${sampleDataFolder}.`);
  return bodies;
}

/** The sample texts Guilde would accept from its own forms, rendered once each. */
export function loadSampleTexts(): { questions: QuestionText[]; answers: AnswerText[] } {
  const questions: QuestionText[] = [];
  for (const { source } of bulkCommunities) {
    for (const record of readJsonLines(path.join(sampleDataFolder, source, "questions.jsonl"))) {
      const parsed = questionSchema.safeParse({
        title: record.title,
        body: withAttribution(record.body_markdown_or_text ?? "", record),
        tags: (record.tags ?? []).slice(0, 5),
      });
      if (parsed.success) questions.push({ source, ...parsed.data, bodyHtml: renderMarkdown(parsed.data.body) });
    }
    if (!questions.some((text) => text.source === source)) throw new Error(`No sample questions for ${source} in ${sampleDataFolder}.`);
  }
  const answers = sampleAnswerBodies().map((body) => ({ body, bodyHtml: renderMarkdown(body), excerpt: markdownToPlainText(body, 160) }));
  return { questions, answers };
}

interface Person {
  index: number;
  email: string;
  displayName: string;
  handle: string;
  role: UserRole;
  site: number;
}

function bulkPeople(): Person[] {
  return Array.from({ length: peopleCount }, (_, index) => {
    const first = firstNames[index % firstNames.length];
    const last = lastNames[Math.floor(index / firstNames.length)];
    const local = `${first}.${last}`
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
    return {
      index,
      email: `${local}@bench.guilde.test`,
      displayName: `${first} ${last}`,
      handle: local,
      // One admin, one customer in ten (they only join the open community), employees otherwise.
      role: index === 199 ? "admin" : index % 10 === 9 ? "customer" : "employee",
      site: index % bulkSites.length,
    };
  });
}

interface Membership {
  person: Person;
  role: CommunityRole;
  status: "active" | "pending";
}

/** About two thirds of the employees in each community, a moderator, three monitors; the reader everywhere. */
function membersOf(communityIndex: number, people: Person[]): Membership[] {
  const { visibility } = bulkCommunities[communityIndex];
  const members: Membership[] = [];
  for (const person of people) {
    const isReader = person.email === bulkReader.email;
    if (person.role === "customer" && visibility !== "open") continue;
    if (!isReader && (person.index + communityIndex) % 3 === 0) continue;
    const pending = visibility === "private" && !isReader && person.index % 17 === 0;
    members.push({ person, role: "member", status: pending ? "pending" : "active" });
  }
  const staff = members.filter((member) => member.status === "active" && member.person.role === "employee" && member.person.email !== bulkReader.email);
  staff[0].role = "moderator";
  for (const monitor of staff.slice(1, 4)) monitor.role = "monitor";
  return members;
}

function mostCommonTags(texts: QuestionText[], source: string, count: number): string[] {
  const frequency = new Map<string, number>();
  for (const text of texts) if (text.source === source) for (const tag of text.tags) frequency.set(tag, (frequency.get(tag) ?? 0) + 1);
  return [...frequency.entries()].sort((a, b) => b[1] - a[1]).slice(0, count).map(([tag]) => tag);
}

/**
 * Sites, people and communities: inserted when missing, looked up otherwise, so that seeding twice
 * adds questions to the same communities.
 */
async function seedPeopleAndCommunities(tx: Transaction, texts: QuestionText[]) {
  await tx
    .insert(sites)
    .values(bulkSites.map((site) => ({ id: newId(), ...site })))
    .onConflictDoNothing();
  const siteRows = await tx.select({ id: sites.id, name: sites.name }).from(sites);
  const siteIds = bulkSites.map((site) => siteRows.find((row) => row.name === site.name)!.id);

  const people = bulkPeople();
  const passwordHash = await hashPassword(bulkPassword);
  await tx
    .insert(users)
    .values(
      people.map((person) => ({
        id: newId(),
        email: person.email,
        displayName: person.displayName,
        handle: person.handle,
        passwordHash,
        role: person.role,
        siteId: siteIds[person.site],
        title: person.role === "customer" ? "" : "Bench account",
        locale: person.index % 2 === 0 ? ("fr" as const) : ("en" as const),
      })),
    )
    .onConflictDoNothing();
  const userRows = await tx.select({ id: users.id, email: users.email, siteId: users.siteId }).from(users);
  const userByEmail = new Map(userRows.map((row) => [row.email, row]));

  const seeded: { id: string; slug: string; source: string; posters: { userId: string; siteId: string | null }[] }[] = [];
  for (const [communityIndex, community] of bulkCommunities.entries()) {
    const themes = mostCommonTags(texts, community.source, 6);
    await tx
      .insert(communities)
      .values({
        id: newId(),
        slug: community.slug,
        name: community.name,
        description: `Benchmark community: questions and answers from ${community.source} on Stack Exchange (CC BY-SA).`,
        themes,
        color: community.color,
        visibility: community.visibility,
        createdById: userByEmail.get(people[199].email)!.id,
        createdAt: new Date(Date.now() - 400 * 86_400_000),
      })
      .onConflictDoNothing();
    const [{ id }] = resultRows<{ id: string }>(await tx.execute(sql`select id from ${communities} where slug = ${community.slug}`));
    const members = membersOf(communityIndex, people);
    await tx
      .insert(communityMembers)
      .values(
        members.map(({ person, role, status }) => ({
          communityId: id,
          userId: userByEmail.get(person.email)!.id,
          role,
          status,
          monitorTopics: role === "monitor" ? themes.slice(0, 3) : [],
          monitorSince: role === "monitor" ? new Date(Date.now() - 200 * 86_400_000) : null,
          joinedAt: new Date(Date.now() - 380 * 86_400_000),
        })),
      )
      .onConflictDoNothing();
    const posters = members
      .filter((member) => member.status === "active")
      .map(({ person }) => ({ userId: userByEmail.get(person.email)!.id, siteId: userByEmail.get(person.email)!.siteId }));
    seeded.push({ id, slug: community.slug, source: community.source, posters });
  }
  return seeded;
}

/** A 16-character id in newId()'s alphabet (a–z, 2–7) from an md5: md5's 0, 1, 8, 9 become w, x, y, z. */
const idFrom = (input: SQL) => sql`translate(left(md5(${input}), 16), '0189', 'wxyz')`;

/** An answer's id follows from its question's and its rank, so that every statement can name it without a lookup. */
const answerIdOf = (questionId: SQL, rank: SQL) => idFrom(sql`${questionId} || '/' || ${rank}`);

/** Scores drawn from a small table: mostly 0 and 1, a few high, a few negative. */
const scoreTable = sql`(array[0, 0, 0, 0, 1, 1, 1, 2, 3, 5, -1, 0, 1, 2, 0, -2])`;

/** Answers of the planned questions, one row per answer: the answers, votes, follows and notifications all read it. */
const plannedAnswers = (answerTextCount: number) => sql`
  select b.id as question_id, b.community_no, k,
    ${answerIdOf(sql`b.id`, sql`k`)} as id,
    -- Answerers are distinct from each other and from the asker.
    (b.author_k + 1 + (b.seed + k) % (c.poster_count - 1)) % c.poster_count as answerer_k,
    b.created_at + (b.last_activity_at - b.created_at) * k / b.answer_count as created_at,
    ${scoreTable}[1 + (b.seed + 7 * k) % 16] + case when k = b.accepted_k then 2 else 0 end as score,
    1 + (b.seed + 31 * k) % ${answerTextCount} as text_k
  from bulk_plan b
  join bulk_communities c on c.no = b.community_no
  cross join generate_series(1, b.answer_count) as k`;

export async function seedBulk(database: DatabaseHandle, { questions, answersPerQuestion, log = console.log }: BulkSeedOptions): Promise<BulkSeedResult> {
  if (!Number.isInteger(questions) || questions < 10) throw new Error("--questions must be an integer of at least 10.");
  if (!Number.isInteger(answersPerQuestion) || answersPerQuestion < 0 || answersPerQuestion > 20) {
    throw new Error("--answers-per-question must be an integer from 0 to 20.");
  }
  const started = performance.now();
  const texts = loadSampleTexts();
  log(`Sample texts read and rendered: ${texts.questions.length} questions, ${texts.answers.length} answers (${seconds(started)} s)`);

  const result = await database.db.transaction(async (tx) => {
    const seededCommunities = await seedPeopleAndCommunities(tx, texts.questions);
    await bulkLoadSettings(tx, database.kind);
    const writeStarted = performance.now();
    await stageTexts(tx, texts, seededCommunities);
    const phase = timer(log);
    const answers = plannedAnswers(texts.answers.length);

    // The plan: one row per question with everything its answers, votes and follows derive from.
    // Answer counts run from 0 to 2×M (M on average); n = 1 has exactly 20 answers, n = 3… are pinned.
    const answeredShare = answersPerQuestion === 0 ? 1 : (2 * answersPerQuestion) / (2 * answersPerQuestion + 1);
    const pinnedCount = 2 * seededCommunities.length;
    await tx.execute(sql`
      create temp table bulk_plan on commit drop as
      with drawn as materialized (
        select n,
          case when n <= 2 then 1 when n <= ${2 + pinnedCount} then 1 + (n - 3) % ${seededCommunities.length}
               else 1 + floor(random() * ${seededCommunities.length})::int end as community_no,
          case when n = 1 then 20 when n = 2 then ${answersPerQuestion}
               else floor(random() * ${2 * answersPerQuestion + 1})::int end as answer_count,
          now() - interval '365 days' * random() as created_at,
          -- The first two questions are the same in every database (texts, people, scores), so that
          -- figures compare across sizes and runs.
          case when n <= 2 then 0 else random() end as author_draw, random() as activity_draw, random() as accept_draw,
          random() as rank_draw, case when n <= 2 then 0 else floor(random() * 1000000)::int end as seed
        from generate_series(1, ${questions}) as n
      )
      select d.n, ${idFrom(sql`random()::text || '/' || d.n`)} as id, d.community_no, c.id as community_id, c.source,
        floor(d.author_draw * c.poster_count)::int as author_k, d.answer_count, d.created_at, d.seed,
        case when d.answer_count = 0 then d.created_at
             else d.created_at + (now() - d.created_at) * power(d.activity_draw, 3) end as last_activity_at,
        case when d.n = 1 then 1 + d.seed % 20
             when d.answer_count > 0 and d.accept_draw < ${0.4 / answeredShare} then 1 + floor(d.rank_draw * d.answer_count)::int end as accepted_k,
        case when d.n = 1 then 5 else ${scoreTable}[1 + d.seed % 16] end as score,
        case when d.n between 3 and ${2 + pinnedCount} then d.created_at end as pinned_at,
        1 + d.seed % c.question_text_count as text_k
      from drawn d join bulk_communities c on c.no = d.community_no
      order by d.created_at`);

    const loaded = await withoutSecondaryIndexesAndForeignKeys(tx, ["posts", "replies", "votes", "follows", "notifications"], log, async () => {
      const questionRows = await phase("questions", tx, sql`
        insert into posts (id, kind, community_id, author_id, origin_site_id, title, body, body_html, tags, score,
          answer_count, accepted_answer_id, pinned_at, created_at, last_activity_at)
        select b.id, 'question', b.community_id, p.user_id, p.site_id, t.title, t.body, t.body_html, t.tags, b.score,
          b.answer_count, case when b.accepted_k is not null then ${answerIdOf(sql`b.id`, sql`b.accepted_k`)} end,
          b.pinned_at, b.created_at, b.last_activity_at
        -- bulk_plan is stored by date and hash joins keep its order: rows land by date, as they would in use.
        from bulk_plan b
        join bulk_posters p on p.community_no = b.community_no and p.k = b.author_k
        join bulk_question_texts t on t.source = b.source and t.k = b.text_k`);

      const answerRows = await phase("answers", tx, sql`
        insert into replies (id, post_id, kind, author_id, origin_site_id, body, body_html, score, created_at)
        select a.id, a.question_id, 'answer', p.user_id, p.site_id, t.body, t.body_html, a.score, a.created_at
        -- Sorted before the joins, which keep the order: a narrow sort, and rows land by date.
        from (select * from (${answers}) planned order by created_at) a
        join bulk_posters p on p.community_no = a.community_no and p.k = a.answerer_k
        join bulk_answer_texts t on t.k = a.text_k`);

      // |score| votes of sign(score) each, from the posters after the author in the community's
      // list: never the author, never twice the same person.
      const voteRows = await phase("votes", tx, sql`
        insert into votes (user_id, target_id, value, created_at)
        select p.user_id, target.id, sign(target.score)::smallint, least(now(), target.created_at + interval '1 hour' * j)
        from (
          select id, community_no, author_k as voted_k, score, created_at from bulk_plan where score <> 0
          union all
          select id, community_no, answerer_k, score, created_at from (${answers}) a where score <> 0
        ) target
        join bulk_communities c on c.no = target.community_no
        cross join generate_series(1, abs(target.score)) as j
        join bulk_posters p on p.community_no = target.community_no and p.k = (target.voted_k + j) % c.poster_count`);

      // The asker and each answerer follow the question, as askQuestion and answerQuestion do.
      const followRows = await phase("follows", tx, sql`
        insert into follows (user_id, post_id, created_at)
        select p.user_id, f.question_id, f.created_at
        from (
          select id as question_id, community_no, author_k as follower_k, created_at from bulk_plan
          union all
          select question_id, community_no, answerer_k, created_at from (${answers}) a
        ) f
        join bulk_posters p on p.community_no = f.community_no and p.k = f.follower_k`);

      // The asker is told of each answer, as answerQuestion does; what is older than a month has been read.
      const notificationRows = await phase("notifications", tx, sql`
        insert into notifications (id, user_id, kind, actor_id, community_id, post_id, reply_id, summary, created_at, read_at)
        select ${idFrom(sql`a.id || '/notification'`)}, asker.user_id, 'answer_on_followed', answerer.user_id, b.community_id, b.id, a.id,
          jsonb_build_object('title', q.title, 'excerpt', t.excerpt), a.created_at,
          case when a.created_at < now() - interval '30 days' then a.created_at + interval '1 day' end
        from (${answers}) a
        join bulk_plan b on b.id = a.question_id
        join bulk_posters asker on asker.community_no = b.community_no and asker.k = b.author_k
        join bulk_posters answerer on answerer.community_no = a.community_no and answerer.k = a.answerer_k
        join bulk_question_texts q on q.source = b.source and q.k = b.text_k
        join bulk_answer_texts t on t.k = a.text_k`);
      return { questions: questionRows, answers: answerRows, votes: voteRows, follows: followRows, notifications: notificationRows };
    });

    const [special] = resultRows<{ page: string; target: string }>(
      await tx.execute(sql`select max(id) filter (where n = 1) as page, max(id) filter (where n = 2) as target from bulk_plan`),
    );
    return {
      communities: seededCommunities.map(({ id, slug }) => ({ id, slug })),
      pageQuestionId: special.page,
      answerTargetQuestionId: special.target,
      rows: loaded,
      writeSeconds: (performance.now() - writeStarted) / 1000,
    };
  });

  const analyzeStarted = performance.now();
  await database.db.execute(sql`analyze`);
  log(`${"analyze".padEnd(14)}${"".padStart(12)}${seconds(analyzeStarted).padStart(10)} s`);
  return { ...result, totalSeconds: (performance.now() - started) / 1000 };
}

/** For this transaction only: no JIT (it costs more than it saves on these statements), memory for sorts and index builds. */
async function bulkLoadSettings(tx: Transaction, kind: DatabaseHandle["kind"]) {
  await tx.execute(sql`set local jit = off`);
  // PGlite's WebAssembly heap is small; PostgreSQL gets room to sort in memory.
  if (kind === "pglite") return;
  await tx.execute(sql`set local work_mem = '256MB'`);
  await tx.execute(sql`set local maintenance_work_mem = '512MB'`);
  // lz4 compresses the long bodies several times faster than pglz, where the server has it.
  const [setting] = resultRows<{ lz4: boolean }>(
    await tx.execute(sql`select 'lz4' = any(enumvals) as lz4 from pg_settings where name = 'default_toast_compression'`),
  );
  if (setting?.lz4) await tx.execute(sql`set local default_toast_compression = lz4`);
}

/**
 * Loads with the tables' secondary indexes and foreign keys dropped, then puts them back as they were
 * (read from the catalog, so whatever the migrations define): building an index once and checking a
 * foreign key with one join are several times faster than doing both row by row, as PostgreSQL's
 * "Populating a Database" advises. Integrity is still checked, when the keys are added back.
 */
async function withoutSecondaryIndexesAndForeignKeys<T>(tx: Transaction, tables: string[], log: (line: string) => void, load: () => Promise<T>): Promise<T> {
  const tableList = sql`${sql.param(tables)}::text[]`;
  const indexes = resultRows<{ name: string; definition: string }>(
    await tx.execute(sql`
      select indexname as name, indexdef as definition from pg_indexes
      where schemaname = current_schema() and tablename = any(${tableList})
        and indexname not in (select conname from pg_constraint where contype in ('p', 'u', 'x'))`),
  );
  const foreignKeys = resultRows<{ table: string; name: string; definition: string }>(
    await tx.execute(sql`
      select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
      where contype = 'f' and conrelid::regclass::text = any(${tableList})`),
  );
  const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
  for (const key of foreignKeys) await tx.execute(sql.raw(`alter table ${quoted(key.table)} drop constraint ${quoted(key.name)}`));
  for (const index of indexes) await tx.execute(sql.raw(`drop index ${quoted(index.name)}`));
  const result = await load();
  const started = performance.now();
  for (const index of indexes) await tx.execute(sql.raw(index.definition));
  log(`${"indexes".padEnd(14)}${String(indexes.length).padStart(12)}${seconds(started).padStart(10)} s`);
  const keysStarted = performance.now();
  for (const key of foreignKeys) await tx.execute(sql.raw(`alter table ${quoted(key.table)} add constraint ${quoted(key.name)} ${key.definition}`));
  log(`${"foreign keys".padEnd(14)}${String(foreignKeys.length).padStart(12)}${seconds(keysStarted).padStart(10)} s`);
  return result;
}

/** The texts, the communities and their posters as temporary tables, so that the inserts are plain joins. */
async function stageTexts(
  tx: Transaction,
  texts: { questions: QuestionText[]; answers: AnswerText[] },
  seededCommunities: { id: string; source: string; posters: { userId: string; siteId: string | null }[] }[],
) {
  const textArray = (values: string[]) => sql`${sql.param(values)}::text[]`;
  const counts = new Map<string, number>();
  const ranks = texts.questions.map((text) => {
    const rank = (counts.get(text.source) ?? 0) + 1;
    counts.set(text.source, rank);
    return rank;
  });
  await tx.execute(sql`
    create temp table bulk_question_texts on commit drop as
    select source, k, title, body, body_html, case when tags = '' then '{}'::text[] else string_to_array(tags, ' ') end as tags
    from unnest(${textArray(texts.questions.map((text) => text.source))}, ${sql.param(ranks)}::int[],
      ${textArray(texts.questions.map((text) => text.title))}, ${textArray(texts.questions.map((text) => text.body))},
      ${textArray(texts.questions.map((text) => text.bodyHtml))}, ${textArray(texts.questions.map((text) => text.tags.join(" ")))})
      as t(source, k, title, body, body_html, tags)`);
  await tx.execute(sql`
    create temp table bulk_answer_texts on commit drop as
    select k::int, body, body_html, excerpt
    from unnest(${textArray(texts.answers.map((text) => text.body))}, ${textArray(texts.answers.map((text) => text.bodyHtml))},
      ${textArray(texts.answers.map((text) => text.excerpt))})
      with ordinality as t(body, body_html, excerpt, k)`);
  await tx.execute(sql`
    create temp table bulk_communities on commit drop as
    select no::int, id, source, poster_count, question_text_count
    from unnest(${textArray(seededCommunities.map((community) => community.id))}, ${textArray(seededCommunities.map((community) => community.source))},
      ${sql.param(seededCommunities.map((community) => community.posters.length))}::int[],
      ${sql.param(seededCommunities.map((community) => counts.get(community.source) ?? 0))}::int[])
      with ordinality as t(id, source, poster_count, question_text_count, no)`);
  const posters = seededCommunities.flatMap((community, index) =>
    community.posters.map((poster, k) => ({ communityNo: index + 1, k, ...poster })),
  );
  await tx.execute(sql`
    create temp table bulk_posters on commit drop as
    select * from unnest(${sql.param(posters.map((poster) => poster.communityNo))}::int[], ${sql.param(posters.map((poster) => poster.k))}::int[],
      ${textArray(posters.map((poster) => poster.userId))}, ${textArray(posters.map((poster) => poster.siteId ?? ""))})
      as t(community_no, k, user_id, site_id)`);
  await tx.execute(sql`update bulk_posters set site_id = null where site_id = ''`);
  for (const table of ["bulk_question_texts", "bulk_answer_texts", "bulk_communities", "bulk_posters"]) await tx.execute(sql.raw(`analyze ${table}`));
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}

/** Runs one insert, prints its rows, seconds and rows per second, and answers the row count. */
function timer(log: (line: string) => void) {
  return async (name: string, tx: Transaction, statement: SQL) => {
    const started = performance.now();
    const result = await tx.execute(statement);
    const rows = affectedRows(result);
    const elapsed = (performance.now() - started) / 1000;
    log(`${name.padEnd(14)}${rows.toLocaleString("en-US").padStart(12)}${elapsed.toFixed(1).padStart(10)} s${Math.round(rows / elapsed).toLocaleString("en-US").padStart(12)} rows/s`);
    return rows;
  };
}

/** postgres.js answers `count`, PGlite `affectedRows`. */
function affectedRows(result: unknown): number {
  const { count, affectedRows } = result as { count?: number; affectedRows?: number };
  return Number(count ?? affectedRows ?? 0);
}

async function main() {
  const { values } = parseArgs({
    options: { questions: { type: "string", default: "100000" }, "answers-per-question": { type: "string", default: "3" } },
  });
  if (!process.env.DATABASE_URL && !process.env.DATA_DIR) {
    throw new Error("Set DATABASE_URL (PostgreSQL) or DATA_DIR (PGlite, in DATA_DIR/pglite as Guilde opens it).");
  }
  const target = parseConfig().database;
  const where = target.kind === "postgres" ? `PostgreSQL ${new URL(target.url).host}${new URL(target.url).pathname}` : `PGlite in ${target.directory}`;
  console.log(`Bulk seed into ${where}: ${values.questions} questions, ${values["answers-per-question"]} answers per question on average.\n`);
  const database = await openDatabase(target);
  try {
    await database.migrate();
    const result = await seedBulk(database, { questions: Number(values.questions), answersPerQuestion: Number(values["answers-per-question"]) });
    printSummary(result);
  } finally {
    await database.close();
  }
}

export function printSummary({ rows, writeSeconds, totalSeconds, pageQuestionId, answerTargetQuestionId }: BulkSeedResult) {
  const all = rows.questions + rows.answers + rows.votes + rows.follows + rows.notifications;
  const format = (value: number) => Math.round(value).toLocaleString("en-US");
  console.log(
    `\n${format(rows.questions)} questions + ${format(rows.answers)} answers (with ${format(rows.votes)} votes, ${format(rows.follows)} follows, ${format(rows.notifications)} notifications)` +
      ` written in ${writeSeconds.toFixed(1)} s: ${format((rows.questions + rows.answers) / writeSeconds)} questions and answers/s, ${format(all / writeSeconds)} rows/s.` +
      `\nTotal with reading and rendering the texts, people and ANALYZE: ${totalSeconds.toFixed(1)} s.` +
      `\nSign in as ${bulkReader.email} / ${bulkReader.password}. Question with 20 answers: /questions/${pageQuestionId}; another: /questions/${answerTargetQuestionId}.`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    // Drizzle's error names the query; its cause says what went wrong.
    console.error(error instanceof Error ? [error.message, error.cause instanceof Error ? error.cause.message : ""].join("\n") : error);
    process.exitCode = 1;
  });
}
