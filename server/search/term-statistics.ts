/**
 * How rare each word is among questions, for similar questions (./postgres.ts): the number of
 * questions whose title holds a lexeme, and whose whole text does, in `search_term_statistics`.
 * Counted whole with ts_stat, again whenever a fifth of the questions changed since the last count:
 * rarity need not be exact, and counting a common word through the GIN index at query time costs
 * tens of milliseconds per word at 100,000 questions.
 */
import { sql } from "drizzle-orm";
import { resultRows, type Database } from "../../db/client";

/** Questions changed since the last count, as a share of those counted, that call for a new count. */
const staleShare = 0.2;

/** Counts again when no count exists or too many questions changed since; one process at a time. */
export async function countTermsWhenStale(db: Database): Promise<void> {
  const [state] = resultRows<{ counted: number | null; changed: number }>(
    await db.execute(sql`
      select s.titles as counted,
        (select count(*)::int from search_documents d where d.kind = 'question' and d.indexed_at > coalesce(s.counted_at, '-infinity')) as changed
      from (select 1) one left join search_term_statistics s on s.term = ''`),
  );
  if (state.counted !== null && state.changed <= Math.max(0, state.counted * staleShare)) return;
  await countTerms(db);
}

export async function countTerms(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    // Two workers finding the count stale at once: one counts, the other goes on indexing.
    const [lock] = resultRows<{ locked: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext('guilde:search_term_statistics')) as locked`));
    if (!lock.locked) return;
    await tx.execute(sql`delete from search_term_statistics`);
    // Every title lexeme is in the whole text's vector too (./postgres.ts builds it from the title's).
    await tx.execute(sql`
      insert into search_term_statistics (term, titles, texts)
      select x.word, coalesce(t.ndoc, 0), x.ndoc
      from ts_stat('select vector from search_documents where kind = ''question''') x
      left join ts_stat('select title_vector from search_documents where kind = ''question''') t on t.word = x.word`);
    await tx.execute(sql`
      insert into search_term_statistics (term, titles, texts)
      select '', count(*), count(*) from search_documents where kind = 'question'`);
  });
}
