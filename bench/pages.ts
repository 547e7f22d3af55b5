import http from "node:http";
import postgres from "postgres";
import { bulkReader } from "./seed-bulk";
import {
  cpuSeconds,
  dropSearchBacklog,
  ensureBuild,
  expectQuestionPage,
  formatCount,
  median,
  percentile,
  postgresCpuGauge,
  printTable,
  requirePostgres,
  runBench,
  scratchFolder,
  seededDatabase,
  signIn,
  startGuilde,
  stopServer,
  whileServing,
} from "./support";

const sizes = (process.env.BENCH_SIZES ?? "1000,100000").split(",").map(Number);
const answersPerQuestion = 3;
const warmUpRequests = 20;
const measuredRequests = Number(process.env.BENCH_REQUESTS ?? 200);
/** How far down a list the deep page is: keyset pagination should make it cost what page 1 costs. */
const deepFraction = 0.9;
const pageSize = 20;

interface PageTiming {
  name: string;
  medianMs: number;
  p99Ms: number;
  /** CPU per request of the Guilde process and of the PostgreSQL server: unlike latency, unmoved by other work on the machine. */
  serverCpuMs: number;
  databaseCpuMs: number;
  /** From the Server-Timing header, when the server sends one. */
  serverMedianMs: number | null;
  kib: number;
  note?: string;
}

runBench(
  `Page latency and CPU per request on PostgreSQL at ${sizes.map(formatCount).join(" and ")} questions (${answersPerQuestion} answers each on average), signed in as ${bulkReader.email}:\n` +
    `the question page (20 answers) and a community's newest and unanswered tabs, first page and a page ${deepFraction * 100}% down the list\n` +
    `(reached by following the "Next" links). ${measuredRequests} sequential requests per page on one keep-alive connection, after ${warmUpRequests} unmeasured.`,
  "none fixed: latency should not grow with the database's size, nor from the first page to the deep one (keyset pagination).",
  async () => {
    requirePostgres("bench:pages");
    ensureBuild();
    const timings = new Map<number, PageTiming[]>();
    for (const questions of sizes) {
      console.log(`Seeding ${formatCount(questions)} questions…`);
      const { url: databaseUrl, seed } = await seededDatabase(`pages_${questions}`, { questions, answersPerQuestion, log: (line) => console.log(`  ${line}`) });
      const guilde = await startGuilde({ dataDir: scratchFolder("pages"), databaseUrl, demoData: false });
      await dropSearchBacklog(guilde, databaseUrl, (line) => console.log(`  ${line}`));
      const cookie = await signIn(guilde.url, bulkReader);
      await expectQuestionPage(guilde.url, cookie, databaseUrl, seed.pageQuestionId);
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const client: Client = { agent, base: guilde.url, cookie, serverPid: guilde.process.pid, databaseCpu: await postgresCpuGauge(databaseUrl) };
      const community = seed.communities[0];
      const listLengths = await countListed(databaseUrl, community.id);
      console.log(`Measuring on ${guilde.url} (community /c/${community.slug}: ${formatCount(listLengths.newest)} questions, ${formatCount(listLengths.unanswered)} unanswered)…`);

      const results = await whileServing(guilde.process, async () => {
        const measured: PageTiming[] = [await measure(client, "question, 20 answers", `/questions/${seed.pageQuestionId}`)];
        for (const tab of ["newest", "unanswered"] as const) {
          const first = tab === "newest" ? `/c/${community.slug}` : `/c/${community.slug}?tab=${tab}`;
          measured.push(await measure(client, `${tab}, page 1`, first));
          const lastPage = Math.ceil(listLengths[tab] / pageSize);
          const started = performance.now();
          const deep = await followNextLinks(client, first, Math.max(2, Math.floor((deepFraction * listLengths[tab]) / pageSize)));
          console.log(`  ${tab}: followed "Next" to page ${formatCount(deep.page)} of ${formatCount(lastPage)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
          measured.push({ ...(await measure(client, `${tab}, deep page`, deep.path)), note: `page ${formatCount(deep.page)} of ${formatCount(lastPage)}` });
        }
        return measured;
      });
      agent.destroy();
      await stopServer(guilde.process);
      timings.set(questions, results);
      console.log("");
    }
    printResults(timings);
  },
);

interface Client {
  agent: http.Agent;
  base: string;
  cookie: string;
  serverPid: number;
  databaseCpu: () => number;
}

interface Response {
  status: number;
  body: string;
  milliseconds: number;
  serverMilliseconds: number | null;
}

function get({ agent, base, cookie }: Client, path: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(`${base}${path}`, { agent, headers: { Cookie: cookie }, timeout: 30_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks).toString("utf8"),
          milliseconds: performance.now() - started,
          serverMilliseconds: serverTiming(response.headers["server-timing"]),
        }),
      );
      response.on("error", reject);
    });
    request.on("timeout", () => request.destroy(new Error(`GET ${path} took more than 30 s.`)));
    request.on("error", reject);
  });
}

/** The longest `dur` of a Server-Timing header (the total, when the server breaks its time down). */
function serverTiming(header: string | string[] | undefined): number | null {
  if (!header) return null;
  const durations = [...[header].flat().join(",").matchAll(/dur=([\d.]+)/g)].map((match) => Number(match[1]));
  return durations.length > 0 ? Math.max(...durations) : null;
}

async function measure(client: Client, name: string, path: string): Promise<PageTiming> {
  const latencies: number[] = [];
  const serverLatencies: number[] = [];
  let kib = 0;
  let serverCpu = 0;
  let databaseCpu = 0;
  for (let request = 0; request < warmUpRequests + measuredRequests; request++) {
    if (request === warmUpRequests) {
      serverCpu = -cpuSeconds(client.serverPid);
      databaseCpu = -client.databaseCpu();
    }
    const response = await get(client, path);
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}.`);
    if (request < warmUpRequests) continue;
    latencies.push(response.milliseconds);
    if (response.serverMilliseconds !== null) serverLatencies.push(response.serverMilliseconds);
    kib = response.body.length / 1024;
  }
  serverCpu += cpuSeconds(client.serverPid);
  databaseCpu += client.databaseCpu();
  return {
    name,
    medianMs: median(latencies),
    p99Ms: percentile(latencies, 0.99),
    serverCpuMs: (serverCpu * 1000) / measuredRequests,
    databaseCpuMs: (databaseCpu * 1000) / measuredRequests,
    serverMedianMs: serverLatencies.length > 0 ? median(serverLatencies) : null,
    kib,
  };
}

/** Follows the page's "Next" link (rel="next") up to `pages - 1` times, as a reader would. */
async function followNextLinks(client: Client, firstPage: string, pages: number): Promise<{ path: string; page: number }> {
  let path = firstPage;
  for (let page = 1; page < pages; page++) {
    const response = await get(client, path);
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}.`);
    const next = nextLink(response.body);
    if (!next) {
      if (page === 1) throw new Error(`${firstPage} has no "Next" link: is the list shorter than a page?`);
      return { path, page };
    }
    path = next;
  }
  return { path, page: pages };
}

function nextLink(html: string): string | null {
  const anchor = /<a\b[^>]*\brel="next"[^>]*>/.exec(html)?.[0];
  const href = anchor && /\bhref="([^"]+)"/.exec(anchor)?.[1];
  return href ? href.replace(/&amp;/g, "&") : null;
}

/** What the community's two tabs list, counted as the service filters them. */
async function countListed(databaseUrl: string, communityId: string): Promise<{ newest: number; unanswered: number }> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [counts] = await sql<{ newest: number; unanswered: number }[]>`
      select count(*)::int as newest, (count(*) filter (where answer_count = 0 and closed_at is null))::int as unanswered
      from posts where community_id = ${communityId} and kind = 'question' and deleted_at is null and hidden_at is null`;
    return counts;
  } finally {
    await sql.end();
  }
}

/** 1k, 100k: short enough for a column header. */
function shortSize(questions: number): string {
  return questions >= 1000 && questions % 1000 === 0 ? `${formatCount(questions / 1000)}k` : formatCount(questions);
}

function printResults(timings: Map<number, PageTiming[]>) {
  const milliseconds = (value: number) => `${value.toFixed(1)} ms`;
  const withServer = [...timings.values()].some((results) => results.some((result) => result.serverMedianMs !== null));
  const header = ["page"];
  for (const questions of sizes) {
    header.push(`median ${shortSize(questions)}`, `p99 ${shortSize(questions)}`);
    if (withServer) header.push(`server ${shortSize(questions)}`);
  }
  header.push(`${shortSize(sizes.at(-1)!)} / ${shortSize(sizes[0])}`, "KiB");
  const names = timings.get(sizes[0])!.map((result) => result.name);
  const rows = names.map((name, index) => {
    const row = [name];
    for (const questions of sizes) {
      const result = timings.get(questions)![index];
      row.push(milliseconds(result.medianMs), milliseconds(result.p99Ms));
      if (withServer) row.push(result.serverMedianMs === null ? "–" : milliseconds(result.serverMedianMs));
    }
    const first = timings.get(sizes[0])![index];
    const last = timings.get(sizes.at(-1)!)![index];
    row.push(`${(last.medianMs / first.medianMs).toFixed(2)}×`, last.kib.toFixed(0));
    return row;
  });
  console.log(
    `Request latency measured by the client${withServer ? ", and the server's own median from Server-Timing" : " (the server sends no Server-Timing header)"};` +
      ` KiB: the page's HTML at ${formatCount(sizes.at(-1)!)} questions.\n`,
  );
  printTable(header, rows, 24, 13);
  console.log("\nCPU per request, of the Guilde process and of PostgreSQL (all its processes), whatever else the machine runs:\n");
  printTable(
    ["page", ...sizes.flatMap((questions) => [`Guilde ${shortSize(questions)}`, `DB ${shortSize(questions)}`])],
    names.map((name, index) => [
      name,
      ...sizes.flatMap((questions) => {
        const result = timings.get(questions)![index];
        return [milliseconds(result.serverCpuMs), milliseconds(result.databaseCpuMs)];
      }),
    ]),
    24,
    13,
  );
  console.log("");
  for (const questions of sizes) {
    const deep = timings.get(questions)!.filter((result) => result.note);
    console.log(`Deep pages at ${formatCount(questions)} questions: ${deep.map((result) => `${result.name.split(",")[0]} ${result.note}`).join("; ")}.`);
  }
}
