import fs from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { realtimeData, startBareSocketServer, startSocketClients } from "./realtime-support";
import { ensureBuild, formatCount, printTable, residentMemoryMiB, runBench, signIn, startGuilde, stopServer, type RunningServer } from "./support";

const maxSockets = Number(process.env.BENCH_SOCKETS ?? 10_000);
const steps = [1000, 2500, 5000, 10_000, 20_000].filter((count) => count < maxSockets).concat(maxSockets);
const budgetMiB = 1024;
/** Time for the server to finish the handshakes' garbage before its memory is read. */
const settleMs = 3000;

interface Reading {
  sockets: number;
  rss: number;
}

runBench(
  `Idle authenticated sockets on one node (PGlite, a small bulk seed): socket.io clients (one process of their own, WebSocket)\n` +
    `connect with a session cookie and stay idle, up to ${formatCount(maxSockets)}; the server's resident memory is read at each step,\n` +
    `${settleMs / 1000} s after the last handshake. Baseline: a bare Socket.IO server holding the same clients (no session, no database).`,
  `${formatCount(maxSockets)} sockets under ${budgetMiB} MiB of RSS.`,
  async () => {
    ensureBuild();
    const openFiles = maxOpenFiles();
    // Each socket is a file descriptor in the server and one in the client process.
    if (openFiles < maxSockets + 1000) {
      throw new Error(`The open-file limit is ${openFiles}: run npm run bench:sockets, which raises it, or ulimit -n ${maxSockets + 1000} first.`);
    }

    console.log("Baseline: bare Socket.IO…");
    const bare = await startBareSocketServer();
    const bareReadings = await fill(bare, "");
    await stopServer(bare.process);

    console.log("Guilde…");
    const { dataDir, account } = await realtimeData("pglite", "sockets");
    const guilde = await startGuilde({ dataDir, demoData: false });
    const cookie = await signIn(guilde.url, account);
    const guildeReadings = await fill(guilde, cookie);
    await stopServer(guilde.process);

    console.log();
    printTable(
      ["sockets", "Guilde RSS", "bare RSS"],
      guildeReadings.map((reading, index) => [
        formatCount(reading.sockets),
        `${reading.rss.toFixed(0)} MiB`,
        bareReadings[index] ? `${bareReadings[index].rss.toFixed(0)} MiB` : "",
      ]),
    );
    const perSocket = (readings: Reading[]) => {
      const [idle, last] = [readings[0], readings.at(-1)!];
      return ((last.rss - idle.rss) * 1024) / (last.sockets - idle.sockets);
    };
    const guildePerSocket = perSocket(guildeReadings);
    const last = guildeReadings.at(-1)!;
    const capacity = Math.floor(((budgetMiB - guildeReadings[0].rss) * 1024) / guildePerSocket);
    console.log(`\nMemory per idle socket: Guilde ${guildePerSocket.toFixed(1)} KiB, bare Socket.IO ${perSocket(bareReadings).toFixed(1)} KiB`);
    console.log(`At this rate one node holds about ${formatCount(capacity)} idle sockets within ${budgetMiB} MiB (${guildeReadings[0].rss.toFixed(0)} MiB without any).`);
    const met = last.sockets >= maxSockets && last.rss < budgetMiB;
    console.log(`Target ${formatCount(maxSockets)} sockets under ${budgetMiB} MiB: ${met ? "met" : "NOT met"} (${formatCount(last.sockets)} sockets, ${last.rss.toFixed(0)} MiB)`);
    if (!met) process.exitCode = 1;
  },
);

/** Opens sockets step by step, reading the server's memory before any and after each step; stops past the budget. */
async function fill(server: RunningServer, cookie: string): Promise<Reading[]> {
  const clients = startSocketClients();
  try {
    await sleep(settleMs);
    const readings: Reading[] = [{ sockets: 0, rss: residentMemoryMiB(server.process.pid) }];
    let open = 0;
    for (const step of steps) {
      const connected = await clients.connect(server.url, cookie, step - open, []);
      if (connected.failed > 0) throw new Error(`${connected.failed} sockets failed to connect: ${connected.firstError}`);
      console.log(`  ${formatCount(connected.open)} sockets open (${formatCount(step - open)} more in ${connected.seconds.toFixed(1)} s)`);
      open = step;
      await sleep(settleMs);
      const rss = residentMemoryMiB(server.process.pid);
      readings.push({ sockets: connected.open, rss });
      console.log(`    server RSS ${rss.toFixed(0)} MiB`);
      if (rss > budgetMiB) break;
    }
    return readings;
  } finally {
    await clients.close();
  }
}

/** The soft limit on open files of this process, which the servers and clients it starts inherit. */
function maxOpenFiles(): number {
  const line = /^Max open files\s+(\d+|unlimited)/m.exec(fs.readFileSync("/proc/self/limits", "utf8"))?.[1];
  return line === undefined || line === "unlimited" ? Infinity : Number(line);
}
