// Shared by the benchmarks: spawning servers on 127.0.0.1, waiting for them, measuring, cleaning up.
import { execSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { demoPassword, demoUsers } from "../db/seed";
import { projectRoot } from "../server/paths";

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
export function startGuilde(settings: Omit<GuildeSettings, "port">): Promise<RunningServer> {
  return startOnFreePort((port) => spawnServer(process.execPath, ["build/guilde.js"], guildeEnvironment({ ...settings, port })));
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

/** Resident memory of a process, in MiB, from /proc/<pid>/status. */
export function residentMemoryMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (!kilobytes) throw new Error(`No VmRSS in /proc/${pid}/status.`);
  return Number(kilobytes) / 1024;
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
