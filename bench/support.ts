// Shared by the benchmarks: spawning servers on 127.0.0.1, waiting for them, measuring, cleaning up.
import { execSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type autocannon from "autocannon";
import { sql } from "drizzle-orm";
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
  /** The first and last few kilobytes the process printed, to explain a failed start or a crash. */
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
  // The machine may be shared: a high load before the run means other work competes with the figures.
  const [load] = os.loadavg();
  console.log(`${title}\nTarget: ${target}\nMachine: ${os.cpus().length} cores, load average ${load.toFixed(2)} over the last minute before the run.\n`);
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
    .finally(async () => {
      console.log(`\nLoad average at the end: ${os.loadavg()[0].toFixed(2)} over the last minute.`);
      await cleanUp();
    });
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

/**
 * A scratch PostgreSQL database, migrated and filled by bench/seed-bulk.ts, then vacuumed and
 * checkpointed: otherwise autovacuum and the checkpointer would go through the freshly written
 * gigabyte while the benchmark runs, on the same two cores.
 */
export async function seededDatabase(label: string, options: BulkSeedOptions): Promise<{ url: string; seed: BulkSeedResult }> {
  const url = await scratchDatabase(label);
  const database = await openDatabase({ kind: "postgres", url, poolSize: 1 });
  try {
    await database.migrate();
    const seed = await seedBulk(database, options);
    const started = performance.now();
    await database.db.execute(sql`vacuum`);
    await database.db.execute(sql`checkpoint`);
    options.log?.(`vacuum and checkpoint (not part of the seed): ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return { url, seed };
  } finally {
    await database.close();
  }
}

/**
 * The bulk seed writes no search documents, and a Guilde whose search index is empty queues every
 * document at start and indexes them in the background: a quarter of an hour at 100,000 questions, on
 * the very process being measured. The measured pages do not search, so the benchmarks drop that backlog
 * once Guilde has announced it (writes made during a run still queue and index their own documents).
 */
export async function dropSearchBacklog(server: RunningServer, databaseUrl: string, log: (line: string) => void = console.log) {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [{ exists }] = await client<{ exists: boolean }[]>`select to_regclass('search_outbox') is not null as exists`;
    if (!exists) return;
    const announcement = /indexing (\d+) documents in the background/;
    const deadline = performance.now() + 20_000;
    while (!announcement.test(server.process.output()) && performance.now() < deadline) await sleep(100);
    const queued = announcement.exec(server.process.output())?.[1];
    if (!queued) return;
    let dropped = (await client`delete from search_outbox`).count;
    // Several processes (PROCESSES) may each find the index empty and queue it: drop a late second queue too.
    await sleep(1500);
    dropped += (await client`delete from search_outbox`).count;
    log(`Guilde queued ${formatCount(Number(queued))} documents to index at start; ${formatCount(dropped)} still queued were dropped (the measured pages do not search).`);
  } finally {
    await client.end();
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
  // The start (what it printed on the way up) and the end (a crash's stack trace), a few kilobytes each.
  let head = "";
  let tail = "";
  const keep = (text: string) => {
    if (head.length < 4096) head = (head + text).slice(0, 4096);
    else tail = (tail + text).slice(-4096);
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
      child.once("exit", (code, signal) => {
        keep(`\n[exited ${signal ? `on ${signal}` : `with code ${code}`}]`);
        markExited();
      });
      // A command that cannot be spawned reports here instead of exiting.
      child.once("error", (error) => {
        keep(String(error));
        markExited();
      });
    }),
    hasExited: () => exited,
    output: () => (tail ? `${head}\n…\n${tail}` : head),
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

/** Runs a measurement; if it fails because the server died, says so with what the server printed. */
export async function whileServing<T>(server: ServerProcess, measure: () => Promise<T>): Promise<T> {
  try {
    return await measure();
  } catch (error) {
    // The exit event may trail the refused connection by a moment.
    await Promise.race([server.exited, sleep(1000)]);
    if (!server.hasExited()) throw error;
    throw new Error(`The server stopped during the measurement (${error instanceof Error ? error.message : String(error)}):\n${server.output()}`);
  }
}

/** autocannon counts refused connections as errors and carries on: this says when the server died under it. */
export function ensureRunning(server: ServerProcess) {
  if (server.hasExited()) throw new Error(`The server stopped during the measurement:\n${server.output()}`);
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
  /** Guilde's PROCESSES: several processes on one port (PostgreSQL only). */
  processes?: number;
}

interface GuildeLaunch extends Omit<GuildeSettings, "port"> {
  /** Options for node itself, before the script (e.g. --cpu-prof). */
  nodeArguments?: string[];
}

/**
 * What every Guilde under test runs with. The caller's own database and search settings are replaced,
 * so that "PGlite" really means PGlite.
 */
export function guildeEnvironment({ port, dataDir, databaseUrl, demoData, processes }: GuildeSettings) {
  return {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    DEMO_DATA: demoData === undefined ? undefined : String(demoData),
    PROCESSES: processes === undefined ? undefined : String(processes),
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
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const answers = await client<{ id: string }[]>`select id from replies where post_id = ${questionId} and kind = 'answer' and deleted_at is null`.finally(() =>
    client.end(),
  );
  const response = await fetch(`${url}/questions/${questionId}`, { headers: { Cookie: cookie }, redirect: "manual" });
  const html = await response.text();
  const missing = answers.filter(({ id }) => !html.includes(`answer-${id}`));
  if (response.status !== 200 || answers.length === 0 || missing.length > 0) {
    throw new Error(`GET /questions/${questionId} answered ${response.status} without ${missing.length} of its ${answers.length} answers.`);
  }
  return answers.length;
}

const clockTicksPerSecond = Number(execSync("getconf CLK_TCK", { encoding: "utf8" }).trim()) || 100;

/** Fields 3 onwards of /proc/<pid>/stat (state, ppid, …, utime, stime, cutime, cstime, …), or null once it is gone. */
function procStat(pid: number): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name, in parentheses, may itself hold spaces and parentheses.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** CPU seconds (user and system) a process has used; with `reaped`, also those of its children that have ended. */
export function cpuSeconds(pid: number, { reaped = false } = {}): number {
  const fields = procStat(pid);
  if (!fields) return 0;
  // utime, stime, cutime, cstime are fields 14 to 17 of the stat line, 11 to 14 of what follows the name.
  const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
  return (utime + stime + (reaped ? cutime + cstime : 0)) / clockTicksPerSecond;
}

/**
 * A gauge of the CPU a PostgreSQL server uses: its postmaster, the processes it runs now (backends,
 * checkpointer, autovacuum…) and those that ended. Figures per request, unlike latencies, do not
 * depend on what else the machine is running. Only meaningful on a server of the benchmark's own.
 */
export async function postgresCpuGauge(databaseUrl: string): Promise<() => number> {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  let postmaster = 0;
  try {
    // The backend's parent is the postmaster; read it while the backend lives.
    const [{ pid }] = await client<{ pid: number }[]>`select pg_backend_pid() as pid`;
    postmaster = Number(procStat(pid)?.[1]);
  } finally {
    await client.end();
  }
  if (!(postmaster > 1)) throw new Error("The PostgreSQL server's processes are not visible from here.");
  return () => {
    let total = cpuSeconds(postmaster, { reaped: true });
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const fields = procStat(Number(entry));
      if (fields && Number(fields[1]) === postmaster) total += cpuSeconds(Number(entry));
    }
    return total;
  };
}

/** CPU seconds of every live process of a process group (a server started by spawnServer and what it forked). */
export function groupCpuSeconds(groupId: number): number {
  let total = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = procStat(Number(entry));
    if (fields && Number(fields[2]) === groupId) total += cpuSeconds(Number(entry));
  }
  return total;
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

/** A ratio to the hello world, readable however small: 0.000 would say nothing. */
export function formatRatio(ratio: number): string {
  return ratio >= 0.01 ? ratio.toFixed(3) : ratio.toPrecision(2);
}

/** Prints a table: a label column, then right-aligned cells. */
export function printTable(header: string[], rows: string[][], labelWidth = 16, cellWidth = 12) {
  const line = (cells: string[]) => cells[0].padEnd(labelWidth) + cells.slice(1).map((cell) => cell.padStart(cellWidth)).join("");
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

/** One autocannon run, with the CPU the server (and its database, when it is the benchmark's own) used for it. */
export interface Load {
  result: autocannon.Result;
  /** Milliseconds of CPU per response. */
  serverCpuMs: number;
  databaseCpuMs: number | null;
}

/** Runs autocannon and reads how much CPU the server's processes and the database server used meanwhile. */
export async function measureLoad(server: RunningServer, databaseCpu: (() => number) | null, run: () => Promise<autocannon.Result>): Promise<Load> {
  const serverBefore = groupCpuSeconds(server.process.pid);
  const databaseBefore = databaseCpu?.() ?? 0;
  const result = await run();
  const responses = Math.max(1, result.requests.total);
  return {
    result,
    serverCpuMs: ((groupCpuSeconds(server.process.pid) - serverBefore) * 1000) / responses,
    databaseCpuMs: databaseCpu ? ((databaseCpu() - databaseBefore) * 1000) / responses : null,
  };
}

/**
 * autocannon's results side by side: requests per second, latency, every answer that was not a success,
 * and the CPU each response cost, which unlike the rest does not depend on what else the machine runs.
 */
export function printLoadResults(loads: [name: string, load: Load][], success: "2xx" | "302" = "2xx") {
  const isSuccess = (status: string) => (success === "2xx" ? status.startsWith("2") : status === success);
  const count = (result: autocannon.Result, wanted: boolean) =>
    Object.entries(result.statusCodeStats ?? {})
      .filter(([status]) => isSuccess(status) === wanted)
      .reduce((sum, [, stats]) => sum + (stats.count ?? 0), 0);
  const milliseconds = (value: number | null) => (value === null ? "–" : `${value.toFixed(value < 1 ? 3 : 1)} ms`);
  printTable(
    ["", "req/s (avg)", "p50", "p99", success, `not ${success}`, "errors", "CPU/req", "DB CPU/req"],
    loads.map(([name, { result, serverCpuMs, databaseCpuMs }]) => [
      name,
      result.requests.average.toFixed(0),
      `${result.latency.p50} ms`,
      `${result.latency.p99} ms`,
      String(count(result, true)),
      String(count(result, false)),
      String(result.errors),
      milliseconds(serverCpuMs),
      milliseconds(databaseCpuMs),
    ]),
  );
  console.log("(CPU/req: the server process's user and system CPU per response; DB CPU/req: PostgreSQL's, all its processes.)");
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
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
  const window = { from: monotonicMicroseconds() };
  await load(server);
  const loaded = { ...window, to: monotonicMicroseconds() };
  await stopServer(server.process);
  const profiles = fs.readdirSync(folder).filter((file) => file.endsWith(".cpuprofile"));
  if (profiles.length === 0) throw new Error(`The profiled server wrote no profile in ${folder}.`);
  for (const file of profiles) printCpuProfile(path.join(folder, file), loaded);
}

/** V8 stamps profiles with the same monotonic clock as process.hrtime, in microseconds. */
function monotonicMicroseconds(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/**
 * Reads a V8 .cpuprofile (node --cpu-prof) and prints where the server spent its own time: the
 * functions with the most self time, and the same time summed per package.
 */
export function printCpuProfile(file: string, window: { from: number; to: number }, top = 20) {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const nodeById = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicroseconds = new Map<number, number>();
  // Only the samples taken under load: start-up and shutdown would blur the picture.
  let sampledAt = profile.startTime;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    sampledAt += delta;
    if (sampledAt >= window.from && sampledAt <= window.to) selfMicroseconds.set(id, (selfMicroseconds.get(id) ?? 0) + delta);
  });
  if (selfMicroseconds.size === 0) throw new Error(`No sample of ${file} falls within the load.`);
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
  console.log(`\nCPU profile of the server under load: ${(total / 1e6).toFixed(1)} s busy, ${(idle / 1e6).toFixed(1)} s idle (${file})`);
  console.log(`\nSelf time by package:`);
  for (const [owner, microseconds] of [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${share(microseconds)}  ${owner}`);
  console.log(`\nTop ${top} functions by self time:`);
  for (const [key, microseconds] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${share(microseconds)}  ${key}`);
}
