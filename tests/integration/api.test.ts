import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiTokens, posts, replies, searchOutbox, votes, type User } from "../../db/schema";
import { apiRouter } from "../../server/api/router";
import { createApiToken } from "../../server/api-tokens/create-api-token";
import { listApiTokens } from "../../server/api-tokens/list-api-tokens";
import { revokeApiToken } from "../../server/api-tokens/revoke-api-token";
import { proposeIdea } from "../../server/ideas/propose-idea";
import { getIdea } from "../../server/ideas/get-idea";
import { getQuestion } from "../../server/questions/get-question";
import { getTutorial } from "../../server/tutorials/get-tutorial";
import { writeTutorial } from "../../server/tutorials/write-tutorial";
import { drainOutbox } from "../../server/search/outbox-worker";
import { answer, community, customer, employee, membership, question, site } from "../support/factories";
import { useGuilde } from "../support/guilde";
import { HttpClient } from "../support/http";
import { sessionCookie } from "../support/sockets";

/** Low enough for the rate limit test to reach it, high enough that no other test does. */
const rateLimitPerMinute = 40;
const guilde = useGuilde({ API_RATE_LIMIT_PER_MINUTE: String(rateLimitPerMinute) });

interface ApiError {
  error: { code: string; message: string; fields: Record<string, { code: string; message: string }[]> };
}

async function tokenFor(person: User, scope: "read" | "write" = "read") {
  return (await createApiToken(guilde, { viewer: person, input: { name: `${scope} script`, scope } })).token;
}

/** A script calling the API: a bearer token and JSON, nothing else (no cookie, no Origin). */
async function call(token: string | null, path: string, { method = "GET", body }: { method?: string; body?: unknown } = {}) {
  const server = await guilde.serve();
  const headers: Record<string, string> = {};
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(new URL(`/api/v1${path}`, server.url), { method, headers, body: typeof body === "string" ? body : body === undefined ? undefined : JSON.stringify(body) });
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> & Partial<ApiError> };
}

/**
 * Karim (Lille) monitors Kayaking (open to customers) and belongs to Store operations (internal) and
 * the Pricing committee (private); Emil is an employee of another site in none of them; Anna is a
 * customer invited to Kayaking.
 */
async function world() {
  const lille = await site(guilde, { name: "Lille Centre", city: "Lille" });
  const kayak = await community(guilde, { name: "Kayaking", slug: "kayaking", visibility: "open", premoderation: "off" });
  const store = await community(guilde, { name: "Store operations", slug: "store-operations", visibility: "internal" });
  const pricing = await community(guilde, { name: "Pricing committee", slug: "pricing", visibility: "private" });
  const karim = await employee(guilde, { displayName: "Karim Benali", site: lille, title: "Workshop lead", bio: "Internal phone: 4521" });
  const emil = await employee(guilde, { displayName: "Emil Outsider" });
  const anna = await customer(guilde, { displayName: "Anna Paddler", invitedTo: kayak });
  await membership(guilde, kayak, karim, "monitor", { topics: ["rolling"] });
  await membership(guilde, store, karim);
  await membership(guilde, pricing, karim);
  const open = await question(guilde, { in: kayak, by: karim, title: "Rolling a sea kayak with a loaded deck", tags: [] });
  const internal = await question(guilde, { in: store, by: karim, title: "Shrinkage figures for the Lille store", tags: [] });
  const internalAnswer = await answer(guilde, { to: internal, by: karim, body: "Shrinkage dropped after the new tags went in." });
  const secret = await question(guilde, { in: pricing, by: karim, title: "Minutes of the spring pricing meeting", tags: [] });
  const { ideaId: internalIdea } = await proposeIdea(guilde, {
    viewer: karim,
    communityId: store.id,
    input: {
      title: "Weekly stock count by handheld scanner",
      problem: "Counting stock on paper takes two people a whole evening.",
      proposal: "Use the handheld scanners we already have for deliveries.",
      benefit: "An evening saved every week.",
    },
  });
  await drainOutbox(guilde.db, guilde.search);
  return { kayak, store, pricing, karim, emil, anna, open, internal, internalAnswer, secret, internalIdea };
}

describe("personal access tokens", () => {
  it("are shown once at creation and stored only as a hash", async () => {
    const lea = await employee(guilde);
    const created = await createApiToken(guilde, { viewer: lea, input: { name: "weekly report", scope: "read" } });
    expect(created.token).toMatch(/^guilde_pat_[A-Za-z0-9_-]{43}$/);

    const rows = await guilde.db.select().from(apiTokens);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(created.token);
    expect(JSON.stringify(rows)).not.toContain(created.token.slice("guilde_pat_".length));
    expect(rows[0]).toMatchObject({ userId: lea.id, name: "weekly report", scope: "read", revokedAt: null });

    // The list the settings page shows never has it again.
    expect(JSON.stringify(await listApiTokens(guilde, { viewer: lea }))).not.toContain(created.token);
    expect((await call(created.token, "/me")).body).toMatchObject({ id: lea.id });
  });

  it("the settings page shows a new token in its answer to the form, and never again", async () => {
    const lea = await employee(guilde);
    const server = await guilde.serve();
    const browser = new HttpClient(server.url);
    browser.setCookieHeader(await sessionCookie(guilde, lea.id));
    const created = await browser.post("/settings", { intent: "createApiToken", name: "my script", scope: "write" });
    expect(created.status).toBe(200);
    const token = (await created.text()).match(/guilde_pat_[A-Za-z0-9_-]{43}/)?.[0];
    expect(token).toBeDefined();
    const later = await (await browser.get("/settings")).text();
    expect(later).toContain("my script");
    expect(later).not.toContain(token);
    expect((await call(token!, "/me")).status).toBe(200);

    // Revoked from the same page: someone else cannot, the owner can, and the next call is refused.
    const [{ id: tokenId }] = await listApiTokens(guilde, { viewer: lea });
    const karim = await employee(guilde);
    const intruder = new HttpClient(server.url);
    intruder.setCookieHeader(await sessionCookie(guilde, karim.id));
    expect((await intruder.post("/settings", { intent: "revokeApiToken", tokenId })).status).toBe(404);
    expect((await call(token!, "/me")).status).toBe(200);
    const revoked = await browser.post("/settings", { intent: "revokeApiToken", tokenId });
    expect(revoked.status).toBe(302);
    expect((await call(token!, "/me")).body.error?.code).toBe("token_revoked");
  });

  it("no token, a malformed, unknown or revoked one, or only a session cookie: 401 JSON, and nothing written", async () => {
    const lea = await employee(guilde);
    const kayak = await community(guilde, { slug: "kayaking", visibility: "open" });
    await membership(guilde, kayak, lea);
    const token = await tokenFor(lea, "write");
    const server = await guilde.serve();

    const refused = [
      await call(null, "/communities"),
      await call("not-a-token", "/communities"),
      await call(`guilde_pat_${"A".repeat(43)}`, "/communities"),
    ];
    for (const response of refused) {
      expect(response.status).toBe(401);
      expect(response.body.error?.code).toBe("unauthorized");
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }

    const withCookie = await fetch(new URL("/api/v1/communities/kayaking/questions", server.url), {
      method: "POST",
      headers: { Cookie: await sessionCookie(guilde, lea.id), "Content-Type": "application/json", Origin: server.url },
      body: JSON.stringify({ title: "A question sent with a cookie", body: "The API must not take a page's cookie for a token." }),
    });
    expect(withCookie.status).toBe(401);

    const [{ id }] = await listApiTokens(guilde, { viewer: lea });
    await revokeApiToken(guilde, { viewer: lea, tokenId: id });
    const revoked = await call(token, "/communities/kayaking/questions", {
      method: "POST",
      body: { title: "A question sent with a revoked token", body: "It must be refused, and written nowhere." },
    });
    expect(revoked.status).toBe(401);
    expect(revoked.body.error).toMatchObject({ code: "token_revoked", message: "This token has been revoked." });
    expect(await guilde.db.select().from(posts)).toEqual([]);
  });

  it("a read token may read but not post: 403 insufficient_scope, and nothing written", async () => {
    const { karim, open } = await world();
    const token = await tokenFor(karim, "read");
    expect((await call(token, `/questions/${open.id}`)).status).toBe(200);
    const before = await guilde.db.select().from(replies);
    for (const [path, body] of [
      ["/communities/kayaking/questions", { title: "How tight should a spray deck be?", body: "Mine pops off when I roll, is it too loose?" }],
      [`/questions/${open.id}/answers`, { body: "An answer a read token must not post." }],
      [`/questions/${open.id}/comments`, { body: "A comment a read token must not post." }],
      ["/votes", { targetId: open.id, value: 1 }],
    ] as const) {
      const response = await call(token, path, { method: "POST", body });
      expect(response.status, path).toBe(403);
      expect(response.body.error?.code).toBe("insufficient_scope");
    }
    expect(await guilde.db.select().from(replies)).toEqual(before);
    expect(await guilde.db.select().from(posts)).toHaveLength(4);
    expect(await guilde.db.select().from(votes)).toEqual([]);
  });
});

describe("a token never sees more than its owner", () => {
  it("an employee's token: a private community's content is a 404 until they are a member, as on its pages", async () => {
    const { emil, karim, secret } = await world();
    const emils = await tokenFor(emil);
    const door = await call(emils, "/communities/pricing");
    expect(door.status).toBe(200);
    expect(door.body).toMatchObject({ may: { read: false, join: true }, counts: null, monitors: [] });
    for (const path of ["/communities/pricing/questions", "/communities/pricing/tutorials", "/communities/pricing/ideas", `/questions/${secret.id}`]) {
      const response = await call(emils, path);
      expect(response.status, path).toBe(404);
      expect(response.body.error?.code).toBe("not_found");
    }
    const search = await call(emils, "/search?q=pricing%20meeting");
    expect(search.body.results).toEqual([]);

    const karims = await tokenFor(karim);
    expect(((await call(karims, "/communities/pricing/questions")).body.items as { id: string }[]).map((item) => item.id)).toEqual([secret.id]);
    expect((await call(karims, "/search?q=pricing%20meeting")).body.results).toMatchObject([{ id: secret.id }]);
  });

  it("a customer's token never sees internal content: not in lists, not in search, not by id", async () => {
    const { anna, karim, open, internal, internalAnswer, internalIdea } = await world();
    const token = await tokenFor(anna, "write");

    const listed = await call(token, "/communities");
    expect((listed.body.items as { slug: string }[]).map((item) => item.slug)).toEqual(["kayaking"]);
    expect(((await call(token, "/communities/kayaking/questions")).body.items as { id: string }[]).map((item) => item.id)).toEqual([open.id]);
    expect((await call(token, "/ideas")).body.items).toEqual([]);

    for (const query of ["shrinkage", "lille store", "tags went in", "handheld scanner", "pricing meeting", "Karim"]) {
      const found = await call(token, `/search?q=${encodeURIComponent(query)}`);
      expect(found.status).toBe(200);
      const ids = (found.body.results as { id: string }[]).map((result) => result.id);
      for (const hidden of [internal.id, internalAnswer.id, internalIdea]) expect(ids, query).not.toContain(hidden);
    }
    // The same searches do find what she may read, and what her colleague may.
    expect(((await call(token, "/search?q=rolling%20kayak")).body.results as { id: string }[]).map((result) => result.id)).toContain(open.id);
    const karims = await tokenFor(karim);
    expect(((await call(karims, "/search?q=shrinkage")).body.results as { id: string }[]).map((result) => result.id)).toEqual(
      expect.arrayContaining([internal.id, internalAnswer.id]),
    );

    for (const path of [
      "/communities/store-operations",
      "/communities/store-operations/questions",
      "/communities/store-operations/ideas",
      "/communities/store-operations/tutorials",
      `/questions/${internal.id}`,
      `/ideas/${internalIdea}`,
    ]) {
      expect((await call(token, path)).status, path).toBe(404);
    }
    for (const [path, body] of [
      [`/questions/${internal.id}/answers`, { body: "Let me answer this internal question from outside." }],
      [`/questions/${internal.id}/comments`, { body: "And comment on its answer.", answerId: internalAnswer.id }],
      ["/votes", { targetId: internalAnswer.id, value: 1 }],
      [`/ideas/${internalIdea}/votes`, { vote: true }],
      ["/communities/store-operations/questions", { title: "A perfectly fine title", body: "Enough words in the body for a question." }],
    ] as const) {
      expect((await call(token, path, { method: "POST", body })).status, path).toBe(404);
    }
    expect(await guilde.db.select().from(votes)).toEqual([]);
    expect(await guilde.db.select().from(replies)).toHaveLength(1);

    const profile = await call(token, `/users/${karim.id}`);
    expect(profile.body).toMatchObject({ displayName: "Karim Benali", details: null, communities: [{ slug: "kayaking", role: "monitor" }] });
    expect(JSON.stringify(profile.body)).not.toMatch(/Store operations|Pricing|4521|Workshop lead/);
  });
});

describe("posting through the API", () => {
  it("questions, answers, comments and votes go through the services: on the pages, in search", async () => {
    const { karim, emil, kayak } = await world();
    await membership(guilde, kayak, emil);
    const karims = await tokenFor(karim, "write");
    const emils = await tokenFor(emil, "write");

    const asked = await call(emils, "/communities/kayaking/questions", {
      method: "POST",
      body: { title: "Which drysuit gaskets survive a winter?", body: "Latex gaskets on my drysuit crack every winter. Are silicone ones worth it?", tags: ["drysuit"] },
    });
    expect(asked.status).toBe(201);
    const questionId = asked.body.id as string;
    expect(asked.body.held).toBe(false);
    expect(await guilde.db.select({ target: searchOutbox.target }).from(searchOutbox)).toContainEqual({ target: `post:${questionId}` });

    const answered = await call(karims, `/questions/${questionId}/answers`, { method: "POST", body: { body: "Silicone gaskets last for years; fit them with a ring system." } });
    expect(answered.status).toBe(201);
    const answerId = answered.body.id as string;
    const commented = await call(emils, `/questions/${questionId}/comments`, { method: "POST", body: { body: "Which ring system do you use?", answerId } });
    expect(commented.status).toBe(201);
    const voted = await call(emils, "/votes", { method: "POST", body: { targetId: answerId, value: 1 } });
    expect(voted).toMatchObject({ status: 201, body: { score: 1, myVote: 1, questionId } });

    // What the question's page shows, through its own service.
    const page = await getQuestion(guilde, { viewer: karim, questionId });
    expect(page.question).toMatchObject({ title: "Which drysuit gaskets survive a winter?", tags: ["drysuit"], author: { id: emil.id } });
    expect(page.answers).toMatchObject([{ id: answerId, score: 1, author: { id: karim.id }, comments: [{ id: commented.body.id, body: "Which ring system do you use?" }] }]);
    expect(await guilde.db.select().from(votes).where(and(eq(votes.targetId, answerId), eq(votes.userId, emil.id)))).toHaveLength(1);

    const thread = await call(karims, `/questions/${questionId}`);
    expect(thread.body).toMatchObject({ question: { id: questionId }, answers: [{ id: answerId, score: 1, comments: [{ id: commented.body.id }] }] });

    await drainOutbox(guilde.db, guilde.search);
    const found = await call(karims, "/search?q=drysuit%20gaskets");
    expect((found.body.results as { id: string }[]).map((result) => result.id)).toContain(questionId);
  });

  it("tutorials and ideas: read as their pages show them, commented and voted on through their services", async () => {
    const { karim, emil, store, internalIdea } = await world();
    await membership(guilde, store, emil);
    const tutorialInput = (title: string) => ({
      title,
      summary: "Counting a whole aisle with the handheld scanner, in ten minutes.",
      body: "1. Scan the shelf label.\n2. Scan each item.\n3. Send the count.",
      difficulty: "beginner",
      minutes: "10",
    });
    const { tutorialId } = await writeTutorial(guilde, { viewer: karim, communityId: store.id, input: tutorialInput("Counting stock with the scanner"), publish: true });
    await writeTutorial(guilde, { viewer: karim, communityId: store.id, input: tutorialInput("Draft: a second scanner tutorial"), publish: false });
    const token = await tokenFor(emil, "write");

    const tutorials = await call(token, "/communities/store-operations/tutorials");
    expect(tutorials.body).toMatchObject({ items: [{ id: tutorialId, title: "Counting stock with the scanner", difficulty: "beginner" }], nextCursor: null });
    expect((await call(token, `/tutorials/${tutorialId}`)).body).toMatchObject({ tutorial: { id: tutorialId, draft: false }, community: { slug: "store-operations" } });
    const tutorialComment = await call(token, `/tutorials/${tutorialId}/comments`, { method: "POST", body: { body: "Worked for the garden aisle too." } });
    expect(tutorialComment.status).toBe(201);
    expect((await getTutorial(guilde, { viewer: karim, tutorialId })).comments.map((row) => row.id)).toEqual([tutorialComment.body.id]);

    expect(((await call(token, "/ideas")).body.items as { id: string }[]).map((idea) => idea.id)).toEqual([internalIdea]);
    expect(((await call(token, "/communities/store-operations/ideas?tab=newest&status=proposed")).body.items as { id: string }[]).map((idea) => idea.id)).toEqual([internalIdea]);
    expect((await call(token, `/ideas/${internalIdea}/votes`, { method: "POST", body: { vote: true } })).body).toEqual({ voteCount: 1, voted: true });
    const ideaComment = await call(token, `/ideas/${internalIdea}/comments`, { method: "POST", body: { body: "We tried it in Lyon: it works." } });
    expect(ideaComment.status).toBe(201);
    const idea = await getIdea(guilde, { viewer: karim, ideaId: internalIdea });
    expect(idea).toMatchObject({ idea: { voteCount: 1 }, comments: [{ id: ideaComment.body.id }] });
    expect((await call(token, `/ideas/${internalIdea}`)).body).toMatchObject({ idea: { id: internalIdea, voteCount: 1, voted: true }, comments: [{ id: ideaComment.body.id }] });
  });

  it("invalid input: 400 with each field's error, and nothing written", async () => {
    const { karim, open } = await world();
    const token = await tokenFor(karim, "write");
    const before = { posts: (await guilde.db.select().from(posts)).length, outbox: (await guilde.db.select().from(searchOutbox)).length };

    const tooShort = await call(token, "/communities/kayaking/questions", { method: "POST", body: { title: "Help", body: "" } });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.error?.code).toBe("invalid");
    expect(Object.keys(tooShort.body.error!.fields).sort()).toEqual(["body", "title"]);
    expect(tooShort.body.error!.fields.title[0]).toMatchObject({ code: "errors.titleTooShort" });
    expect(tooShort.body.error!.fields.title[0].message.length).toBeGreaterThan(10);

    const wrongTypes = await call(token, "/communities/kayaking/questions", { method: "POST", body: { title: 42, body: ["not", "text"], tags: "x".repeat(500) } });
    expect(wrongTypes.status).toBe(400);
    expect(Object.keys(wrongTypes.body.error!.fields)).toEqual(expect.arrayContaining(["title", "body"]));

    const badVote = await call(token, "/votes", { method: "POST", body: { targetId: open.id, value: 7 } });
    expect(badVote.status).toBe(400);
    expect(Object.keys(badVote.body.error!.fields)).toEqual(["value"]);

    const noTarget = await call(token, "/votes", { method: "POST", body: { value: 1 } });
    expect(noTarget.body.error!.fields.targetId).toMatchObject([{ code: "errors.required" }]);

    const notJson = await call(token, `/questions/${open.id}/answers`, { method: "POST", body: '{"body": "an unfinished' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error?.code).toBe("invalid_json");

    const badLimit = await call(token, "/communities/kayaking/questions?limit=1000");
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.error!.fields.limit).toMatchObject([{ code: "errors.invalidLimit", message: "Choose a whole number from 1 to 100." }]);
    expect((await call(token, "/communities/kayaking/questions?tab=sideways")).body.error!.fields.tab).toMatchObject([{ code: "errors.invalidChoice" }]);

    expect((await call(token, "/no/such/operation")).body.error?.code).toBe("not_found");
    expect(await guilde.db.select().from(posts)).toHaveLength(before.posts);
    expect(await guilde.db.select().from(searchOutbox)).toHaveLength(before.outbox);
    expect(await guilde.db.select().from(replies)).toHaveLength(1);
  });
});

describe("lists", () => {
  it("keyset pagination returns every question exactly once, with stable cursors, even as new ones arrive", async () => {
    const { karim, kayak, open } = await world();
    const asked = [open.id];
    for (let n = 1; n <= 6; n++) asked.push((await question(guilde, { in: kayak, by: karim, title: `Paddle question number ${n} for the list` })).id);
    const token = await tokenFor(karim);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const path: string = `/communities/kayaking/questions?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const response = await call(token, path);
      expect(response.status).toBe(200);
      const items = response.body.items as { id: string }[];
      expect(items.length).toBeLessThanOrEqual(3);
      seen.push(...items.map((item) => item.id));
      if (cursor) {
        // The same cursor gives the same page.
        expect(((await call(token, path)).body.items as { id: string }[]).map((item) => item.id)).toEqual(items.map((item) => item.id));
      }
      if (pages === 0) await question(guilde, { in: kayak, by: karim, title: "A question asked while a script pages" });
      cursor = response.body.nextCursor as string | null;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(asked.length);
    expect(new Set(seen)).toEqual(new Set(asked));
  });
});

describe("rate limit", () => {
  it("past the limit a token gets 429 with Retry-After; another token is not affected", async () => {
    const lea = await employee(guilde);
    const busy = await tokenFor(lea);
    const other = await tokenFor(lea);
    for (let n = 0; n < rateLimitPerMinute; n++) expect((await call(busy, "/me")).status).toBe(200);
    const limited = await call(busy, "/me");
    expect(limited.status).toBe(429);
    expect(limited.body.error?.code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await call(other, "/me")).status).toBe(200);
  });
});

describe("the OpenAPI document", () => {
  it("is valid JSON describing every route the router serves, and nothing else", async () => {
    const server = await guilde.serve();
    const response = await fetch(new URL("/api/v1/openapi.json", server.url));
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(document.openapi).toBe("3.1.0");

    const documented = Object.entries(document.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    const stack = apiRouter(guilde).stack as { route?: { path: string; methods: Record<string, boolean> } }[];
    const served = stack
      .flatMap((layer) => (layer.route ? Object.keys(layer.route.methods).map((method) => `${method.toUpperCase()} ${layer.route!.path.replace(/:(\w+)/g, "{$1}")}`) : []))
      // The document itself is the one route it does not describe.
      .filter((route) => route !== "GET /openapi.json")
      .sort();
    expect(documented).toEqual(served);
    for (const family of ["/communities", "/questions/{id}", "/questions/{id}/answers", "/tutorials/{id}", "/ideas", "/search", "/users/{id}", "/votes"]) {
      expect(Object.keys(document.paths)).toContain(family);
    }

    const text = JSON.stringify(document);
    for (const [, name] of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) expect(document.components.schemas, name).toHaveProperty(name);
    for (const operations of Object.values(document.paths)) {
      for (const operation of Object.values(operations)) expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(["401", "404", "429"]));
    }
  });
});

describe("the API reference page", () => {
  it("renders every operation of the document, with its parameters and schemas, for a signed-in person", async () => {
    const server = await guilde.serve();
    expect((await new HttpClient(server.url).get("/api")).status).toBe(302);

    const lea = await employee(guilde);
    const browser = new HttpClient(server.url);
    browser.setCookieHeader(await sessionCookie(guilde, lea.id));
    const response = await browser.get("/api");
    expect(response.status).toBe(200);
    const html = await response.text();
    const document = (await (await fetch(new URL("/api/v1/openapi.json", server.url))).json()) as { paths: Record<string, Record<string, { operationId: string }>> };
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const operation of Object.values(operations)) {
        expect(html).toContain(`id="operation-${operation.operationId}"`);
        expect(html).toContain(`/api/v1${path.replace(/&/g, "&amp;")}`);
      }
    }
    const askQuestion = html.slice(html.indexOf('id="operation-askQuestion"'), html.indexOf('id="operation-answerQuestion"'));
    expect(askQuestion).toContain("Request body (JSON)");
    expect(askQuestion).toMatch(/<code[^>]*>title<\/code>[\s\S]*10–150 characters/);
    expect(askQuestion).toContain("needs a read-and-write token");
    expect(html).toContain('href="/api/v1/openapi.json"');
  });
});
