import autocannon from "autocannon";
import {
  benchAccount,
  ensureBuild,
  formatRatio,
  measureLoad,
  printLoadResults,
  runBench,
  scratchFolder,
  secondsFromEnvironment,
  signIn,
  startGuilde,
  stopServer,
  type Load,
  type RunningServer,
} from "./support";

const connections = 20;
const seconds = secondsFromEnvironment("BENCH_SECONDS", 10);
const community = "cycling-repair";
const questionsPath = `/api/v1/communities/${community}/questions?limit=20`;

runBench(
  `API throughput on PGlite with the demo data, as ${benchAccount.email}: GET ${questionsPath} with a personal access token,\n` +
    `against the same list as the community's HTML page (GET /c/${community}, session cookie) and the API's least work (GET /api/v1/me),\n` +
    `${connections} connections for ${seconds} s each, one after the other on the same server.`,
  "none fixed: the API's list should cost no more than the page that shows the same list; every response must be 2xx.",
  async () => {
    ensureBuild();
    // The per-token limit would turn most of the load into 429s: the limiter's own cost is still paid on every request.
    process.env.API_RATE_LIMIT_PER_MINUTE = "10000000";
    const guilde = await startGuilde({ dataDir: scratchFolder("api") });
    const cookie = await signIn(guilde.url, benchAccount);
    const token = await createToken(guilde.url, cookie);
    const bearer = { Authorization: `Bearer ${token}` };

    const listed = await fetch(`${guilde.url}${questionsPath}`, { headers: bearer });
    const page = (await listed.json()) as { items?: unknown[] };
    if (listed.status !== 200 || !page.items?.length) throw new Error(`GET ${questionsPath} answered ${listed.status} with ${page.items?.length ?? 0} questions.`);
    const html = await fetch(`${guilde.url}/c/${community}`, { headers: { Cookie: cookie }, redirect: "manual" });
    if (html.status !== 200) throw new Error(`GET /c/${community} answered ${html.status}.`);

    const apiList = await load(guilde, questionsPath, bearer);
    const pageList = await load(guilde, `/c/${community}`, { Cookie: cookie });
    const me = await load(guilde, "/api/v1/me", bearer);
    await stopServer(guilde.process);

    printLoadResults([
      ["API questions", apiList],
      ["HTML page", pageList],
      ["API /me", me],
    ]);
    const rate = (run: Load) => run.result.requests.average;
    console.log(`\nRatio API list / HTML page (req/s): ${formatRatio(rate(apiList) / rate(pageList))}`);
    console.log(`Ratio API list / API /me (req/s): ${formatRatio(rate(apiList) / rate(me))}`);
    console.log(
      `p50 / p99: API list ${apiList.result.latency.p50} / ${apiList.result.latency.p99} ms, HTML page ${pageList.result.latency.p50} / ${pageList.result.latency.p99} ms, ` +
        `API /me ${me.result.latency.p50} / ${me.result.latency.p99} ms`,
    );
    if ([apiList, pageList, me].some((run) => run.result.non2xx > 0 || run.result.errors > 0)) {
      console.log("Some requests answered a non-2xx status or failed: the figures above are not comparable.");
      process.exitCode = 1;
    }
  },
);

/** Creates a read token through the settings form, as a person would: the answer shows it once. */
async function createToken(url: string, cookie: string): Promise<string> {
  const response = await fetch(`${url}/settings`, {
    method: "POST",
    body: new URLSearchParams({ intent: "createApiToken", name: "bench", scope: "read" }),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: url, Cookie: cookie },
    redirect: "manual",
  });
  const token = (await response.text()).match(/guilde_pat_[A-Za-z0-9_-]{43}/)?.[0];
  if (response.status !== 200 || !token) throw new Error(`Creating a token through /settings answered ${response.status} without a token.`);
  return token;
}

function load(server: RunningServer, path: string, headers: Record<string, string>): Promise<Load> {
  return measureLoad(server, null, () => autocannon({ url: `${server.url}${path}`, connections, duration: seconds, headers }));
}
