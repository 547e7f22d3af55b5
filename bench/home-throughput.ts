import autocannon from "autocannon";
import {
  benchAccount,
  ensureBuild,
  runBench,
  scratchFolder,
  secondsFromEnvironment,
  signIn,
  startGuilde,
  startHelloWorld,
  stopServer,
  type RunningServer,
} from "./support";

const connections = 50;
const seconds = secondsFromEnvironment("BENCH_SECONDS", 15);

runBench(
  `Home page throughput: GET / signed in as ${benchAccount.email}, ${connections} connections for ${seconds} s, against a node:http hello world under the same load.`,
  "none fixed: the ratio to the hello world is the figure to watch; every response must be 2xx.",
  async () => {
    ensureBuild();
    const guilde = await startGuilde({ dataDir: scratchFolder("home-throughput") });
    const cookie = await signIn(guilde.url, benchAccount);
    const home = await fetch(`${guilde.url}/`, { headers: { Cookie: cookie }, redirect: "manual" });
    // A signed-out home page is also a 200: only the greeting proves the cookie works.
    if (home.status !== 200 || !(await home.text()).includes(benchAccount.displayName)) {
      throw new Error(`GET / with the session cookie did not show ${benchAccount.displayName}'s home page.`);
    }
    const guildeResult = await load(guilde, { Cookie: cookie });
    await stopServer(guilde.process);

    const helloWorld = await startHelloWorld();
    const helloResult = await load(helloWorld, {});
    await stopServer(helloWorld.process);

    console.log("".padEnd(14) + ["req/s (avg)", "p50", "p99", "2xx", "non-2xx", "errors"].map((cell) => cell.padStart(12)).join(""));
    for (const [name, result] of [["Guilde", guildeResult], ["hello world", helloResult]] as const) {
      const cells = [
        result.requests.average.toFixed(0),
        `${result.latency.p50} ms`,
        `${result.latency.p99} ms`,
        String(result["2xx"]),
        String(result.non2xx),
        String(result.errors),
      ];
      console.log(name.padEnd(14) + cells.map((cell) => cell.padStart(12)).join(""));
    }
    const ratio = guildeResult.requests.average / helloResult.requests.average;
    console.log(`\nRatio Guilde / hello world (req/s): ${ratio.toFixed(3)} (hello world serves ${(1 / ratio).toFixed(0)}× more)`);
    if (guildeResult.non2xx > 0 || guildeResult.errors > 0) {
      console.log("Guilde answered some requests with a non-2xx status or an error: the figures above are not comparable.");
      process.exitCode = 1;
    }
  },
);

function load(server: RunningServer, headers: Record<string, string>): Promise<autocannon.Result> {
  return autocannon({ url: `${server.url}/`, connections, duration: seconds, headers });
}
