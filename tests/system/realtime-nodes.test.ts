import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { communityRoom, questionRoom } from "../../app/realtime/protocol";
import { openDatabase } from "../../db/client";
import type { Guilde } from "../../server/context";
import { openGuilde } from "../../server/guilde";
import { community, employee, membership, question } from "../support/factories";
import { testConfig } from "../support/guilde";
import { HttpClient } from "../support/http";
import { adminUrl, databaseUrl } from "../support/postgres";
import { useGuildeProcesses, type GuildeProcess } from "../support/process";
import { sessionCookie, useSockets, type TestSocket } from "../support/sockets";

const guildes = useGuildeProcesses();
const sockets = useSockets();

// One PostgreSQL database, created on the test server (TEST_DATABASE_URL) for this file, which both
// processes share; this file's own Guilde writes the fixtures into it.
const name = `guilde_nodes_${randomBytes(6).toString("hex")}`;
let url: string;
let guilde: Guilde;

beforeAll(async () => {
  const admin = await openDatabase({ kind: "postgres", url: adminUrl(), poolSize: 1 });
  await admin.db.execute(sql.raw(`create database ${name}`));
  await admin.close();
  url = databaseUrl(name);
  guilde = await openGuilde(testConfig({ DATABASE_URL: url }));
});

afterAll(async () => {
  await guilde?.database.close();
  const admin = await openDatabase({ kind: "postgres", url: adminUrl(), poolSize: 1 });
  await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
  await admin.close();
});

/** Two Guilde processes on the database, started one after the other (the first migrates). */
async function twoNodes(): Promise<[GuildeProcess, GuildeProcess]> {
  const env = { DATABASE_URL: url };
  const first = await guildes.start({ env });
  const second = await guildes.start({ env });
  return [first, second];
}

async function connect(node: GuildeProcess, user: { id: string }): Promise<TestSocket> {
  return sockets.connect(node.url, await sessionCookie(guilde, user.id));
}

async function browserOn(node: GuildeProcess, user: { id: string }): Promise<HttpClient> {
  const browser = new HttpClient(node.url);
  browser.setCookieHeader(await sessionCookie(guilde, user.id));
  return browser;
}

describe("two server processes on one PostgreSQL", () => {
  it("a client on one node hears what is posted through the other, sees everyone viewing, and rooms follow memberships", async () => {
    const [nodeA, nodeB] = await twoNodes();
    const hr = await community(guilde, { visibility: "private" });
    const [lea, karim, paul] = [await employee(guilde), await employee(guilde), await employee(guilde)];
    for (const person of [lea, karim, paul]) await membership(guilde, hr, person);
    const asked = await question(guilde, { in: hr, by: lea });
    const room = questionRoom(asked.id);

    const leaOnA = await connect(nodeA, lea);
    const karimOnB = await connect(nodeB, karim);
    const paulOnA = await connect(nodeA, paul);
    expect(await leaOnA.subscribe(room)).toEqual({ ok: true });
    expect(await karimOnB.subscribe(room)).toEqual({ ok: true });
    // Counting viewers asks every node for its sockets: both must know each other (heartbeats every 5 s).
    await leaOnA.next("presence", (event) => event.viewers === 2, 15_000);
    await karimOnB.next("presence", (event) => event.viewers === 2, 15_000);

    const posted = await (await browserOn(nodeB, karim)).post(`/questions/${asked.id}`, {
      intent: "answer",
      body: `@${paul.handle} the form for the new rota is in the shared folder.`,
    });
    expect(posted.status).toBe(302);
    const answerId = /#answer-(\w+)$/.exec(posted.headers.get("location") ?? "")?.[1];
    expect(await leaOnA.next("reply.posted")).toEqual({ questionId: asked.id, replyId: answerId, kind: "answer", committedAt: expect.any(Number) });
    // The mention reaches Paul's user room on the other node.
    expect(await paulOnA.next("notifications.unread")).toEqual({ unread: 1 });

    // Paul, on node A, leaves the community through node B: his socket on A leaves its rooms.
    expect(await paulOnA.subscribe(room, communityRoom(hr.id))).toEqual({ ok: true });
    await leaOnA.next("presence", (event) => event.viewers === 3, 15_000);
    leaOnA.forget();
    const left = await (await browserOn(nodeB, paul)).post(`/c/${hr.slug}`, { intent: "leave", communityId: hr.id });
    expect(left.status).toBe(302);
    await leaOnA.next("presence", (event) => event.viewers === 2, 15_000);

    const since = paulOnA.heard.length;
    const again = await (await browserOn(nodeB, karim)).post(`/questions/${asked.id}`, { intent: "answer", body: "And the rota itself is pinned in the break room." });
    const againId = /#answer-(\w+)$/.exec(again.headers.get("location") ?? "")?.[1];
    await leaOnA.next("reply.posted", (event) => event.replyId === againId);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(paulOnA.heard.slice(since)).toEqual([]);
  });

  it("PROCESSES=2 serves one port from two processes, which a client on either hears, and SIGTERM stops both", async () => {
    const cluster = await guildes.start({ env: { DATABASE_URL: url, PROCESSES: "2" } });
    await cluster.waitForOutput("Guilde is running");
    // Each process announces itself once it listens.
    await expect.poll(() => cluster.stdout.match(/Guilde is running/g)?.length ?? 0, { timeout: 30_000 }).toBe(2);
    const cycling = await community(guilde);
    const [lea, karim] = [await employee(guilde), await employee(guilde)];
    for (const person of [lea, karim]) await membership(guilde, cycling, person);
    const asked = await question(guilde, { in: cycling, by: lea });
    // Connections go to the processes in turn: a few sockets reach both.
    const listeners = await Promise.all(Array.from({ length: 4 }, () => connect(cluster, lea)));
    for (const socket of listeners) expect(await socket.subscribe(questionRoom(asked.id))).toEqual({ ok: true });
    const posted = await (await browserOn(cluster, karim)).post(`/questions/${asked.id}`, { intent: "answer", body: "Tighten the spokes a quarter turn at a time." });
    expect(posted.status).toBe(302);
    for (const socket of listeners) await socket.next("reply.posted");

    expect(await cluster.stop("SIGTERM")).toEqual({ code: 0, signal: null });
  });
});
