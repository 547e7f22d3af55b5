/**
 * Several Guilde processes on one PostgreSQL share their Socket.IO rooms through the database's
 * LISTEN/NOTIFY (@socket.io/postgres-adapter): an answer posted on one node reaches the sockets of
 * every node. The embedded database lives in one process, so PGlite keeps Socket.IO's in-memory adapter.
 * See docs/decisions/005-realtime.md.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { createAdapter } from "@socket.io/postgres-adapter";
import pg from "pg";
import type { Guilde } from "../context";

/** Where the adapter keeps messages too large for a NOTIFY (8,000 bytes); it deletes them after 30 s. */
const attachmentsTable = "socket_io_attachments";

export interface CrossNodeAdapter {
  adapter: ReturnType<typeof createAdapter>;
  close(): Promise<void>;
}

export async function crossNodeAdapter({ config, log }: Guilde): Promise<CrossNodeAdapter | null> {
  if (config.database.kind !== "postgres") return null;
  // Its own small pool, on the `pg` driver the adapter is written for: one connection stays in LISTEN,
  // the others send NOTIFY.
  const pool = new pg.Pool({ connectionString: config.database.url, max: 4 });
  pool.on("error", (error) => log.error("The real-time adapter lost a PostgreSQL connection; it reconnects", error));
  // The adapter's own table, outside Drizzle's migrations: it belongs to the library, not to Guilde's schema.
  await pool.query(`create table if not exists ${attachmentsTable} (id bigserial unique, created_at timestamptz default now(), payload bytea)`);
  return {
    adapter: createAdapter(pool, {
      tableName: attachmentsTable,
      errorHandler: (error) => log.error("The real-time adapter failed to pass a message between nodes", error),
    }),
    async close() {
      // Closing the adapter sends the other nodes a goodbye (so they stop waiting for this one's answers):
      // let it go out before the pool ends.
      for (let waited = 0; waited < 1000 && pool.totalCount > pool.idleCount; waited += 10) await sleep(10);
      await pool.end();
    },
  };
}
