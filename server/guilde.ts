import { openDatabase, type DatabaseTarget } from "../db/client";
import { seedDemoData } from "../db/seed";
import { createSessions } from "./auth/sessions";
import type { Config } from "./config";
import type { Guilde } from "./context";
import { createEventBus } from "./events";
import { createLogger } from "./logger";
import { createSearchIndex } from "./search/engine";
import { createStorage } from "./storage";

/** Opens the database, migrates it, seeds the demo on an empty one, and wires the services' dependencies. */
export async function openGuilde(config: Config, database: DatabaseTarget = config.database): Promise<Guilde> {
  const log = createLogger(config.logLevel);
  const handle = await openDatabase(database);
  try {
    await handle.migrate();
    const guilde: Guilde = {
      config,
      database: handle,
      db: handle.db,
      sessions: createSessions(handle.db, { secureCookies: config.secureCookies }),
      events: createEventBus(log),
      log,
      search: createSearchIndex(config.search, handle.db),
      storage: createStorage(config.storage),
    };
    if (config.demoData) {
      const demo = await seedDemoData(guilde);
      if (demo) log.info(demo.banner);
    }
    return guilde;
  } catch (error) {
    await handle.close();
    throw error;
  }
}
