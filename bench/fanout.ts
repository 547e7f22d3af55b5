import { setTimeout as sleep } from "node:timers/promises";
import { questionRoom } from "../app/realtime/protocol";
import { realtimeData, startBareSocketServer, startSocketClients, type RealtimeData, type SocketClients } from "./realtime-support";
import {
  ensureBuild,
  formatCount,
  percentile,
  printTable,
  requirePostgres,
  residentMemoryMiB,
  runBench,
  scratchFolder,
  signIn,
  startGuilde,
  stopServer,
  type RunningServer,
} from "./support";

const clientCount = Number(process.env.BENCH_CLIENTS ?? 1000);
const answerCount = Number(process.env.BENCH_ANSWERS ?? 50);
/** One answer every 100 ms: ten a second on one question, far above any real thread. */
const answerIntervalMs = 100;
const p99TargetMs = 100;

interface Outcome {
  name: string;
  latencies: number[];
  /** Resident memory of each server after the answers, in MiB. */
  rss: number[];
}

runBench(
  `Real-time fan-out: ${formatCount(clientCount)} socket.io clients (one process of their own, WebSocket) subscribed to one question,\n` +
    `${answerCount} answers posted through the question's form (POST /questions/<id> intent=answer), one every ${answerIntervalMs} ms.\n` +
    `Latency: from the commit (stamped in the event) to each client's receipt. Baseline: a bare Socket.IO server\n` +
    `emitting the same event to the same clients on request, with no session, policy or database.`,
  `p99 under ${p99TargetMs} ms on one node.`,
  async () => {
    requirePostgres("bench:fanout");
    ensureBuild();
    const outcomes: Outcome[] = [];

    outcomes.push(await baseline());
    outcomes.push(await oneGuilde("Guilde, PGlite (in-memory adapter)", await realtimeData("pglite", "fanout")));
    outcomes.push(await oneGuilde("Guilde, PostgreSQL (postgres adapter)", await realtimeData("postgres", "fanout")));
    outcomes.push(...(await twoGuildes(await realtimeData("postgres", "fanout_nodes"))));

    console.log();
    printTable(
      ["", "delivered", "p50", "p95", "p99", "max", "server RSS"],
      outcomes.map(({ name, latencies, rss }) => [
        name,
        `${formatCount(latencies.length)}/${formatCount(expectedDeliveries(name))}`,
        `${percentile(latencies, 0.5)} ms`,
        `${percentile(latencies, 0.95)} ms`,
        `${percentile(latencies, 0.99)} ms`,
        `${Math.max(...latencies)} ms`,
        `${rss.map((mib) => mib.toFixed(0)).join(" + ")} MiB`,
      ]),
      42,
      14,
    );
    const single = outcomes.find((outcome) => outcome.name.startsWith("Guilde, PGlite"))!;
    const p99 = percentile(single.latencies, 0.99);
    const complete = outcomes.every(({ name, latencies }) => latencies.length === expectedDeliveries(name));
    console.log(`\nTarget p99 < ${p99TargetMs} ms on one node (PGlite): ${p99 < p99TargetMs && complete ? "met" : "NOT met"} (${p99} ms${complete ? "" : ", some events were not delivered"})`);
    if (p99 >= p99TargetMs || !complete) process.exitCode = 1;
  },
);

/** Two-node rows hold half the clients each. */
function expectedDeliveries(name: string): number {
  return (name.includes("node A") || name.includes("node B") ? clientCount / 2 : clientCount) * answerCount;
}

async function baseline(): Promise<Outcome> {
  console.log("Baseline: bare Socket.IO…");
  const server = await startBareSocketServer();
  const clients = startSocketClients();
  try {
    await connectAll(clients, server, "", "question:bench", clientCount);
    await sleep(1000);
    for (let n = 0; n < answerCount; n++) {
      await fetch(`${server.url}/emit?room=question:bench`, { method: "POST" });
      await sleep(answerIntervalMs);
    }
    const latencies = await collect(clients, clientCount * answerCount);
    return { name: "bare Socket.IO (baseline)", latencies, rss: [residentMemoryMiB(server.process.pid)] };
  } finally {
    await clients.close();
    await stopServer(server.process);
  }
}

async function oneGuilde(name: string, { dataDir, databaseUrl, questionId, account }: RealtimeData): Promise<Outcome> {
  console.log(`${name}…`);
  const guilde = await startGuilde({ dataDir, databaseUrl, demoData: false });
  const clients = startSocketClients();
  try {
    const cookie = await signIn(guilde.url, account);
    await connectAll(clients, guilde, cookie, questionRoom(questionId), clientCount);
    // Presence counts settle after the arrivals.
    await sleep(1000);
    await postAnswers(guilde, cookie, questionId);
    const latencies = await collect(clients, clientCount * answerCount);
    return { name, latencies, rss: [residentMemoryMiB(guilde.process.pid)] };
  } finally {
    await clients.close();
    await stopServer(guilde.process);
  }
}

/** Half the clients on each node; the answers go through node B, so node A's clients hear them through PostgreSQL. */
async function twoGuildes({ dataDir, databaseUrl, questionId, account }: RealtimeData): Promise<Outcome[]> {
  console.log("Guilde, two nodes on PostgreSQL (postgres adapter)…");
  const [nodeA, nodeB] = await Promise.all([
    startGuilde({ dataDir, databaseUrl, demoData: false }),
    startGuilde({ dataDir: scratchFolder("fanout-b"), databaseUrl, demoData: false }),
  ]);
  const onA = startSocketClients();
  const onB = startSocketClients();
  try {
    const cookie = await signIn(nodeA.url, account);
    await connectAll(onA, nodeA, cookie, questionRoom(questionId), clientCount / 2);
    await connectAll(onB, nodeB, cookie, questionRoom(questionId), clientCount / 2);
    // Presence counts ask every node; let the nodes know each other (heartbeats every 5 s) and settle.
    await sleep(6000);
    await postAnswers(nodeB, cookie, questionId);
    const [latenciesA, latenciesB] = await Promise.all([collect(onA, (clientCount / 2) * answerCount), collect(onB, (clientCount / 2) * answerCount)]);
    const rss = [residentMemoryMiB(nodeA.process.pid), residentMemoryMiB(nodeB.process.pid)];
    return [
      { name: "Guilde, 2 nodes: node A (other node)", latencies: latenciesA, rss },
      { name: "Guilde, 2 nodes: node B (posting node)", latencies: latenciesB, rss },
    ];
  } finally {
    await Promise.all([onA.close(), onB.close()]);
    await Promise.all([stopServer(nodeA.process), stopServer(nodeB.process)]);
  }
}

async function connectAll(clients: SocketClients, server: RunningServer, cookie: string, room: string, count: number) {
  const connected = await clients.connect(server.url, cookie, count, [room]);
  console.log(`  ${formatCount(connected.open)} clients connected and subscribed in ${connected.seconds.toFixed(1)} s`);
  if (connected.failed > 0) throw new Error(`${connected.failed} clients failed to connect or subscribe: ${connected.firstError}`);
}

async function postAnswers(guilde: RunningServer, cookie: string, questionId: string) {
  for (let n = 1; n <= answerCount; n++) {
    const response = await fetch(`${guilde.url}/questions/${questionId}`, {
      method: "POST",
      body: new URLSearchParams({ intent: "answer", body: `Benchmark answer ${n}: loosen the spokes on the side it rubs, tighten the opposite ones.` }),
      headers: { Cookie: cookie, Origin: guilde.url, "Content-Type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    });
    if (response.status !== 302) throw new Error(`Posting answer ${n} answered ${response.status}.`);
    await sleep(answerIntervalMs);
  }
}

/** Every delivery the clients report, waiting up to 10 s for the last ones. */
async function collect(clients: SocketClients, expected: number): Promise<number[]> {
  const latencies: number[] = [];
  const deadline = performance.now() + 10_000;
  while (latencies.length < expected && performance.now() < deadline) {
    latencies.push(...(await clients.latencies()));
    if (latencies.length < expected) await sleep(100);
  }
  return latencies;
}
