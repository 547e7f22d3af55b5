import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type DatabaseKind = "pglite" | "postgres";

export type DatabaseTarget =
  | { kind: "pglite"; directory?: string }
  | { kind: "postgres"; url: string; poolSize?: number };

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /** Applies the committed drizzle-kit migrations; safe to run on every start. */
  migrate(): Promise<void>;
  /** Throws when the database cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Next to this file in development; found by walking up once bundled into build/. */
const migrationsFolder = (() => {
  for (let dir = import.meta.dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    for (const candidate of [path.join(dir, "migrations"), path.join(dir, "db", "migrations")]) {
      if (fs.existsSync(path.join(candidate, "meta", "_journal.json"))) return candidate;
    }
  }
  throw new Error(`db/migrations not found above ${import.meta.dirname}`);
})();

export interface DatabaseOptions {
  /** Called with every statement Drizzle sends (tests count a page's queries with it). */
  onQuery?: (query: string) => void;
}

export async function openDatabase(target: DatabaseTarget, options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  const logger = options.onQuery ? { logQuery: (query: string) => options.onQuery!(query) } : undefined;
  return target.kind === "postgres" ? openPostgres(target.url, target.poolSize ?? 10, logger) : openPglite(target.directory, logger);
}

type QueryLogger = { logQuery(query: string): void } | undefined;

/** The advisory lock that serialises migrations between processes ("guilde" in ASCII). */
const migrationLockKey = 0x6775696c6465;

function openPostgres(url: string, poolSize: number, logger: QueryLogger): DatabaseHandle {
  const client = postgres(url, { max: poolSize, onnotice: () => {}, connection: { TimeZone: "UTC" } });
  const db = drizzlePostgres(preparingStatements(client), { schema, logger }) as unknown as Database;
  return {
    db,
    kind: "postgres",
    migrate: async () => {
      // Nodes started together take turns, on a session lock held by a connection of its own: the first
      // migrates, the others then find nothing left to do (instead of failing on "type already exists").
      const lock = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await lock`select pg_advisory_lock(${migrationLockKey})`;
        await migratePostgres(drizzlePostgres(client), { migrationsFolder });
      } finally {
        await lock.end({ timeout: 5 });
      }
    },
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * Drizzle tells postgres.js not to prepare its statements (unless the query is named). Prepared, each
 * statement is parsed and planned once per connection instead of on every page, which is most of what
 * PostgreSQL spends on a page's small queries. Drizzle sends values as parameters, so a query's text is
 * the same from one request to the next. (Behind a pooler in transaction mode, such as PgBouncer before
 * 1.21, prepared statements do not work: connect Guilde to PostgreSQL directly or in session mode.)
 */
function preparingStatements(client: postgres.Sql): postgres.Sql {
  return new Proxy(client, {
    get(target, property) {
      if (property === "unsafe") {
        return (query: string, parameters?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, parameters, { ...options, prepare: true });
      }
      if (property === "begin" || property === "savepoint") {
        // A transaction (or a nested one) runs on a client of its own, which must prepare too.
        return (...args: unknown[]) => {
          const work = args.pop() as (transaction: postgres.TransactionSql) => unknown;
          return (Reflect.get(target, property) as (...rest: unknown[]) => unknown)(...args, (transaction: postgres.TransactionSql) =>
            work(preparingStatements(transaction as unknown as postgres.Sql) as unknown as postgres.TransactionSql),
          );
        };
      }
      return Reflect.get(target, property);
    },
  });
}

/**
 * PGlite is a single connection with no lock of its own on its folder: a second process opening the
 * same folder would corrupt it, so a lock file with our pid guards it.
 */
async function openPglite(directory: string | undefined, logger: QueryLogger): Promise<DatabaseHandle> {
  let releaseLock = () => {};
  if (directory) {
    fs.mkdirSync(directory, { recursive: true });
    releaseLock = lockDataFolder(directory);
  }
  const client = await PGlite.create({ dataDir: directory, extensions: { btree_gin, pg_trgm, unaccent } }).catch(
    (error: unknown) => {
      releaseLock();
      throw error;
    },
  );
  const db = drizzlePglite(client, { schema, logger }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    migrate: async () => {
      await client.exec("create extension if not exists btree_gin; create extension if not exists pg_trgm; create extension if not exists unaccent;");
      await migratePglite(drizzlePglite(client), { migrationsFolder });
    },
    ping: async () => {
      if (client.closed) throw new Error("the embedded database is closed");
      await client.query("select 1");
    },
    close: async () => {
      if (!client.closed) await client.close();
      releaseLock();
    },
  };
}

export class DataFolderLockedError extends Error {}

function lockDataFolder(directory: string): () => void {
  const lockFile = path.join(directory, "guilde.lock");
  // The pid is written to a file of our own, then linked into place: the lock appears whole or not at all.
  const ownFile = `${lockFile}.${process.pid}`;
  fs.writeFileSync(ownFile, String(process.pid));
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        fs.linkSync(ownFile, lockFile);
        return () => fs.rmSync(lockFile, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw lockedError(directory, lockFile);
      }
      const holder = Number(fs.readFileSync(lockFile, "utf8"));
      if (!holder || holder === process.pid || isAlive(holder)) throw lockedError(directory, lockFile);
      // A stale lock left by a process that died: only one process can rename it away.
      try {
        fs.renameSync(lockFile, `${lockFile}.stale.${process.pid}`);
        fs.rmSync(`${lockFile}.stale.${process.pid}`, { force: true });
      } catch {
        throw lockedError(directory, lockFile);
      }
    }
  } finally {
    fs.rmSync(ownFile, { force: true });
  }
}

function lockedError(directory: string, lockFile: string): DataFolderLockedError {
  const holder = fs.existsSync(lockFile) ? fs.readFileSync(lockFile, "utf8").trim() : "another process";
  return new DataFolderLockedError(
    `The embedded database in ${directory} is in use by process ${holder}. Stop it first, or set DATA_DIR to another folder.`,
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** `db.execute` answers an array on postgres.js and `{ rows }` on PGlite: this reads both. */
export function resultRows<Row>(result: unknown): Row[] {
  return Array.isArray(result) ? (result as Row[]) : (result as { rows: Row[] }).rows;
}
