// Shared by the real-time benchmarks: a process of socket.io clients, the bare Socket.IO baseline, and
// the data and question they all watch.
import { spawn } from "node:child_process";
import path from "node:path";
import { openDatabase } from "../db/client";
import { projectRoot } from "../server/paths";
import { bulkReader, seedBulk } from "./seed-bulk";
import type { ClientCommand, ClientReport } from "./socket-clients";
import { scratchFolder, seededDatabase, spawnServer, startOnFreePort, type RunningServer } from "./support";

export interface SocketClients {
  pid: number;
  /** Opens `count` clients with this session (none for the baseline), each subscribed to `rooms`. */
  connect(url: string, cookie: string, count: number, rooms: string[]): Promise<Extract<ClientReport, { type: "connected" }>>;
  /** Delivery delays heard since the last call, in milliseconds. */
  latencies(): Promise<number[]>;
  close(): Promise<void>;
}

/** Starts bench/socket-clients.ts in a process of its own, so that its work is not the servers'. */
export function startSocketClients(): SocketClients {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/socket-clients.ts"], {
    cwd: projectRoot,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  // A benchmark that fails or is interrupted must not leave thousands of sockets behind.
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill);
  const ask = <Type extends ClientReport["type"]>(command: ClientCommand, answer: Type) =>
    new Promise<Extract<ClientReport, { type: Type }>>((resolve, reject) => {
      const onMessage = (report: ClientReport) => {
        if (report.type !== answer) return;
        child.off("message", onMessage);
        child.off("exit", onExit);
        resolve(report as Extract<ClientReport, { type: Type }>);
      };
      const onExit = (code: number | null) => reject(new Error(`The socket clients exited (${code}) before answering ${command.type}.`));
      child.on("message", onMessage);
      child.once("exit", onExit);
      child.send(command);
    });
  return {
    pid: child.pid ?? 0,
    connect: (url, cookie, count, rooms) => ask({ type: "connect", url, cookie, count, rooms }, "connected"),
    latencies: async () => (await ask({ type: "latencies" }, "latencies")).milliseconds,
    async close() {
      await ask({ type: "close" }, "closed").catch(() => undefined);
      kill();
      process.off("exit", kill);
    },
  };
}

/** The bare Socket.IO server of bench/bare-socket-server.ts, on a free port. */
export function startBareSocketServer(): Promise<RunningServer> {
  return startOnFreePort((port) => spawnServer(process.execPath, ["--import", "tsx", "bench/bare-socket-server.ts"], { PORT: String(port) }));
}

/** What the real-time benchmarks run on: a small bulk seed, its reader, and the question they watch. */
export interface RealtimeData {
  dataDir: string;
  /** PGlite in dataDir when absent. */
  databaseUrl?: string;
  questionId: string;
  account: { email: string; password: string };
}

const seedSize = { questions: 100, answersPerQuestion: 2, log: () => {} };

/** A scratch database filled by bench/seed-bulk.ts: PostgreSQL on TEST_DATABASE_URL's server, or PGlite in a scratch folder. */
export async function realtimeData(kind: "pglite" | "postgres", label: string): Promise<RealtimeData> {
  const dataDir = scratchFolder(label);
  if (kind === "postgres") {
    const { url, seed } = await seededDatabase(label, seedSize);
    return { dataDir, databaseUrl: url, questionId: seed.answerTargetQuestionId, account: bulkReader };
  }
  // Where Guilde keeps its embedded database under DATA_DIR.
  const database = await openDatabase({ kind: "pglite", directory: path.join(dataDir, "pglite") });
  try {
    await database.migrate();
    const seed = await seedBulk(database, seedSize);
    return { dataDir, questionId: seed.answerTargetQuestionId, account: bulkReader };
  } finally {
    await database.close();
  }
}
