// Shared by the benchmarks: spawning servers on 127.0.0.1, waiting for them, measuring, cleaning up.
import { execSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type autocannon from "autocannon";
import postgres from "postgres";
import { openDatabase } from "../db/client";
import { demoPassword, demoUsers } from "../db/seed";
import { projectRoot } from "../server/paths";
import { adminUrl, databaseUrl } from "../tests/support/postgres";
import { seedBulk, type BulkSeedOptions, type BulkSeedResult } from "./seed-bulk";

const scratchRoot = path.join(projectRoot, "bench", ".tmp");

/** The demo employee the benchmarks sign in as. */
export const benchAccount = {
  ...demoUsers.find((user) => user.email === "lea.dubois@guilde.demo")!,
  password: demoPassword,
};

/** The baseline every figure is compared with: the least a Node HTTP server can do. */
const helloWorldScript =
  "require('http').createServer((q,s)=>s.end('ok')).listen(Number(process.env.PORT),'127.0.0.1')";

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  exited: Promise<void>;
  hasExited(): boolean;
  /** The first few kilobytes the process printed, to explain a failed start. */
  output(): string;
}

export interface RunningServer {
  process: ServerProcess;
  url: string;
  /** Wall time from spawn to the first 200 on /healthz. */
  msToHealthy: number;
}

const liveProcesses = new Set<ServerProcess>();
const scratchFolders = new Set<string>();
const scratchDatabases = new Set<string>();

/**
 * Runs a benchmark and, whatever happens, stops every process it spawned and removes its scratch folders.
 * Ctrl-C goes through the same cleanup.
 */
export function runBench(title: string, target: string, bench: () => Promise<void>) {
  console.log(`${title}\nTarget: ${target}\n`);
  let interrupted = false;
  const interrupt = () => {
    // Ctrl-C arrives twice under tsx (from the terminal and relayed by tsx): clean up once, and do not let
    // the second one kill the process midway.
    if (interrupted) return;
    interrupted = true;
    console.error("Interrupted: stopping the servers.");
    void cleanUp().then(() => process.exit(130));
  };
  process.on("SIGINT", interrupt);
  process.on("SIGTERM", interrupt);
  // Last resort if the bench process exits before cleanUp ran (e.g. process.exit in a library).
  process.once("exit", () => {
    for (const server of liveProcesses) killGroup(server.pid, "SIGKILL");
  });
  bench()
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    })
    .finally(cleanUp);
}

async function cleanUp() {
  await Promise.all([...liveProcesses].map(stopServer));
  for (const folder of scratchFolders) fs.rmSync(folder, { recursive: true, force: true });
  scratchFolders.clear();
  // After the servers, which hold connections to them.
  await dropScratchDatabases();
}

/** `npm run build` when there is no build yet; the benchmarks measure the built server. */
export function ensureBuild() {
  if (fs.existsSync(path.join(projectRoot, "build", "guilde.js"))) return;
  console.log("No build yet: running npm run build…");
  execSync("npm run build", { cwd: projectRoot, stdio: "inherit" });
}

/** A fresh, empty folder under bench/.tmp, removed when the benchmark ends. */
export function scratchFolder(name: string): string {
  fs.mkdirSync(scratchRoot, { recursive: true });
  const folder = fs.mkdtempSync(path.join(scratchRoot, `${name}-`));
  scratchFolders.add(folder);
  return folder;
}

/** A fresh PostgreSQL database on TEST_DATABASE_URL's server, dropped when the benchmark ends (Ctrl-C included). */
export async function scratchDatabase(label: string): Promise<string> {
  const name = `guilde_bench_${label}_${Date.now()}_${process.pid}`.replace(/[^a-z0-9_]/g, "_");
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    scratchDatabases.add(name);
  } finally {
    await admin.end();
  }
  return databaseUrl(name);
}

async function dropScratchDatabases() {
  if (scratchDatabases.size === 0) return;
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  try {
    for (const name of scratchDatabases) await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    scratchDatabases.clear();
  } finally {
    await admin.end();
  }
}

/** A scratch PostgreSQL database, migrated and filled by bench/seed-bulk.ts. */
export async function seededDatabase(label: string, options: BulkSeedOptions): Promise<{ url: string; seed: BulkSeedResult }> {
  const url = await scratchDatabase(label);
  const database = await openDatabase({ kind: "postgres", url, poolSize: 1 });
  try {
    await database.migrate();
    return { url, seed: await seedBulk(database, options) };
  } finally {
    await database.close();
  }
}

/** What the PostgreSQL benchmarks need: the throwaway server of scripts/with-postgres.sh. */
export function requirePostgres(script: string) {
  if (!process.env.TEST_DATABASE_URL) {
    throw new Error(`TEST_DATABASE_URL is unset: run npm run ${script}, which starts a throwaway PostgreSQL (scripts/with-postgres.sh).`);
  }
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Spawns a command in its own process group, so that stopping it also stops what it spawned
 * (`npm start` runs a shell that runs node).
 */
export function spawnServer(command: string, args: string[], env: Record<string, string | undefined>): ServerProcess {
  const child = spawn(command, args, {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (text: string) => {
    output = (output + text).slice(0, 4096);
  };
  child.stdout!.on("data", (chunk: Buffer) => keep(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => keep(chunk.toString()));
  let exited = false;
  const server: ServerProcess = {
    child,
    pid: child.pid ?? 0,
    exited: new Promise((resolve) => {
      const markExited = () => {
        exited = true;
        resolve();
      };
      child.once("exit", markExited);
      // A command that cannot be spawned reports here instead of exiting.
      child.once("error", (error) => {
        keep(String(error));
        markExited();
      });
    }),
    hasExited: () => exited,
    output: () => output,
  };
  liveProcesses.add(server);
  void server.exited.then(() => liveProcesses.delete(server));
  return server;
}

/**
 * SIGTERM (Guilde's graceful shutdown), SIGKILL after 15 s; then gives the rest of the group 5 s to
 * follow before killing it.
 */
export async function stopServer(server: ServerProcess) {
  if (!server.hasExited()) {
    killGroup(server.pid, "SIGTERM");
    const stopped = await Promise.race([server.exited.then(() => true), sleep(15_000).then(() => false)]);
    if (!stopped) killGroup(server.pid, "SIGKILL");
    await server.exited;
  }
  // npm may exit before the node process it started has closed the database.
  for (let attempt = 0; attempt < 500 && groupIsAlive(server.pid); attempt++) await sleep(10);
  killGroup(server.pid, "SIGKILL");
}

function killGroup(pid: number, signal: NodeJS.Signals) {
  // No pid means the spawn failed; and kill(-0) or kill(1) would hit far more than our server.
  if (!(pid > 1)) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group has already exited.
  }
}

function groupIsAlive(pid: number): boolean {
  if (!(pid > 1)) return false;
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The status of one GET, or null when nothing answers yet. Plain node:http: no fetch warm-up in the timings. */
export function statusOf(url: string): Promise<number | null> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false, timeout: 5000 }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? null));
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(null));
  });
}

/** Polls /healthz every 10 ms until it answers 200; fails if the server exits or takes longer than the limit. */
export async function waitForHealthy(server: ServerProcess, url: string, limitMs = 60_000) {
  const deadline = performance.now() + limitMs;
  while (performance.now() < deadline) {
    if (server.hasExited()) {
      throw new Error(`The server exited before answering ${url}/healthz:\n${server.output()}`);
    }
    if ((await statusOf(`${url}/healthz`)) === 200) return;
    await sleep(10);
  }
  throw new Error(`No 200 from ${url}/healthz within ${limitMs} ms:\n${server.output()}`);
}

interface GuildeSettings {
  port: number;
  dataDir: string;
  /** PGlite in dataDir when absent. */
  databaseUrl?: string;
  demoData?: boolean;
}

interface GuildeLaunch extends Omit<GuildeSettings, "port"> {
  /** Options for node itself, before the script (e.g. --cpu-prof). */
  nodeArguments?: string[];
}

/**
 * What every Guilde under test runs with. The caller's own database and search settings are replaced,
 * so that "PGlite" really means PGlite.
 */
export function guildeEnvironment({ port, dataDir, databaseUrl, demoData }: GuildeSettings) {
  return {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    DEMO_DATA: demoData === undefined ? undefined : String(demoData),
    MEILI_HOST: undefined,
    MEILI_MASTER_KEY: undefined,
  };
}

/** Starts the built Guilde on a free port and waits until it is healthy. */
export function startGuilde({ nodeArguments = [], ...settings }: GuildeLaunch): Promise<RunningServer> {
  return startOnFreePort((port) => spawnServer(process.execPath, [...nodeArguments, "build/guilde.js"], guildeEnvironment({ ...settings, port })));
}

export function spawnHelloWorld(port: number): ServerProcess {
  return spawnServer(process.execPath, ["-e", helloWorldScript], { PORT: String(port) });
}

export function startHelloWorld(): Promise<RunningServer> {
  return startOnFreePort(spawnHelloWorld);
}

export async function startOnFreePort(spawnOnPort: (port: number) => ServerProcess): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const spawnedAt = performance.now();
  const server = spawnOnPort(port);
  await waitForHealthy(server, url);
  return { process: server, url, msToHealthy: performance.now() - spawnedAt };
}

/** Signs in through the form like a browser and returns the Cookie header carrying the session. */
export async function signIn(url: string, { email, password }: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${url}/signin`, {
    method: "POST",
    body: new URLSearchParams({ email, password }),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: url },
    redirect: "manual",
  });
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .find((pair) => pair.startsWith("guilde_session="));
  if (response.status !== 302 || !session) {
    throw new Error(`Signing in as ${email} answered ${response.status} without a session cookie.`);
  }
  return session;
}

/**
 * Fails unless the question page shows, to this session, every answer the database holds for the question:
 * a benchmark must measure the page it claims to.
 */
export async function expectQuestionPage(url: string, cookie: string, databaseUrl: string, questionId: string): Promise<number> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const answers = await sql<{ id: string }[]>`select id from replies where post_id = ${questionId} and kind = 'answer' and deleted_at is null`.finally(() => sql.end());
  const response = await fetch(`${url}/questions/${questionId}`, { headers: { Cookie: cookie }, redirect: "manual" });
  const html = await response.text();
  const missing = answers.filter(({ id }) => !html.includes(`answer-${id}`));
  if (response.status !== 200 || answers.length === 0 || missing.length > 0) {
    throw new Error(`GET /questions/${questionId} answered ${response.status} without ${missing.length} of its ${answers.length} answers.`);
  }
  return answers.length;
}

/** Resident memory of a process, in MiB, from /proc/<pid>/status. */
export function residentMemoryMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (!kilobytes) throw new Error(`No VmRSS in /proc/${pid}/status.`);
  return Number(kilobytes) / 1024;
}

/** The value below which `fraction` of the values fall (nearest rank). */
export function percentile(values: number[], fraction: number): number {
  if (values.length === 0) throw new Error("No values.");
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Seconds from an environment variable, for quick checks (e.g. BENCH_SECONDS=3). */
export function secondsFromEnvironment(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of seconds.`);
  return value;
}

/** Thousands separated, no decimals: 12,345. */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

/** Prints a table: a label column, then right-aligned cells. */
export function printTable(header: string[], rows: string[][], labelWidth = 16, cellWidth = 12) {
  const line = (cells: string[]) => cells[0].padEnd(labelWidth) + cells.slice(1).map((cell) => cell.padStart(cellWidth)).join("");
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

/** autocannon's results side by side: requests per second, latency, and every answer that was not a success. */
export function printLoadResults(results: [name: string, result: autocannon.Result][], success = "2xx") {
  const successes = (result: autocannon.Result) =>
    success === "2xx" ? result["2xx"] : (result.statusCodeStats?.[success as `${number}`]?.count ?? 0);
  printTable(
    ["", "req/s (avg)", "p50", "p99", success, `not ${success}`, "errors"],
    results.map(([name, result]) => [
      name,
      result.requests.average.toFixed(0),
      `${result.latency.p50} ms`,
      `${result.latency.p99} ms`,
      String(successes(result)),
      String(result.requests.total - successes(result) - result.errors),
      String(result.errors),
    ]),
  );
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a profiled function lives: a package, Node itself, or Guilde's own bundle. */
function ownerOf(url: string): string {
  if (!url) return "(V8 / native)";
  if (url.startsWith("node:")) return "node internals";
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inPackage) return inPackage[1];
  const relative = url.replace(/^file:\/\//, "").replace(`${projectRoot}/`, "");
  return relative.startsWith("build/server/") ? "Guilde (Remix routes)" : relative.startsWith("build/") ? "Guilde (server)" : relative;
}

/** BENCH_CPU_PROFILE=1 asks the throughput benchmarks for one more, profiled, run. */
export const cpuProfileRequested = process.env.BENCH_CPU_PROFILE === "1";

/**
 * With BENCH_CPU_PROFILE=1: starts the server again under `node --cpu-prof`, runs the same load, stops it
 * (it writes the profile on exit) and prints where its time went. The profile stays in bench/.tmp/profiles
 * for Chrome's DevTools. A separate run, so that the profiler's overhead is in no figure above.
 */
export async function profileIfRequested(
  name: string,
  start: (nodeArguments: string[]) => Promise<RunningServer>,
  load: (server: RunningServer) => Promise<unknown>,
) {
  if (!cpuProfileRequested) return;
  const folder = path.join(scratchRoot, "profiles", `${name}-${new Date().toISOString().replace(/[:.]/g, "-")}`);
  fs.mkdirSync(folder, { recursive: true });
  const server = await start(["--cpu-prof", `--cpu-prof-dir=${folder}`]);
  await load(server);
  await stopServer(server.process);
  const profiles = fs.readdirSync(folder).filter((file) => file.endsWith(".cpuprofile"));
  if (profiles.length === 0) throw new Error(`The profiled server wrote no profile in ${folder}.`);
  for (const file of profiles) printCpuProfile(path.join(folder, file));
}

/**
 * Reads a V8 .cpuprofile (node --cpu-prof) and prints where the server spent its own time: the
 * functions with the most self time, and the same time summed per package.
 */
export function printCpuProfile(file: string, top = 20) {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const nodeById = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicroseconds = new Map<number, number>();
  profile.samples.forEach((id, index) => selfMicroseconds.set(id, (selfMicroseconds.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const byFunction = new Map<string, number>();
  const byOwner = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, microseconds] of selfMicroseconds) {
    const { functionName, url, lineNumber } = nodeById.get(id)!.callFrame;
    if (functionName === "(idle)") {
      idle += microseconds;
      continue;
    }
    total += microseconds;
    const where = url ? `${url.replace(/^file:\/\//, "").replace(`${projectRoot}/`, "")}:${lineNumber + 1}` : "";
    const key = `${functionName || "(anonymous)"}  ${where}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + microseconds);
    const owner = functionName.startsWith("(") ? functionName : ownerOf(url);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + microseconds);
  }
  const share = (microseconds: number) => `${((100 * microseconds) / total).toFixed(1)}%`.padStart(7);
  console.log(`\nCPU profile: ${(total / 1e6).toFixed(1)} s busy, ${(idle / 1e6).toFixed(1)} s idle (${file})`);
  console.log(`\nSelf time by package:`);
  for (const [owner, microseconds] of [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${share(microseconds)}  ${owner}`);
  console.log(`\nTop ${top} functions by self time:`);
  for (const [key, microseconds] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${share(microseconds)}  ${key}`);
}
