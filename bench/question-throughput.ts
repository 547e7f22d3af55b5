import autocannon from "autocannon";
import postgres from "postgres";
import { bulkReader, sampleAnswerBodies } from "./seed-bulk";
import {
  dropSearchBacklog,
  ensureBuild,
  ensureRunning,
  expectQuestionPage,
  formatCount,
  formatRatio,
  measureLoad,
  postgresCpuGauge,
  printLoadResults,
  profileIfRequested,
  requirePostgres,
  runBench,
  scratchFolder,
  secondsFromEnvironment,
  seededDatabase,
  signIn,
  startGuilde,
  startHelloWorld,
  stopServer,
  type Load,
  type RunningServer,
} from "./support";

const connections = 50;
const seconds = secondsFromEnvironment("BENCH_SECONDS", 15);
const questions = Number(process.env.BENCH_QUESTIONS ?? 100_000);
/** Guilde's PROCESSES: with 2, both cores serve pages (PostgreSQL shares them). */
const processes = Number(process.env.BENCH_PROCESSES ?? 1);
const pageTarget = 500;
const answerTarget = 200;

runBench(
  `Question page and answer throughput on PostgreSQL seeded with ${formatCount(questions)} questions (3 answers each on average),\n` +
    `signed in as ${bulkReader.email}, ${connections} connections for ${seconds} s each, ${processes} Guilde process${processes > 1 ? "es" : ""} (BENCH_PROCESSES):\n` +
    `  1. GET /questions/<id> of a question with 20 answers, against a node:http hello world and Guilde's lightest signed-in page\n` +
    `     (GET /settings: one form, four small queries) under the same load;\n` +
    `  2. POST /questions/<id> intent=answer (real answer texts, each different) to another question, counting 302s; the database is checked afterwards.`,
  `question page ≥ ${pageTarget} req/s; answers ≥ ${answerTarget} per second.`,
  async () => {
    requirePostgres("bench:question");
    ensureBuild();
    console.log(`Seeding ${formatCount(questions)} questions…`);
    const { url: databaseUrl, seed } = await seededDatabase("question", {
      questions,
      answersPerQuestion: 3,
      log: (line) => console.log(`  ${line}`),
    });
    const dataDir = scratchFolder("question-throughput");
    const start = async (nodeArguments: string[] = []) => {
      const server = await startGuilde({ dataDir, databaseUrl, demoData: false, nodeArguments, processes });
      await dropSearchBacklog(server, databaseUrl);
      return server;
    };
    const guilde = await start();
    const cookie = await signIn(guilde.url, bulkReader);
    await expectQuestionPage(guilde.url, cookie, databaseUrl, seed.pageQuestionId);
    const pagePath = `/questions/${seed.pageQuestionId}`;
    const lightestPath = "/settings";
    const answerPath = `/questions/${seed.answerTargetQuestionId}`;
    const bodies = sampleAnswerBodies();

    const databaseCpu = await postgresCpuGauge(databaseUrl);

    console.log(`\nLoading GET ${pagePath}…`);
    const page = await measureLoad(guilde, databaseCpu, () => loadPage(guilde, pagePath, cookie));
    ensureRunning(guilde.process);
    console.log(`Loading GET ${lightestPath}…`);
    const lightest = await measureLoad(guilde, databaseCpu, () => loadPage(guilde, lightestPath, cookie));
    ensureRunning(guilde.process);
    console.log(`Loading POST ${answerPath}…`);
    const before = await answersOf(databaseUrl, seed.answerTargetQuestionId);
    const posting = answerPosting(guilde, answerPath, cookie, bodies);
    const answering = await measureLoad(guilde, databaseCpu, posting.run);
    ensureRunning(guilde.process);
    await stopServer(guilde.process);
    const after = await answersOf(databaseUrl, seed.answerTargetQuestionId);

    const helloWorld = await startHelloWorld();
    const hello = await measureLoad(helloWorld, null, () => loadPage(helloWorld, "/", ""));
    await stopServer(helloWorld.process);

    console.log(`\nQuestion page, GET ${pagePath} (20 answers):\n`);
    printLoadResults([
      ["Guilde", page],
      [`Guilde ${lightestPath}`, lightest],
      ["hello world", hello],
    ]);
    const ratio = page.result.requests.average / hello.result.requests.average;
    console.log(`\nRatio Guilde / hello world (req/s): ${formatRatio(ratio)} (hello world serves ${(1 / ratio).toFixed(0)}× more)`);
    const lightestRatio = page.result.requests.average / lightest.result.requests.average;
    console.log(
      `Ratio question page / ${lightestPath} (req/s): ${formatRatio(lightestRatio)}; ${lightestPath} itself serves ${lightest.result.requests.average.toFixed(0)}/s, ` +
        `the lightest signed-in page, with no thread to render`,
    );
    printCeiling(page);
    const pageMet = page.result.requests.average >= pageTarget && page.result.non2xx === 0 && page.result.errors === 0;
    console.log(`Target ≥ ${pageTarget} req/s: ${pageMet ? "met" : "NOT met"}`);

    console.log(`\nPosting answers, POST ${answerPath} intent=answer:\n`);
    printLoadResults([["Guilde", answering]], "302");
    const redirected = posting.answerIds.size;
    const answersPerSecond = redirected / answering.result.duration;
    console.log(
      `\nAnswers posted (302s): ${formatCount(redirected)} in ${answering.result.duration.toFixed(1)} s = ${answersPerSecond.toFixed(0)} answers/s`,
    );
    printCeiling(answering);
    const verified = verifyAnswers(before, after, posting.answerIds, posting.statusCounts);
    const answersMet = answersPerSecond >= answerTarget && verified;
    console.log(`Target ≥ ${answerTarget} answers/s: ${answersMet ? "met" : "NOT met"}`);
    if (!pageMet || !answersMet) process.exitCode = 1;

    await profileIfRequested("question-page", start, (server) => loadPage(server, pagePath, cookie));
    await profileIfRequested("answer-posting", start, (server) => answerPosting(server, answerPath, cookie, bodies).run());
  },
);

function loadPage(server: RunningServer, path: string, cookie: string): Promise<autocannon.Result> {
  return autocannon({ url: `${server.url}${path}`, connections, duration: seconds, headers: cookie ? { Cookie: cookie } : {} });
}

/**
 * Posts answers as the answer form does, each body different. The answer each 302 created is read from
 * its Location (…#answer-<id>), so that the database can be checked answer by answer.
 */
function answerPosting(server: RunningServer, path: string, cookie: string, bodies: string[]) {
  let sent = 0;
  const answerIds = new Set<string>();
  const statusCounts = new Map<number, number>();
  const run = () =>
    autocannon({
      url: server.url,
      connections,
      duration: seconds,
      requests: [
        {
          method: "POST",
          path,
          headers: { Cookie: cookie, Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
          setupRequest: (request) => {
            sent++;
            const body = `${bodies[sent % bodies.length]}\n\nBenchmark answer ${sent}.`;
            return { ...request, body: new URLSearchParams({ intent: "answer", body }).toString() };
          },
          onResponse: (status, _body, _context, headers) => {
            statusCounts.set(status, (statusCounts.get(status) ?? 0) + 1);
            const location = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === "location")?.[1];
            const answerId = /#answer-([a-z0-9]+)$/.exec(String(location ?? ""))?.[1];
            if (status === 302 && answerId) answerIds.add(answerId);
          },
        },
      ],
    });
  return { run, answerIds, statusCounts };
}

/** What one Guilde process could serve with a core to itself, and its database with another. */
function printCeiling({ serverCpuMs, databaseCpuMs }: Load) {
  const database = databaseCpuMs ? `, PostgreSQL ${(1000 / databaseCpuMs).toFixed(0)}/s per core it gets` : "";
  console.log(`CPU ceiling: Guilde ${(1000 / serverCpuMs).toFixed(0)}/s with a core to itself${database}.`);
}

interface QuestionAnswers {
  ids: Set<string>;
  answerCount: number;
}

async function answersOf(databaseUrl: string, questionId: string): Promise<QuestionAnswers> {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await client<{ id: string }[]>`select id from replies where post_id = ${questionId} and kind = 'answer'`;
    const [post] = await client<{ answerCount: number }[]>`select answer_count as "answerCount" from posts where id = ${questionId}`;
    return { ids: new Set(rows.map((row) => row.id)), answerCount: post.answerCount };
  } finally {
    await client.end();
  }
}

/**
 * Every 302 must name a new answer of the question, and every new answer must come from a 302, except
 * for requests still in flight when autocannon stopped at the deadline: it closes their connections, the
 * server completes them, and no response is counted. There can be at most one per connection.
 */
function verifyAnswers(before: QuestionAnswers, after: QuestionAnswers, answerIds: Set<string>, statusCounts: Map<number, number>): boolean {
  const created = [...after.ids].filter((id) => !before.ids.has(id));
  const missing = [...answerIds].filter((id) => !after.ids.has(id) || before.ids.has(id));
  const inFlight = created.filter((id) => !answerIds.has(id)).length;
  const redirects = statusCounts.get(302) ?? 0;
  const others = [...statusCounts].filter(([status]) => status !== 302);
  const checks: [string, boolean][] = [
    [`every 302 named a distinct answer (${formatCount(redirects)} 302s, ${formatCount(answerIds.size)} answer ids)`, redirects === answerIds.size],
    [`every answer a 302 named is in the database (${missing.length} missing)`, missing.length === 0],
    [
      `answers created = 302s + requests cut off at the deadline: ${formatCount(created.length)} = ${formatCount(
        answerIds.size,
      )} + ${inFlight} (at most ${connections})`,
      created.length === answerIds.size + inFlight && inFlight <= connections,
    ],
    [`posts.answer_count = its answers (${formatCount(after.answerCount)} = ${formatCount(after.ids.size)})`, after.answerCount === after.ids.size],
    [`no other status (${others.map(([status, count]) => `${count}× ${status}`).join(", ") || "none"})`, others.length === 0],
  ];
  console.log("Database check:");
  for (const [label, passed] of checks) console.log(`  ${passed ? "ok  " : "FAIL"} ${label}`);
  return checks.every(([, passed]) => passed);
}
