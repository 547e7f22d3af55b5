import { afterAll, beforeEach } from "vitest";
import { createSessions } from "../../server/auth/sessions";
import { parseConfig, type Config } from "../../server/config";
import type { Guilde } from "../../server/context";
import { createEventBus } from "../../server/events";
import { createLogger } from "../../server/logger";
import { createPostgresIndex } from "../../server/search/postgres";
import { startServer, type RunningServer } from "../../server/server";
import { createStorage } from "../../server/storage";
import { openTestDatabase, truncateAll, type TestDatabase } from "./database";

export function testConfig(overrides: Record<string, string> = {}): Config {
  return parseConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", DEMO_DATA: "false", ...overrides });
}

export interface TestGuilde extends Guilde {
  database: TestDatabase;
  /** Starts the real HTTP + Socket.IO server on a free loopback port (the production build). */
  serve(): Promise<RunningServer>;
}

/**
 * One Guilde per test file, on the database the project runs on (PGlite or PostgreSQL); every table
 * is emptied before each test.
 */
export function useGuilde(overrides: Record<string, string> = {}): TestGuilde {
  let handle: TestDatabase | undefined;
  let server: RunningServer | undefined;
  const config = testConfig(overrides);
  const guilde = {
    config,
    log: createLogger("silent"),
    // A failing subscriber logs an error, which fails the test.
    events: createEventBus(createLogger("error")),
    get database() {
      if (!handle) throw new Error("useGuilde: the database opens in beforeEach");
      return handle;
    },
    get db() {
      return this.database.db;
    },
    sessions: undefined as unknown as Guilde["sessions"],
    // The embedded engine on this file's database; a test may point `search` at another engine.
    search: undefined as unknown as Guilde["search"],
    storage: createStorage(config.storage),
    async serve() {
      server ??= await startServer(guilde, { port: 0, host: "127.0.0.1" });
      return server;
    },
  } satisfies TestGuilde as TestGuilde;

  beforeEach(async () => {
    if (!handle) {
      handle = await openTestDatabase();
      guilde.sessions = createSessions(handle.db, { secureCookies: false });
      guilde.search = createPostgresIndex(handle.db);
    } else {
      // What the last test's writes set off after commit must finish before its tables are emptied.
      await guilde.events.settled();
      await truncateAll(handle);
    }
  });
  afterAll(async () => {
    await server?.close();
    await guilde.events.settled();
    await handle?.close();
  });
  return guilde;
}
