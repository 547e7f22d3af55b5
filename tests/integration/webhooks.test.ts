import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { fetch } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { webhookDeliveries, webhooks } from "../../db/schema";
import { Invalid, NotFound, Forbidden } from "../../server/errors";
import { changeIdeaStatus } from "../../server/ideas/change-idea-status";
import { proposeIdea } from "../../server/ideas/propose-idea";
import { acceptAnswer } from "../../server/questions/accept-answer";
import { publishTutorial } from "../../server/tutorials/publish-tutorial";
import { writeTutorial } from "../../server/tutorials/write-tutorial";
import { publicOnlyAgent, refusedWebhookUrl } from "../../server/webhooks/addresses";
import { deliverDueWebhooks, deliveryLogDays, maxAttempts, pruneDeliveryLog, retryDelayMs } from "../../server/webhooks/deliver";
import { createWebhook, deleteWebhook, listWebhooks, sendTestWebhook, setWebhookActive } from "../../server/webhooks/manage-webhooks";
import { webhookSignature } from "../../server/webhooks/signature";
import { admin, answer, community, customer, employee, membership, question } from "../support/factories";
import { useGuilde } from "../support/guilde";

// The receivers these tests start listen on loopback, which only this setting lets webhooks reach.
const guilde = useGuilde({ WEBHOOKS_ALLOW_PRIVATE_NETWORKS: "true" });

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on loopback that answers each request with the next status of `statuses` (then 200). */
const receivers: Server[] = [];
async function receiver(statuses: number[] = []) {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.statusCode = statuses.shift() ?? 200;
      response.end(response.statusCode === 200 ? "thanks" : "receiver broke");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receivers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/guilde`, received };
}
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function setUp() {
  const head = await admin(guilde);
  const bikes = await community(guilde, { name: "Cycling repair" });
  const lea = await employee(guilde);
  const karim = await employee(guilde);
  await membership(guilde, bikes, lea);
  await membership(guilde, bikes, karim, "monitor");
  return { head, bikes, lea, karim };
}

const deliveriesOf = (webhookId: string) => guilde.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, webhookId));

describe("webhooks", () => {
  it("posts a question asked and an answer accepted, signed with the webhook's secret", async () => {
    const { head, bikes, lea, karim } = await setUp();
    const target = await receiver();
    const webhook = await createWebhook(guilde, { viewer: head, communityId: bikes.id, input: { url: target.url, events: ["question.asked", "answer.accepted"] } });
    const asked = await question(guilde, { in: bikes, by: lea, title: "Spongy hydraulic brake" });
    const reply = await answer(guilde, { to: asked, by: karim });
    await acceptAnswer(guilde, { viewer: lea, questionId: asked.id, answerId: reply.id });

    expect(await deliverDueWebhooks(guilde)).toBe(2);
    expect(target.received.map((request) => request.headers["x-guilde-event"])).toEqual(["question.asked", "answer.accepted"]);
    for (const request of target.received) {
      const timestamp = Number(request.headers["x-guilde-timestamp"]);
      expect(request.headers["x-guilde-signature"]).toBe(webhookSignature(webhook.secret, timestamp, request.body));
      expect(request.headers["x-guilde-signature"]).not.toBe(webhookSignature("another secret", timestamp, request.body));
    }
    const [first, second] = target.received.map((request) => JSON.parse(request.body));
    expect(first).toMatchObject({ event: "question.asked", community: { id: bikes.id, slug: bikes.slug }, question: { id: asked.id, title: "Spongy hydraulic brake", url: `${guilde.config.publicUrl}/questions/${asked.id}` } });
    expect(second).toMatchObject({ event: "answer.accepted", question: { id: asked.id, acceptedAnswerId: reply.id } });
    expect((await deliveriesOf(webhook.id)).every((delivery) => delivery.status === "delivered" && delivery.attempts === 1)).toBe(true);
  });

  it("posts an idea's status change with its new status, and a tutorial when it is published, not while it is a draft", async () => {
    const { head, bikes, lea, karim } = await setUp();
    const target = await receiver();
    await createWebhook(guilde, { viewer: head, communityId: bikes.id, input: { url: target.url, events: ["idea.status_changed", "tutorial.published"] } });
    const { ideaId } = await proposeIdea(guilde, {
      viewer: lea,
      communityId: bikes.id,
      input: { title: "A shared tyre lever kit per store", problem: "Every mechanic buys their own levers.", proposal: "One kit per store, kept at the desk.", benefit: "Fewer lost tools." },
    });
    const { tutorialId } = await writeTutorial(guilde, {
      viewer: karim,
      communityId: bikes.id,
      input: { title: "True a wheel in ten minutes", summary: "For a wheel that rubs the brake pads after a knock.", body: "1. Find the wobble.\n2. Tighten the spokes opposite it.", tags: "roues", difficulty: "beginner", minutes: "10" },
      publish: false,
    });
    expect(await deliverDueWebhooks(guilde)).toBe(0);

    await changeIdeaStatus(guilde, { viewer: head, ideaId, input: { status: "planned", note: "Kits ordered for every store in January." } });
    await publishTutorial(guilde, { viewer: karim, tutorialId });
    expect(await deliverDueWebhooks(guilde)).toBe(2);
    const [statusChanged, published] = target.received.map((request) => JSON.parse(request.body));
    expect(statusChanged).toMatchObject({ event: "idea.status_changed", idea: { id: ideaId, status: "planned", url: `${guilde.config.publicUrl}/ideas/${ideaId}` } });
    expect(published).toMatchObject({ event: "tutorial.published", tutorial: { id: tutorialId, title: "True a wheel in ten minutes", url: `${guilde.config.publicUrl}/tutorials/${tutorialId}` } });
  });

  it("tells only of the events chosen, for its own community, while it is switched on", async () => {
    const { head, bikes, lea } = await setUp();
    const elsewhere = await community(guilde);
    await membership(guilde, elsewhere, lea);
    const target = await receiver();
    const webhook = await createWebhook(guilde, { viewer: head, communityId: bikes.id, input: { url: target.url, events: ["answer.accepted"] } });
    await question(guilde, { in: bikes, by: lea });
    await question(guilde, { in: elsewhere, by: lea });
    await setWebhookActive(guilde, { viewer: head, webhookId: webhook.id, active: false });
    expect(await deliverDueWebhooks(guilde)).toBe(0);
    expect(await deliveriesOf(webhook.id)).toEqual([]);
  });

  it("tries again with backoff after the receiver fails, then records the delivery", async () => {
    const { head, bikes, lea } = await setUp();
    const target = await receiver([500, 500]);
    const webhook = await createWebhook(guilde, { viewer: head, communityId: bikes.id, input: { url: target.url, events: ["question.asked"] } });
    await question(guilde, { in: bikes, by: lea });
    const start = new Date();

    expect(await deliverDueWebhooks(guilde, { now: start })).toBe(1);
    let [delivery] = await deliveriesOf(webhook.id);
    expect(delivery).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500, lastResponse: "receiver broke" });
    expect(delivery.nextAttemptAt.getTime()).toBe(start.getTime() + retryDelayMs(1));
    // Not due yet: nothing is posted.
    expect(await deliverDueWebhooks(guilde, { now: new Date(start.getTime() + retryDelayMs(1) - 1) })).toBe(0);

    const second = new Date(start.getTime() + retryDelayMs(1));
    expect(await deliverDueWebhooks(guilde, { now: second })).toBe(1);
    const third = new Date(second.getTime() + retryDelayMs(2));
    expect(await deliverDueWebhooks(guilde, { now: third })).toBe(1);
    [delivery] = await deliveriesOf(webhook.id);
    expect(delivery).toMatchObject({ status: "delivered", attempts: 3, lastStatusCode: 200, lastResponse: "thanks" });
    expect(target.received).toHaveLength(3);
    // The same delivery each time: a receiver can tell a retry from a new event.
    expect(new Set(target.received.map((request) => request.headers["x-guilde-delivery"]))).toEqual(new Set([delivery.id]));
  });

  it("gives up after the last attempt", async () => {
    const { head, bikes, lea } = await setUp();
    const target = await receiver(Array.from({ length: maxAttempts }, () => 503));
    const webhook = await createWebhook(guilde, { viewer: head, communityId: bikes.id, input: { url: target.url, events: ["question.asked"] } });
    await question(guilde, { in: bikes, by: lea });
    let now = Date.now();
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      expect(await deliverDueWebhooks(guilde, { now: new Date(now) })).toBe(1);
      now += retryDelayMs(attempt);
    }
    expect(await deliverDueWebhooks(guilde, { now: new Date(now + 86_400_000) })).toBe(0);
    const [delivery] = await deliveriesOf(webhook.id);
    expect(delivery).toMatchObject({ status: "failed", attempts: maxAttempts, lastStatusCode: 503 });
  });

  it("keeps finished deliveries in the log for a while, and pending ones until they are done", async () => {
    const { head, bikes, lea } = await setUp();
    const target = await receiver();
    const webhook = await createWebhook(guilde, { viewer: head, communityId: bikes.id, input: { url: target.url, events: ["question.asked"] } });
    for (let asked = 0; asked < 3; asked++) await question(guilde, { in: bikes, by: lea });
    const [old, recent, stillPending] = await deliveriesOf(webhook.id);
    const now = new Date();
    const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
    await guilde.db.update(webhookDeliveries).set({ status: "delivered", createdAt: daysAgo(deliveryLogDays + 1) }).where(eq(webhookDeliveries.id, old.id));
    await guilde.db.update(webhookDeliveries).set({ status: "failed", createdAt: daysAgo(deliveryLogDays - 1) }).where(eq(webhookDeliveries.id, recent.id));
    await guilde.db.update(webhookDeliveries).set({ createdAt: daysAgo(deliveryLogDays + 10) }).where(eq(webhookDeliveries.id, stillPending.id));

    expect(await pruneDeliveryLog(guilde, { now })).toBe(1);
    expect((await deliveriesOf(webhook.id)).map((delivery) => delivery.id).toSorted()).toEqual([recent.id, stillPending.id].toSorted());
  });

  it("posts each delivery once, however many workers run at the same time", async () => {
    const { head, bikes, lea } = await setUp();
    const target = await receiver();
    const webhook = await createWebhook(guilde, { viewer: head, communityId: bikes.id, input: { url: target.url, events: ["question.asked"] } });
    for (let n = 0; n < 5; n++) await question(guilde, { in: bikes, by: lea });
    const [one, two] = await Promise.all([deliverDueWebhooks(guilde), deliverDueWebhooks(guilde)]);
    expect(one + two).toBe(5);
    expect(target.received).toHaveLength(5);
    expect((await deliveriesOf(webhook.id)).map((delivery) => delivery.attempts)).toEqual([1, 1, 1, 1, 1]);
  });

  it("sends a test on demand and shows it in the delivery log", async () => {
    const { head, bikes } = await setUp();
    const target = await receiver([500]);
    const webhook = await createWebhook(guilde, { viewer: head, communityId: bikes.id, input: { url: target.url, events: ["question.asked"] } });
    const sent = await sendTestWebhook(guilde, { viewer: head, webhookId: webhook.id });
    expect(sent).toMatchObject({ event: "ping", status: "pending", lastStatusCode: 500 });
    expect(JSON.parse(target.received[0].body)).toMatchObject({ event: "ping", community: { id: bikes.id } });
    const [listed] = await listWebhooks(guilde, { viewer: head, communityId: bikes.id });
    expect(listed.deliveries.map((delivery) => [delivery.event, delivery.lastStatusCode])).toEqual([["ping", 500]]);
  });

  it("keeps a change and its delivery together: a delivery is written only when its change commits", async () => {
    const { head, bikes, lea } = await setUp();
    const target = await receiver();
    const webhook = await createWebhook(guilde, { viewer: head, communityId: bikes.id, input: { url: target.url, events: ["question.asked"] } });
    await expect(question(guilde, { in: bikes, by: lea, title: "" })).rejects.toBeInstanceOf(Invalid);
    expect(await deliveriesOf(webhook.id)).toEqual([]);
    // The receiver down does not stop the question: its delivery waits.
    await new Promise((resolve) => receivers.pop()!.close(resolve));
    await question(guilde, { in: bikes, by: lea });
    await deliverDueWebhooks(guilde);
    const [delivery] = await deliveriesOf(webhook.id);
    expect(delivery).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: null });
  });

  it("is managed by administrators only: moderators, employees and customers are refused, and see nothing", async () => {
    const { head, bikes, lea } = await setUp();
    const moderator = await employee(guilde);
    await membership(guilde, bikes, moderator, "moderator");
    const shop = await community(guilde, { visibility: "open" });
    const buyer = await customer(guilde, { invitedTo: shop });
    const target = await receiver();
    const webhook = await createWebhook(guilde, { viewer: head, communityId: bikes.id, input: { url: target.url, events: ["question.asked"] } });
    await expect(createWebhook(guilde, { viewer: moderator, communityId: bikes.id, input: { url: target.url, events: ["question.asked"] } })).rejects.toBeInstanceOf(Forbidden);
    await expect(listWebhooks(guilde, { viewer: lea, communityId: bikes.id })).rejects.toBeInstanceOf(Forbidden);
    await expect(listWebhooks(guilde, { viewer: buyer, communityId: bikes.id })).rejects.toBeInstanceOf(NotFound);
    await expect(createWebhook(guilde, { viewer: buyer, communityId: shop.id, input: { url: target.url, events: ["question.asked"] } })).rejects.toBeInstanceOf(Forbidden);
    await expect(sendTestWebhook(guilde, { viewer: moderator, webhookId: webhook.id })).rejects.toBeInstanceOf(Forbidden);
    await expect(deleteWebhook(guilde, { viewer: buyer, webhookId: webhook.id })).rejects.toBeInstanceOf(NotFound);
    await expect(setWebhookActive(guilde, { viewer: null, webhookId: webhook.id, active: false })).rejects.toBeInstanceOf(NotFound);
    expect(await guilde.db.select().from(webhooks)).toHaveLength(1);
    expect(target.received).toEqual([]);
  });

  it("refuses bad addresses and events with field errors, writing nothing", async () => {
    const { head, bikes } = await setUp();
    const attempt = (input: { url?: unknown; events?: unknown }) => createWebhook(guilde, { viewer: head, communityId: bikes.id, input });
    await expect(attempt({ url: "not a url", events: ["question.asked"] })).rejects.toMatchObject({ fieldErrors: { url: ["webhooks.errors.url"] } });
    await expect(attempt({ url: "ftp://example.com/x", events: ["question.asked"] })).rejects.toMatchObject({ fieldErrors: { url: ["webhooks.errors.url"] } });
    await expect(attempt({ url: "https://example.com/hook", events: [] })).rejects.toMatchObject({ fieldErrors: { events: ["webhooks.errors.noEvent"] } });
    await expect(attempt({ url: "https://example.com/hook", events: ["question.deleted"] })).rejects.toMatchObject({ fieldErrors: { events: ["webhooks.errors.event"] } });
    const rules = guilde.config.webhooks;
    rules.allowPrivateNetworks = false;
    try {
      await expect(attempt({ url: "http://127.0.0.1:9/hook", events: ["question.asked"] })).rejects.toMatchObject({ fieldErrors: { url: ["webhooks.errors.privateAddress"] } });
    } finally {
      rules.allowPrivateNetworks = true;
    }
    expect(await guilde.db.select().from(webhooks)).toEqual([]);
  });
});

describe("webhook addresses", () => {
  const strict = { allowPrivateNetworks: false, requireHttps: true };
  it.each([
    "https://127.0.0.1/hook",
    "https://localhost/hook",
    "https://10.1.2.3/hook",
    "https://172.16.0.1/hook",
    "https://192.168.1.20/hook",
    "https://169.254.169.254/latest/meta-data",
    "https://[::1]/hook",
    "https://[::ffff:127.0.0.1]/hook",
    "https://[fd12:3456::1]/hook",
    "https://0.0.0.0/hook",
  ])("refuses %s, on a private network", async (url) => {
    expect(await refusedWebhookUrl(url, strict)).toBe("webhooks.errors.privateAddress");
  });

  it("refuses plain http in production and credentials in the address, and takes a public https address", async () => {
    expect(await refusedWebhookUrl("http://93.184.215.14/hook", strict)).toBe("webhooks.errors.https");
    expect(await refusedWebhookUrl("https://user:secret@93.184.215.14/hook", strict)).toBe("webhooks.errors.credentials");
    expect(await refusedWebhookUrl("https://93.184.215.14/hook", strict)).toBeNull();
    expect(await refusedWebhookUrl("http://127.0.0.1/hook", { allowPrivateNetworks: true, requireHttps: true })).toBeNull();
  });

  it("checks the addresses again when connecting, so a name re-pointed at a private address after the check is refused", async () => {
    const target = await receiver();
    const byName = target.url.replace("127.0.0.1", "localhost");
    const agent = publicOnlyAgent();
    try {
      await expect(fetch(byName, { method: "POST", body: "{}", dispatcher: agent })).rejects.toMatchObject({ cause: { code: "EPRIVATE" } });
      expect(target.received).toEqual([]);
      expect((await fetch(byName, { method: "POST", body: "{}" })).status).toBe(200);
    } finally {
      await agent.close();
    }
  });
});
