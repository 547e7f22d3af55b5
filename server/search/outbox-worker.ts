/**
 * Drains the search outbox into the index. Rows are leased in a short transaction (the database is
 * never held while the engine works: PGlite has a single connection), rebuilt from the database,
 * written to the engine, and deleted. A failure puts them back with exponential backoff, so a search
 * engine that is down delays the index, never a write; it catches up when the engine returns.
 */
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { resultRows, type Database } from "../../db/client";
import type { Guilde } from "../context";
import { buildDocuments } from "./documents";
import type { SearchIndex } from "./search-index";
import { decodeTarget, enqueueEverything, type Target } from "./targets";

/** Claims are taken one at a time across every worker and process, so one target is never leased twice. */
const claimLockKey = 604_117_001;
const maxBackoffSeconds = 300;

export interface DrainOptions {
  workerId: string;
  batchSize?: number;
  /** How long a lease holds before another worker may take the rows (a worker that died). */
  leaseSeconds?: number;
}

interface LeasedRow {
  id: number;
  target: string;
}

/**
 * Leases up to `batchSize` rows that are due, skipping rows locked by another statement and targets
 * another worker holds (two builds of one document racing could leave the older one in the index).
 */
async function lease(db: Database, { workerId, batchSize = 200, leaseSeconds = 120 }: DrainOptions): Promise<LeasedRow[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${claimLockKey})`);
    return resultRows<LeasedRow>(
      await tx.execute(sql`
        update search_outbox o
        set leased_by = ${workerId}, leased_until = now() + make_interval(secs => ${leaseSeconds}), attempts = o.attempts + 1
        from (
          select c.id from search_outbox c
          where c.available_at <= now() and (c.leased_until is null or c.leased_until < now())
            and not exists (select 1 from search_outbox held where held.target = c.target and held.leased_until >= now())
          order by c.id
          limit ${batchSize}
          for update skip locked
        ) due
        where o.id = due.id
        returning o.id, o.target`),
    ).map((row) => ({ id: Number(row.id), target: row.target }));
  });
}

/** Rows done: gone from the outbox (only if still ours: an expired lease may have passed them on). */
async function acknowledge(db: Database, workerId: string, ids: number[]): Promise<void> {
  await db.execute(sql`delete from search_outbox where id = any(${sql.param(ids)}::bigint[]) and leased_by = ${workerId}`);
}

/** Rows back in the queue after a failure: due again after 1 s, 2 s, 4 s… up to five minutes, with jitter. */
async function postpone(db: Database, workerId: string, ids: number[], error: unknown): Promise<void> {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
  await db.execute(sql`
    update search_outbox
    set leased_by = null, leased_until = null, last_error = ${message},
      available_at = now() + make_interval(secs => least(${maxBackoffSeconds}, power(2, least(attempts, 12) - 1)) * (1 + random() * 0.2))
    where id = any(${sql.param(ids)}::bigint[]) and leased_by = ${workerId}`);
}

/** Processes one batch; answers how many rows it handled. Throws (after postponing them) when the engine failed. */
export async function drainBatch(db: Database, index: SearchIndex, options: DrainOptions): Promise<number> {
  const rows = await lease(db, options);
  if (rows.length === 0) return 0;
  const ids = rows.map((row) => row.id);
  try {
    const targets = rows.map((row) => decodeTarget(row.target)).filter((target): target is Target => target !== null);
    const built = await buildDocuments(db, targets);
    await index.remove(built.removals);
    await index.upsert(built.upserts, new Date());
  } catch (error) {
    await postpone(db, options.workerId, ids, error);
    throw error;
  }
  await acknowledge(db, options.workerId, ids);
  return rows.length;
}

/** Drains until no row is due (tests, the reindex script); rows postponed by backoff are left. */
export async function drainOutbox(db: Database, index: SearchIndex, options: Partial<DrainOptions> = {}): Promise<number> {
  const workerId = options.workerId ?? newWorkerId();
  let total = 0;
  for (let handled; (handled = await drainBatch(db, index, { ...options, workerId })) > 0; ) total += handled;
  return total;
}

export const newWorkerId = () => `worker-${process.pid}-${randomBytes(4).toString("hex")}`;

export interface SearchWorker {
  /** Finishes the batch in hand and stops. */
  stop(): Promise<void>;
}

/**
 * The background worker: wakes when a write publishes its events (the outbox rows are committed by
 * then) and polls every `pollMs` otherwise, which is also when postponed rows are retried. Woken by a
 * write, it lets `settleMs` pass first, and again after a batch that was not full: the writes of a
 * burst (answers arriving on a busy question) are indexed together, and a document they all touch
 * (the question, its author's expertise) is rebuilt once per batch instead of once per write.
 */
export function startSearchWorker(
  guilde: Pick<Guilde, "db" | "events" | "log" | "search">,
  {
    pollMs = 1000,
    settleMs = 100,
    batchSize = 200,
    index = guilde.search,
    fillEmptyIndex = false,
  }: {
    pollMs?: number;
    settleMs?: number;
    batchSize?: number;
    index?: SearchIndex;
    /** Queues every document when the engine holds none (first start, demo data, a new Meilisearch). */
    fillEmptyIndex?: boolean;
  } = {},
): SearchWorker {
  const workerId = newWorkerId();
  let stopped = false;
  let wake = () => {};
  let interrupt = () => {};
  // A write published while a batch was in hand is not missed: it is seen before the worker sleeps.
  let written = false;
  const unsubscribe = guilde.events.subscribe(() => {
    written = true;
    wake();
  });

  /** Waits `ms`; answers true when cut short, by a write if `wakeable`, or by stop(). */
  const pause = (ms: number, wakeable: boolean) =>
    new Promise<boolean>((resolve) => {
      const done = (cutShort: boolean) => {
        clearTimeout(timer);
        wake = () => {};
        interrupt = () => {};
        resolve(cutShort);
      };
      const timer = setTimeout(() => done(false), ms);
      interrupt = () => done(true);
      if (wakeable) wake = () => done(true);
    });

  const loop = (async () => {
    let prepared = false;
    let failing = false;
    while (!stopped) {
      let handled = 0;
      written = false;
      try {
        if (!prepared) {
          await index.prepare();
          if (fillEmptyIndex) await fillIfEmpty(guilde.db, index, guilde.log);
          prepared = true;
        }
        handled = await drainBatch(guilde.db, index, { workerId, batchSize });
        if (failing) guilde.log.info("The search engine answers again: the index is catching up.");
        failing = false;
      } catch (error) {
        // Logged once per outage, not once per retry.
        if (!failing) guilde.log.error("Search indexing failed; changes wait in the outbox and are retried with backoff.", error);
        failing = true;
      }
      if (stopped || handled === batchSize) continue;
      const woken = handled > 0 || written || (await pause(pollMs, true));
      if (woken && !stopped) await pause(settleMs, false);
    }
  })();

  return {
    async stop() {
      stopped = true;
      unsubscribe();
      interrupt();
      await loop;
    },
  };
}

async function fillIfEmpty(db: Database, index: SearchIndex, log: Guilde["log"]): Promise<void> {
  const [pending] = resultRows<{ pending: boolean }>(await db.execute(sql`select exists (select 1 from search_outbox) as pending`));
  if (pending.pending || (await index.count()) > 0) return;
  const queued = await enqueueEverything(db);
  if (queued > 0) log.info(`The search index is empty: indexing ${queued} documents in the background.`);
}
