import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { openDatabase, resultRows, type DatabaseHandle, type DatabaseKind } from "../../db/client";
import { adminUrl, databaseUrl, templateDatabaseName } from "./postgres";

export const testDatabaseKind: DatabaseKind = process.env.TEST_DB === "postgres" ? "postgres" : "pglite";

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or a clone of the migrated
 * template on the test PostgreSQL server, dropped on close.
 */
export interface TestDatabase extends DatabaseHandle {
  cutOff(): Promise<void>;
  /** How many statements went to the database since the last reset. */
  queries: { count: number; reset(): void };
}

function queryCounter() {
  const queries = { count: 0, reset: () => (queries.count = 0) };
  return { queries, onQuery: () => queries.count++ };
}

export async function openTestDatabase(kind: DatabaseKind = testDatabaseKind): Promise<TestDatabase> {
  const { queries, onQuery } = queryCounter();
  if (kind === "pglite") {
    const handle = await openDatabase({ kind: "pglite" }, { onQuery });
    await handle.migrate();
    // The embedded database lives in the process: closing it is how it becomes unreachable.
    return { ...handle, queries, cutOff: () => handle.close() };
  }
  const name = `guilde_test_${randomBytes(6).toString("hex")}`;
  const admin = await openDatabase({ kind: "postgres", url: adminUrl(), poolSize: 1 });
  await admin.db.execute(sql.raw(`create database ${name} template ${templateDatabaseName}`));
  const handle = await openDatabase({ kind: "postgres", url: databaseUrl(name), poolSize: 5 }, { onQuery });
  return {
    ...handle,
    queries,
    /** Cuts the server off from this database, as if it had gone down. */
    cutOff: async () => {
      await admin.db.execute(sql.raw(`alter database ${name} allow_connections false`));
      await admin.db.execute(
        sql.raw(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`),
      );
    },
    close: async () => {
      await handle.close();
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
    },
  };
}

/** Empties every table between tests, so that no test depends on another's data. */
export async function truncateAll(handle: DatabaseHandle): Promise<void> {
  const rows = resultRows<{ tablename: string }>(
    await handle.db.execute(sql`select tablename from pg_tables where schemaname = 'public'`),
  );
  if (rows.length === 0) return;
  const tables = rows.map((row) => `"${row.tablename}"`).join(", ");
  await handle.db.execute(sql.raw(`truncate ${tables} restart identity cascade`));
}
