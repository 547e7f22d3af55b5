import { parseConfig, ConfigError } from "./config";
import { openGuilde } from "./guilde";
import { startSearchWorker } from "./search/outbox-worker";
import { startServer } from "./server";
import { DataFolderLockedError } from "../db/client";

async function main() {
  // Libraries such as React read NODE_ENV directly: without it they run their slow development builds.
  process.env.NODE_ENV ??= "production";
  const config = parseConfig();
  const guilde = await openGuilde(config);
  const server = await startServer(guilde, { port: config.port, host: config.host });
  const searchWorker = startSearchWorker(guilde, { fillEmptyIndex: true });
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
    await guilde.events.settled();
    // PGlite flushes to disk on close.
    await guilde.database.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataFolderLockedError) {
    console.error(error.message);
  } else {
    console.error("Guilde could not start:", error);
  }
  process.exit(1);
});
