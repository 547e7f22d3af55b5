import { afterAll, beforeEach } from "vitest";
import { createSessions } from "../../server/auth/sessions";
import { parseConfig, type Config } from "../../server/config";
import type { Guilde } from "../../server/context";
import { createEventBus } from "../../server/events";
import { createLogger } from "../../server/logger";
import { startServer, type RunningServer } from "../../server/server";
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
    async serve() {
      server ??= await startServer(guilde, { port: 0, host: "127.0.0.1" });
      return server;
    },
  } satisfies TestGuilde as TestGuilde;

  beforeEach(async () => {
    if (!handle) {
      handle = await openTestDatabase();
      guilde.sessions = createSessions(handle.db, { secureCookies: false });
    } else {
      await truncateAll(handle);
    }
  });
  afterAll(async () => {
    await server?.close();
    await handle?.close();
  });
  return guilde;
}
