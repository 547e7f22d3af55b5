import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, afterEach, beforeAll } from "vitest";
import { projectRoot } from "../../server/paths";

const serverEntry = path.join(projectRoot, "build", "guilde.js");
const scratchRoot = path.join(projectRoot, "tests", ".tmp");
const readyTimeoutMs = 30_000;

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface LaunchOptions {
  /** The DATA_DIR; a fresh folder when omitted. */
  dataDir?: string;
  /** Environment on top of the defaults (production, loopback, a free port, no demo data). */
  env?: Record<string, string>;
}

/** A `node build/guilde.js` process, as an operator runs it. */
export interface GuildeProcess {
  readonly url: string;
  readonly pid: number;
  readonly dataDir: string;
  /** Everything printed so far. */
  readonly stdout: string;
  readonly stderr: string;
  /** Settles once the process has exited and its output is complete. */
  readonly exited: Promise<Exit>;
  /** Resolves once stdout contains the text; rejects if the process exits first. */
  waitForOutput(text: string): Promise<void>;
  stop(signal?: NodeJS.Signals): Promise<Exit>;
  kill(): Promise<Exit>;
}

/**
 * The processes and data folders of one test file. What a test starts is removed after it; what a
 * `beforeAll` starts (see useGuildeServer) after the file.
 */
class Workspace {
  private readonly processes = new Set<GuildeProcess>();
  private readonly folders = new Set<string>();

  /** A fresh, empty data folder under tests/.tmp/. */
  dataDir(): string {
    fs.mkdirSync(scratchRoot, { recursive: true });
    const folder = fs.mkdtempSync(path.join(scratchRoot, "guilde-"));
    this.folders.add(folder);
    return folder;
  }

  /** Starts Guilde and resolves once GET /healthz answers 200. */
  async start(options: LaunchOptions = {}): Promise<GuildeProcess> {
    const guilde = await this.launch(options);
    await waitUntilHealthy(guilde);
    return guilde;
  }

  /** Runs Guilde when it is expected to stop by itself (a refused start-up). */
  async runUntilExit(options: LaunchOptions = {}): Promise<Exit & { stdout: string; stderr: string }> {
    const guilde = await this.launch(options);
    const exit = await withTimeout(guilde.exited, readyTimeoutMs, () =>
      describe(guilde, `still running after ${readyTimeoutMs / 1000} s, though it was expected to exit`),
    );
    return { ...exit, stdout: guilde.stdout, stderr: guilde.stderr };
  }

  async cleanUp(): Promise<void> {
    await Promise.all([...this.processes].map((guilde) => guilde.kill()));
    this.processes.clear();
    for (const folder of this.folders) fs.rmSync(folder, { recursive: true, force: true });
    this.folders.clear();
  }

  private async launch({ dataDir = this.dataDir(), env = {} }: LaunchOptions): Promise<GuildeProcess> {
    const port = await freePort();
    const guilde = spawnGuilde(dataDir, {
      // A minimal environment, so that the test runner's own variables (DATABASE_URL…) cannot leak in.
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATA_DIR: dataDir,
      DEMO_DATA: "false",
      LOG_LEVEL: "info",
      ...env,
    });
    this.processes.add(guilde);
    return guilde;
  }
}

/** Start and stop real servers inside tests; each is killed and its folder removed after the test. */
export function useGuildeProcesses(): Workspace {
  const workspace = new Workspace();
  afterEach(() => workspace.cleanUp());
  return workspace;
}

/** One real server for the whole test file, on a fresh data folder. */
export function useGuildeServer(env: Record<string, string> = {}): { readonly url: string } {
  const workspace = new Workspace();
  let server: GuildeProcess | undefined;
  beforeAll(async () => {
    server = await workspace.start({ env });
  });
  afterAll(() => workspace.cleanUp());
  return {
    get url() {
      if (!server) throw new Error("useGuildeServer: the server starts in beforeAll");
      return server.url;
    },
  };
}

function spawnGuilde(dataDir: string, env: NodeJS.ProcessEnv): GuildeProcess {
  const child = spawn(process.execPath, [serverEntry], { cwd: projectRoot, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  const outputListeners = new Set<() => void>();
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    for (const listener of outputListeners) listener();
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  // "close" rather than "exit": it comes once stdout and stderr are fully read.
  const exited = new Promise<Exit>((resolve) => child.once("close", (code, signal) => resolve({ code, signal })));
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;

  const guilde: GuildeProcess = {
    url: `http://${env.HOST}:${env.PORT}`,
    pid: child.pid!,
    dataDir,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    exited,
    waitForOutput: (text) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!stdout.includes(text)) return;
          outputListeners.delete(check);
          resolve();
        };
        outputListeners.add(check);
        check();
        void exited.then(() => reject(new Error(describe(guilde, `exited before printing "${text}"`))));
      }),
    stop: (signal = "SIGTERM") => {
      if (!hasExited()) child.kill(signal);
      return exited;
    },
    kill: () => guilde.stop("SIGKILL"),
  };
  return guilde;
}

async function waitUntilHealthy(guilde: GuildeProcess): Promise<void> {
  let exited = false;
  void guilde.exited.then(() => (exited = true));
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(describe(guilde, "exited before it was ready"));
    const status = await fetch(`${guilde.url}/healthz`, { signal: AbortSignal.timeout(2000) }).then(
      (response) => response.status,
      () => null,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await guilde.kill();
  throw new Error(describe(guilde, `did not answer GET /healthz with 200 within ${readyTimeoutMs / 1000} s`));
}

function describe(guilde: GuildeProcess, problem: string): string {
  return `Guilde (pid ${guilde.pid}, ${guilde.url}) ${problem}.\n--- stdout\n${guilde.stdout}--- stderr\n${guilde.stderr}`;
}

async function withTimeout<T>(promise: Promise<T>, milliseconds: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message())), milliseconds);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
