import autocannon from "autocannon";
import {
  benchAccount,
  ensureBuild,
  formatRatio,
  measureLoad,
  printLoadResults,
  profileIfRequested,
  runBench,
  scratchFolder,
  secondsFromEnvironment,
  signIn,
  startGuilde,
  startHelloWorld,
  stopServer,
  type Load,
  type RunningServer,
} from "./support";

const connections = 50;
const seconds = secondsFromEnvironment("BENCH_SECONDS", 15);

runBench(
  `Home page throughput: GET / signed in as ${benchAccount.email}, ${connections} connections for ${seconds} s, against a node:http hello world under the same load.`,
  "none fixed: the ratio to the hello world is the figure to watch; every response must be 2xx.",
  async () => {
    ensureBuild();
    const dataDir = scratchFolder("home-throughput");
    const guilde = await startGuilde({ dataDir });
    const cookie = await signIn(guilde.url, benchAccount);
    const home = await fetch(`${guilde.url}/`, { headers: { Cookie: cookie }, redirect: "manual" });
    // A signed-out home page is also a 200: only the greeting proves the cookie works.
    if (home.status !== 200 || !(await home.text()).includes(benchAccount.displayName)) {
      throw new Error(`GET / with the session cookie did not show ${benchAccount.displayName}'s home page.`);
    }
    const guildeLoad = await load(guilde, { Cookie: cookie });
    await stopServer(guilde.process);

    const helloWorld = await startHelloWorld();
    const helloLoad = await load(helloWorld, {});
    await stopServer(helloWorld.process);

    printLoadResults([
      ["Guilde", guildeLoad],
      ["hello world", helloLoad],
    ]);
    const ratio = guildeLoad.result.requests.average / helloLoad.result.requests.average;
    console.log(`\nRatio Guilde / hello world (req/s): ${formatRatio(ratio)} (hello world serves ${(1 / ratio).toFixed(0)}× more)`);
    if (guildeLoad.result.non2xx > 0 || guildeLoad.result.errors > 0) {
      console.log("Guilde answered some requests with a non-2xx status or an error: the figures above are not comparable.");
      process.exitCode = 1;
    }
    await profileIfRequested("home", (nodeArguments) => startGuilde({ dataDir, nodeArguments }), (server) => load(server, { Cookie: cookie }));
  },
);

function load(server: RunningServer, headers: Record<string, string>): Promise<Load> {
  return measureLoad(server, null, () => autocannon({ url: `${server.url}/`, connections, duration: seconds, headers }));
}
