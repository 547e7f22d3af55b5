import { sql } from "drizzle-orm";
import { resultRows, type Database } from "../../db/client";
import { drainBatch, newWorkerId } from "./outbox-worker";
import type { SearchIndex } from "./search-index";
import { enqueueEverything } from "./targets";

export interface ReindexProgress {
  done: number;
  total: number;
}

/**
 * Rebuilds the whole index from the database without taking search down: every document is queued
 * through the outbox (so a running server's worker and this process share the work and never build
 * one document twice at once), rewritten in place while searches go on against the old copies, and
 * only then are the documents this rebuild did not rewrite (their source is gone) removed.
 */
export async function reindexEverything(
  db: Database,
  index: SearchIndex,
  {
    batchSize = 500,
    concurrency = 2,
    onProgress = () => {},
  }: {
    batchSize?: number;
    /** Batches built at once: on PostgreSQL each runs in its own server process, so two use two cores. */
    concurrency?: number;
    onProgress?: (progress: ReindexProgress) => void;
  } = {},
): Promise<{ documents: number; seconds: number }> {
  const started = new Date();
  await index.prepare();
  const [{ before }] = resultRows<{ before: number }>(await db.execute(sql`select coalesce(max(id), 0)::bigint as before from search_outbox`));
  const total = await enqueueEverything(db);
  const [{ last }] = resultRows<{ last: number }>(await db.execute(sql`select coalesce(max(id), 0)::bigint as last from search_outbox`));
  const remaining = async () =>
    resultRows<{ count: number }>(
      await db.execute(sql`select count(*)::int as count from search_outbox where id > ${Number(before)} and id <= ${Number(last)}`),
    )[0].count;
  onProgress({ done: 0, total });
  const drain = async () => {
    const workerId = newWorkerId();
    for (let left = total; left > 0; left = await remaining()) {
      // Nothing due for us means another worker holds the rest, or it is postponed after a failure: wait for it.
      if ((await drainBatch(db, index, { workerId, batchSize })) === 0) await new Promise((resolve) => setTimeout(resolve, 200));
      onProgress({ done: total - left, total });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, drain));
  onProgress({ done: total, total });
  await index.removeStale(started);
  return { documents: total, seconds: (Date.now() - started.getTime()) / 1000 };
}
