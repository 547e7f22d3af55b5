import cluster from "node:cluster";
import { parseConfig, ConfigError } from "./config";
import { openGuilde } from "./guilde";
import { startSearchWorker } from "./search/outbox-worker";
import { startEventReminderWorker } from "./community-events/send-event-reminders";
import { startDigestWorker } from "./digests/send-digests";
import { startRoutingWorker } from "./routing/escalate-questions";
import { startServer } from "./server";
import { startWebhookWorker } from "./webhooks/deliver";
import { DataFolderLockedError } from "../db/client";

async function main() {
  // Libraries such as React read NODE_ENV directly: without it they run their slow development builds.
  process.env.NODE_ENV ??= "production";
  const config = parseConfig();
  if (config.processes > 1 && cluster.isPrimary) return supervise(config.processes);
  const guilde = await openGuilde(config);
  const server = await startServer(guilde, { port: config.port, host: config.host });
  const searchWorker = startSearchWorker(guilde, { fillEmptyIndex: true });
  const eventReminders = startEventReminderWorker(guilde);
  const webhookDeliveries = startWebhookWorker(guilde);
  const digestWorker = startDigestWorker(guilde);
  const questionRouting = startRoutingWorker(guilde);
  guilde.log.info(`Guilde is running on ${server.url} (database: ${guilde.database.kind}, search: ${config.search.kind})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    guilde.log.info(`${signal} received: finishing requests and closing.`);
    const forceExit = setTimeout(() => {
      guilde.log.error("Shutdown took longer than 10 s; exiting.");
      process.exit(1);
    }, 10_000);
    forceExit.unref();
    await server.close();
    // After the last request (whose writes it may index), before the database it reads.
    await searchWorker.stop();
    await eventReminders.stop();
    await webhookDeliveries.stop();
    await digestWorker.stop();
    await questionRouting.stop();
    await guilde.events.settled();
    // PGlite flushes to disk on close.
    await guilde.database.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

/**
 * Runs `count` Guilde processes on one port, to use as many cores: node:cluster hands each new
 * connection to one of them in turn. They are nodes as behind a load balancer (README, "Run several
 * nodes"): PostgreSQL carries real-time events between them and they take turns to migrate. A stop
 * signal is passed on to each, which finishes its requests. One that crashes after it started is
 * replaced; one that cannot start stops them all.
 */
function supervise(count: number) {
  let stopping = false;
  const running = new Set<number>();
  const listening = new Set<number>();
  const start = () => running.add(cluster.fork().id);
  const stopAll = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
  };
  cluster.on("listening", (worker) => listening.add(worker.id));
  cluster.on("exit", (worker, code, signal) => {
    running.delete(worker.id);
    if (!stopping && listening.has(worker.id)) {
      console.error(`A Guilde process stopped (${signal ?? `code ${code}`}); starting another.`);
      start();
      return;
    }
    if (!stopping) {
      process.exitCode = 1;
      stopAll();
    }
    if (running.size === 0) process.exit();
  });
  process.on("SIGTERM", stopAll);
  process.on("SIGINT", stopAll);
  for (let n = 0; n < count; n++) start();
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataFolderLockedError) {
    console.error(error.message);
  } else {
    console.error("Guilde could not start:", error);
  }
  process.exit(1);
});
