import { setTimeout as sleep } from "node:timers/promises";
import {
  benchAccount,
  ensureBuild,
  residentMemoryMiB,
  runBench,
  scratchDatabase,
  scratchFolder,
  secondsFromEnvironment,
  signIn,
  startGuilde,
  startHelloWorld,
  stopServer,
  type RunningServer,
} from "./support";

const idleSeconds = secondsFromEnvironment("BENCH_IDLE_SECONDS", 5);
const targetMiB = 150;

runBench(
  `Idle memory: VmRSS of the server process after a few page views and ${idleSeconds} s idle, against a node:http hello world.`,
  `Guilde on PostgreSQL under ${targetMiB} MiB.`,
  async () => {
    ensureBuild();
    const figures: [string, number][] = [];
    const onPGlite = await startGuilde({ dataDir: scratchFolder("idle-rss") });
    figures.push(["Guilde on PGlite", await idleMemory(onPGlite, browseGuilde)]);

    if (process.env.TEST_DATABASE_URL) {
      // DEMO_DATA is off by default on PostgreSQL; the demo accounts are needed to sign in.
      const guilde = await startGuilde({ dataDir: scratchFolder("idle-rss"), databaseUrl: await scratchDatabase("idle_rss"), demoData: true });
      const memory = await idleMemory(guilde, browseGuilde);
      figures.push(["Guilde on PostgreSQL", memory]);
    } else {
      console.log(
        "TEST_DATABASE_URL is unset: measuring PGlite only. For PostgreSQL too: npm run bench:rss:postgres\n" +
          "(scripts/with-postgres.sh npx tsx bench/idle-rss.ts).\n",
      );
    }

    figures.push(["hello world", await idleMemory(await startHelloWorld(), browse)]);

    for (const [name, mebibytes] of figures) console.log(`${name.padEnd(22)}${mebibytes.toFixed(1).padStart(8)} MiB`);
    const onPostgres = figures.find(([name]) => name === "Guilde on PostgreSQL")?.[1];
    if (onPostgres !== undefined) {
      console.log(`\nTarget (PostgreSQL < ${targetMiB} MiB): ${onPostgres < targetMiB ? "met" : "NOT met"}`);
    }
  },
);

async function idleMemory(server: RunningServer, visit: (url: string) => Promise<void>): Promise<number> {
  await visit(server.url);
  await sleep(idleSeconds * 1000);
  const mebibytes = residentMemoryMiB(server.process.pid);
  await stopServer(server.process);
  return mebibytes;
}

async function browse(url: string) {
  await expectPage(url, "/");
  await expectPage(url, "/signin");
}

async function browseGuilde(url: string) {
  await browse(url);
  await expectPage(url, "/", await signIn(url, benchAccount));
}

async function expectPage(url: string, path: string, cookie?: string) {
  const response = await fetch(`${url}${path}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}.`);
}
