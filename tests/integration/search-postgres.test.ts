import net from "node:net";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { resultRows } from "../../db/client";
import { posts, searchOutbox } from "../../db/schema";
import { write } from "../../server/events";
import { editQuestion } from "../../server/questions/edit";
import { createMeilisearchIndex } from "../../server/search/meilisearch";
import { drainBatch, drainOutbox, newWorkerId, startSearchWorker } from "../../server/search/outbox-worker";
import { createPostgresIndex } from "../../server/search/postgres";
import { reindexEverything } from "../../server/search/reindex";
import { searchContent } from "../../server/search/search-content";
import type { SearchIndex } from "../../server/search/search-index";
import { answer, community, employee, question } from "../support/factories";
import { useGuilde } from "../support/guilde";
import { searchContract } from "./search-contract";

const guilde = useGuilde();

describe("embedded search engine (PostgreSQL full-text)", () => {
  searchContract(guilde, () => createPostgresIndex(guilde.db));

  const outboxTargets = async () => (await guilde.db.select({ target: searchOutbox.target }).from(searchOutbox)).map((row) => row.target);
  const found = async (viewer: Awaited<ReturnType<typeof employee>>, q: string) =>
    (await searchContent(guilde, { viewer, input: { q, type: ["question"] } })).results.map((result) => result.href);

  describe("the outbox", () => {
    it("is written in the write's transaction: a rolled-back write leaves no row", async () => {
      const atelier = await community(guilde);
      const lea = await employee(guilde);
      await expect(
        write(guilde, async (tx, emit) => {
          const [post] = await tx.insert(posts).values({ id: "rolledback000001", kind: "question", communityId: atelier.id, authorId: lea.id, title: "Never", body: "x", bodyHtml: "x" }).returning();
          emit({ type: "question.asked", communityId: atelier.id, questionId: post.id, authorId: lea.id });
          throw new Error("the disk is full");
        }),
      ).rejects.toThrow("the disk is full");
      expect(await outboxTargets()).toEqual([]);
      const asked = await question(guilde, { in: atelier, by: lea });
      expect(await outboxTargets()).toEqual([`post:${asked.id}`]);
    });

    it("keeps changes while the engine is down, backs off, and catches up when it returns", async () => {
      const atelier = await community(guilde);
      const lea = await employee(guilde);
      // A real Meilisearch adapter pointed at a port nobody listens on: the write must not care.
      const closedPort = await new Promise<number>((resolve) => {
        const server = net.createServer().listen(0, "127.0.0.1", () => {
          const { port } = server.address() as net.AddressInfo;
          server.close(() => resolve(port));
        });
      });
      const down = createMeilisearchIndex({ host: `http://127.0.0.1:${closedPort}`, db: guilde.db, timeoutMs: 500 });
      const asked = await question(guilde, { in: atelier, by: lea, title: "Opening hours on bank holidays" });
      await expect(drainBatch(guilde.db, down, { workerId: newWorkerId() })).rejects.toThrow();
      const [row] = await guilde.db.select().from(searchOutbox);
      expect(row).toMatchObject({ target: `post:${asked.id}`, attempts: 1, leasedBy: null });
      expect(row.lastError).toBeTruthy();
      expect(row.availableAt.getTime()).toBeGreaterThan(Date.now() + 500);
      // Backoff: the row is not retried before it is due.
      expect(await drainBatch(guilde.db, down, { workerId: newWorkerId() })).toBe(0);

      // The embedded engine made unavailable for real (its table gone), then back.
      await guilde.db.execute(sql`alter table search_documents rename to search_documents_offline`);
      await guilde.db.update(searchOutbox).set({ availableAt: new Date(0) });
      await expect(drainOutbox(guilde.db, guilde.search)).rejects.toThrow();
      expect((await guilde.db.select().from(searchOutbox))[0].attempts).toBe(2);
      await guilde.db.execute(sql`alter table search_documents_offline rename to search_documents`);
      await guilde.db.update(searchOutbox).set({ availableAt: new Date(0) });
      await drainOutbox(guilde.db, guilde.search);
      expect(await outboxTargets()).toEqual([]);
      expect(await found(lea, "bank holidays")).toEqual([`/questions/${asked.id}`]);
    });

    it("several workers never build the same document twice, and lose none", async () => {
      const atelier = await community(guilde);
      const lea = await employee(guilde);
      for (let n = 0; n < 30; n++) await question(guilde, { in: atelier, by: lea, title: `Question number ${n} about pedals` });
      const upserted: string[] = [];
      const counting: SearchIndex = {
        ...guilde.search,
        upsert: async (documents, at) => {
          upserted.push(...documents.map((document) => document.id));
          await new Promise((resolve) => setTimeout(resolve, 5));
          await guilde.search.upsert(documents, at);
        },
      };
      await Promise.all([1, 2, 3].map(() => drainOutbox(guilde.db, counting, { batchSize: 4 })));
      expect(upserted).toHaveLength(30);
      expect(new Set(upserted).size).toBe(30);
      expect(await outboxTargets()).toEqual([]);
      expect((await searchContent(guilde, { viewer: lea, input: { q: "pedals" } })).total).toBe(30);
    });

    it("the background worker indexes a write as soon as it commits, and stops cleanly", async () => {
      const atelier = await community(guilde);
      const lea = await employee(guilde);
      const worker = startSearchWorker(guilde, { pollMs: 60_000 });
      try {
        const asked = await question(guilde, { in: atelier, by: lea, title: "Returns without a receipt" });
        await expect.poll(() => found(lea, "receipt"), { timeout: 5000 }).toEqual([`/questions/${asked.id}`]);
        await editQuestion(guilde, { viewer: lea, questionId: asked.id, input: { title: "Refunds without a receipt", body: "A customer lost the receipt, what now?", tags: [] } });
        await expect.poll(() => found(lea, "refunds"), { timeout: 5000 }).toEqual([`/questions/${asked.id}`]);
      } finally {
        await worker.stop();
      }
    });
    it("the background worker indexes a burst of writes together: a document they all touch is built once, not once per write", async () => {
      const atelier = await community(guilde);
      const lea = await employee(guilde);
      const hugo = await employee(guilde);
      const asked = await question(guilde, { in: atelier, by: lea, title: "Chain wear gauges" });
      await drainOutbox(guilde.db, guilde.search);
      const batches: string[][] = [];
      const counting: SearchIndex = {
        ...guilde.search,
        upsert: async (documents, at) => {
          batches.push(documents.map((document) => document.id));
          await guilde.search.upsert(documents, at);
        },
      };
      const worker = startSearchWorker(guilde, { pollMs: 60_000, settleMs: 1500, index: counting });
      try {
        const answers = [];
        for (let n = 0; n < 4; n++) answers.push(await answer(guilde, { to: asked, by: hugo, body: `Measure the stretch, answer ${n}` }));
        const indexed = answers.map((posted) => `answer-${posted.id}`);
        await expect.poll(() => indexed.every((id) => batches.flat().includes(id)), { timeout: 10_000 }).toBe(true);
        // Each answer changes the question's document (its answer count): rebuilt per batch, at most twice
        // if the first answer was taken as the worker started, never once per answer.
        expect(batches.length).toBeLessThanOrEqual(2);
        expect(batches.flat().filter((id) => id === `question-${asked.id}`).length).toBeLessThanOrEqual(2);
      } finally {
        await worker.stop();
      }
    });
  });

  describe("reindex", () => {
    it("rebuilds every document from the database and removes the ones whose source is gone", async () => {
      const atelier = await community(guilde);
      const lea = await employee(guilde);
      const kept = await question(guilde, { in: atelier, by: lea, title: "Bike fitting appointments" });
      const dropped = await question(guilde, { in: atelier, by: lea, title: "Bike fitting prices" });
      await drainOutbox(guilde.db, guilde.search);
      // Changed behind the outbox's back, as a restore from backup or a manual fix would.
      await guilde.db.execute(sql`delete from follows where post_id = ${dropped.id}`);
      await guilde.db.execute(sql`delete from notifications where post_id = ${dropped.id}`);
      await guilde.db.execute(sql`delete from question_routing_recipients where question_id = ${dropped.id}`);
      await guilde.db.execute(sql`delete from question_routing_steps where question_id = ${dropped.id}`);
      await guilde.db.delete(posts).where(eq(posts.id, dropped.id));
      await guilde.db.update(posts).set({ title: "Bike fitting appointments and waiting times" }).where(eq(posts.id, kept.id));
      const steps: number[] = [];
      const { documents } = await reindexEverything(guilde.db, guilde.search, { batchSize: 2, onProgress: ({ done }) => steps.push(done) });
      expect(documents).toBeGreaterThanOrEqual(3);
      expect(steps.at(-1)).toBe(documents);
      expect(await found(lea, "bike fitting")).toEqual([`/questions/${kept.id}`]);
      expect(await found(lea, "waiting times")).toEqual([`/questions/${kept.id}`]);
      const [{ count }] = resultRows<{ count: number }>(await guilde.db.execute(sql`select count(*)::int as count from search_documents where source_id = ${dropped.id}`));
      expect(count).toBe(0);
    });
  });
});
