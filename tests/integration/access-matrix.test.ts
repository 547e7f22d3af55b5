/**
 * The policy, pinned against the running server: every role × every resource or path, each cell
 * spelled out. A row is one request (or socket subscription) a person in that role makes; the cell is
 * what they get. Each role gets a fresh world, and every action that changes something has a target of
 * its own, so the cells do not depend on each other.
 */
import { describe, expect, it } from "vitest";
import { communityRoom, questionRoom } from "../../app/realtime/protocol";
import { newId } from "../../db/ids";
import { notifications, type User } from "../../db/schema";
import { hideContent } from "../../server/moderation/hide-content";
import { suspendUser } from "../../server/moderation/suspend-user";
import { askQuestion } from "../../server/questions/ask-question";
import { drainOutbox } from "../../server/search/outbox-worker";
import { admin, answer, community, customer, employee, membership, question, site } from "../support/factories";
import { useGuilde } from "../support/guilde";
import { HttpClient } from "../support/http";
import { sessionCookie, useSockets } from "../support/sockets";

const guilde = useGuilde();
const sockets = useSockets();

const roles = ["anonymous", "customer", "employee", "member", "monitor", "moderatorElsewhere", "moderator", "admin", "suspended"] as const;
type Role = (typeof roles)[number];

/**
 * What a person gets: an HTTP status; `signin` (sent to sign in) or `done` (the action went through and
 * redirected); `shows`/`hides` (the page answers 200, with or without the thing); `joins`/`refused` (a
 * socket room subscription's acknowledgement), `no socket` (the connection itself is refused).
 */
type Outcome = 200 | 403 | 404 | "signin" | "done" | "shows" | "hides" | "joins" | "refused" | "no socket";

const internalTitle = "Supplier margins for the third quarter";
const hiddenTitle = "Cheap paddles from my cousin's shop";
const privateTitle = "Minutes of the spring pricing meeting";

async function buildWorld() {
  const lyon = await site(guilde, { name: "Lyon Part-Dieu", city: "Lyon" });
  const kayak = await community(guilde, { name: "Kayaking", slug: "kayaking", visibility: "open" });
  const store = await community(guilde, { name: "Store operations", slug: "store-operations", visibility: "internal" });
  const secret = await community(guilde, { name: "Pricing committee", slug: "pricing", visibility: "private" });
  const climbing = await community(guilde, { name: "Climbing", slug: "climbing", visibility: "open" });

  const paul = await employee(guilde, { displayName: "Paul Author", site: lyon });
  const karim = await employee(guilde, { displayName: "Karim Monitor", title: "Workshop lead", bio: "Internal bio" });
  const people: Record<Exclude<Role, "anonymous">, User> = {
    customer: await customer(guilde, { displayName: "Anna Customer", invitedTo: kayak }),
    employee: await employee(guilde, { displayName: "Emil Outsider" }),
    member: await employee(guilde, { displayName: "Léa Member" }),
    monitor: karim,
    moderatorElsewhere: await employee(guilde, { displayName: "Zoé Climbing" }),
    moderator: await employee(guilde, { displayName: "Hugo Moderator" }),
    admin: await admin(guilde, { displayName: "Ada Admin" }),
    suspended: await employee(guilde, { displayName: "Sam Suspended" }),
  };
  const bob = await customer(guilde, { displayName: "Bob Other-Customer", invitedTo: kayak });
  for (const person of [paul, people.member, people.suspended]) await membership(guilde, kayak, person);
  await membership(guilde, kayak, karim, "monitor", { topics: ["rolling"] });
  await membership(guilde, store, karim);
  await membership(guilde, store, paul);
  await membership(guilde, kayak, people.moderator, "moderator");
  await membership(guilde, climbing, people.moderatorElsewhere, "moderator");
  await membership(guilde, secret, paul);

  const kq = await question(guilde, { in: kayak, by: paul, title: "How do I roll a sea kayak?" });
  const kAnswer = await answer(guilde, { to: kq, by: paul });
  const deletableAnswer = await answer(guilde, { to: kq, by: paul });
  const deletable = await question(guilde, { in: kayak, by: paul, title: "A question to delete" });
  const hideable = await question(guilde, { in: kayak, by: paul, title: "A question to hide" });
  const lockable = await question(guilde, { in: kayak, by: paul, title: "A question to lock" });
  const iq = await question(guilde, { in: store, by: paul, title: internalTitle, tags: [] });
  await question(guilde, { in: secret, by: paul, title: privateTitle });
  const iqHideable = await question(guilde, { in: store, by: paul, title: "Another internal question to hide" });
  const hidden = await question(guilde, { in: kayak, by: paul, title: hiddenTitle });
  await hideContent(guilde, { viewer: people.moderator, contentId: hidden.id, input: { reason: "spam" } });
  const { questionId: heldId } = await askQuestion(guilde, {
    viewer: people.customer,
    communityId: kayak.id,
    input: { title: "Which helmet for a first river trip?", body: "My first trip is on a class II river in May. Which helmet?" },
  });

  // Notifications as if each had once been told of the internal and the hidden questions: the list
  // must check them again against what the reader may see now.
  for (const person of Object.values(people)) {
    await guilde.db.insert(notifications).values([
      { id: newId(), userId: person.id, kind: "mention", actorId: paul.id, communityId: store.id, postId: iq.id, summary: { title: internalTitle } },
      { id: newId(), userId: person.id, kind: "mention", actorId: paul.id, communityId: kayak.id, postId: hidden.id, summary: { title: hiddenTitle } },
    ]);
  }
  await drainOutbox(guilde.db, guilde.search);

  const server = await guilde.serve();
  const cookies = new Map<Role, string>();
  for (const role of roles) if (role !== "anonymous") cookies.set(role, await sessionCookie(guilde, people[role].id));
  // Suspended after they signed in: their cookie is what a browser left open still sends.
  await suspendUser(guilde, { viewer: people.admin, userId: people.suspended.id, input: { reason: "Matrix." } });

  return {
    url: server.url,
    cookies,
    ids: {
      kayak: kayak.id,
      store: store.id,
      secret: secret.id,
      kq: kq.id,
      kAnswer: kAnswer.id,
      deletableAnswer: deletableAnswer.id,
      deletable: deletable.id,
      hideable: hideable.id,
      lockable: lockable.id,
      iq: iq.id,
      iqHideable: iqHideable.id,
      hidden: hidden.id,
      held: heldId,
      karim: karim.id,
      bob: bob.id,
      member: people.member.id,
    },
  };
}

type World = Awaited<ReturnType<typeof buildWorld>>;
type Ids = World["ids"];
type Probe = (world: World, role: Role) => Promise<Outcome>;

function client(world: World, role: Role): HttpClient {
  const browser = new HttpClient(world.url);
  const cookie = world.cookies.get(role);
  if (cookie) browser.setCookieHeader(cookie);
  return browser;
}

function outcomeOf(response: Response): Outcome {
  // A single-fetch data request (`.data`) is told of a redirect with a 202 (and the location).
  const location = response.headers.get("location");
  if (response.status === 302 || (response.status === 202 && location)) return location?.startsWith("/signin") ? "signin" : "done";
  if (response.status === 200 || response.status === 403 || response.status === 404) return response.status;
  throw new Error(`Unexpected status ${response.status} for ${response.url}`);
}

const get =
  (path: (ids: Ids) => string): Probe =>
  async (world, role) =>
    outcomeOf(await client(world, role).get(path(world.ids)));

const post =
  (path: (ids: Ids) => string, form: (ids: Ids) => Record<string, string>): Probe =>
  async (world, role) =>
    outcomeOf(await client(world, role).post(path(world.ids), form(world.ids)));

/** Whether a page the role may open shows a text (a title, a community's name). */
const pageShows =
  (path: (ids: Ids) => string, text: string): Probe =>
  async (world, role) => {
    const response = await client(world, role).get(path(world.ids));
    const outcome = outcomeOf(response);
    if (outcome !== 200) return outcome;
    // Text only: React separates text nodes with comments, and search results highlight matched words.
    const visibleText = (await response.text()).replace(/<[^>]*>/g, "");
    return visibleText.includes(text) ? "shows" : "hides";
  };

/** Subscribing to a socket room, with the session cookie a browser would send. */
const room =
  (name: (ids: Ids) => string): Probe =>
  async (world, role) => {
    const cookie = world.cookies.get(role);
    if (!cookie || role === "suspended") {
      expect(await sockets.refusal(world.url, cookie ? { Cookie: cookie } : {})).toBe("unauthorized");
      return "no socket";
    }
    const socket = await sockets.connect(world.url, cookie);
    const acknowledgement = await socket.subscribe(name(world.ids));
    socket.close();
    if (acknowledgement.ok) return "joins";
    expect(acknowledgement).toEqual({ ok: false, status: 404, error: "errors.notFound" });
    return "refused";
  };

// prettier-ignore
const matrix: [string, Probe, [anonymous: Outcome, customer: Outcome, employee: Outcome, member: Outcome, monitor: Outcome, moderatorElsewhere: Outcome, moderator: Outcome, admin: Outcome, suspended: Outcome]][] = [
  //                                                                                                                   anonymous customer   employee  member    monitor   mod.else  moderator admin     suspended
  ["open community page",                       get(() => "/c/kayaking"),                                               ["signin", 200,       200,      200,      200,      200,      200,      200,      "signin"]],
  ["internal community page",                   get(() => "/c/store-operations"),                                       ["signin", 404,       200,      200,      200,      200,      200,      200,      "signin"]],
  ["private community page (not a member)",     get(() => "/c/pricing"),                                                ["signin", 404,       200,      200,      200,      200,      200,      200,      "signin"]],
  ["private community's questions",             pageShows(() => "/c/pricing", privateTitle),                            ["signin", 404,       "hides",  "hides",  "hides",  "hides",  "hides",  "shows",  "signin"]],
  ["question page, open community",             get((ids) => `/questions/${ids.kq}`),                                   ["signin", 200,       200,      200,      200,      200,      200,      200,      "signin"]],
  ["question page, internal community",         get((ids) => `/questions/${ids.iq}`),                                   ["signin", 404,       200,      200,      200,      200,      200,      200,      "signin"]],
  ["question data API (single fetch), internal", get((ids) => `/questions/${ids.iq}.data`),                             ["signin", 404,       200,      200,      200,      200,      200,      200,      "signin"]],
  ["hidden question page",                      get((ids) => `/questions/${ids.hidden}`),                               ["signin", 404,       404,      404,      404,      404,      200,      200,      "signin"]],
  ["question held for approval (the customer's)", get((ids) => `/questions/${ids.held}`),                              ["signin", 200,       404,      404,      404,      404,      200,      200,      "signin"]],
  ["question edit URL",                         get((ids) => `/questions/${ids.kq}/edit`),                              ["signin", 403,       403,      403,      403,      403,      200,      200,      "signin"]],
  ["reply edit URL",                            get((ids) => `/replies/${ids.kAnswer}/edit`),                           ["signin", 403,       403,      403,      403,      403,      200,      200,      "signin"]],
  ["reply delete action",                       post((ids) => `/questions/${ids.kq}`, (ids) => ({ intent: "delete", replyId: ids.deletableAnswer })),
                                                                                                                        ["signin", 403,       403,      403,      403,      403,      "done",   "done",   "signin"]],
  ["question delete action",                    post((ids) => `/questions/${ids.deletable}`, () => ({ intent: "delete" })),
                                                                                                                        ["signin", 403,       403,      403,      403,      403,      "done",   "done",   "signin"]],
  ["flag a question",                           post((ids) => `/questions/${ids.kq}`, (ids) => ({ intent: "flag", contentId: ids.kq, reason: "spam" })),
                                                                                                                        ["signin", "done",    "done",   "done",   "done",   "done",   "done",   "done",   "signin"]],
  ["hide a question (moderate)",                post((ids) => `/questions/${ids.hideable}`, (ids) => ({ intent: "hide", contentId: ids.hideable, reason: "spam" })),
                                                                                                                        ["signin", 403,       403,      403,      403,      403,      "done",   "done",   "signin"]],
  ["lock a question (moderate)",                post((ids) => `/questions/${ids.lockable}`, () => ({ intent: "lock", locked: "true" })),
                                                                                                                        ["signin", 403,       403,      403,      403,      403,      "done",   "done",   "signin"]],
  ["hide an internal question (moderate)",      post((ids) => `/questions/${ids.iqHideable}`, (ids) => ({ intent: "hide", contentId: ids.iqHideable, reason: "spam" })),
                                                                                                                        ["signin", 404,       403,      403,      403,      403,      403,      "done",   "signin"]],
  ["approve a held question (moderate)",        post(() => "/c/kayaking/moderation", (ids) => ({ intent: "approve", contentId: ids.held })),
                                                                                                                        ["signin", 403,       404,      404,      404,      404,      "done",   "done",   "signin"]],
  ["moderation queue",                          get(() => "/c/kayaking/moderation"),                                    ["signin", 404,       404,      404,      404,      404,      200,      200,      "signin"]],
  ["community audit log",                       get(() => "/c/kayaking/audit"),                                         ["signin", 404,       404,      404,      404,      404,      200,      200,      "signin"]],
  ["community invitations",                     get(() => "/c/kayaking/invitations"),                                   ["signin", 404,       404,      404,      404,      404,      200,      200,      "signin"]],
  ["site audit log",                            get(() => "/admin/audit"),                                              ["signin", 404,       404,      404,      404,      404,      404,      200,      "signin"]],
  ["customers administration",                  get(() => "/admin/customers"),                                          ["signin", 404,       404,      404,      404,      404,      404,      200,      "signin"]],
  ["suspend a member (administer)",             post((ids) => `/users/${ids.member}`, () => ({ intent: "suspend", reason: "Matrix check." })),
                                                                                                                        ["signin", 403,       403,      403,      403,      403,      403,      "done",   "signin"]],
  ["employee profile",                          get((ids) => `/users/${ids.karim}`),                                    ["signin", 200,       200,      200,      200,      200,      200,      200,      "signin"]],
  ["employee profile: internal memberships",    pageShows((ids) => `/users/${ids.karim}`, "Store operations"),          ["signin", "hides",   "shows",  "shows",  "shows",  "shows",  "shows",  "shows",  "signin"]],
  ["employee profile: title and bio",           pageShows((ids) => `/users/${ids.karim}`, "Internal bio"),              ["signin", "hides",   "shows",  "shows",  "shows",  "shows",  "shows",  "shows",  "signin"]],
  ["another customer's profile",                get((ids) => `/users/${ids.bob}`),                                      ["signin", 404,       200,      200,      200,      200,      200,      200,      "signin"]],
  ["search page",                               get(() => "/search?q=kayak"),                                           ["signin", 200,       200,      200,      200,      200,      200,      200,      "signin"]],
  ["search results: internal question",         pageShows(() => "/search?q=supplier+margins+quarter", internalTitle),   ["signin", "hides",   "shows",  "shows",  "shows",  "shows",  "shows",  "shows",  "signin"]],
  ["notifications: about an internal question", pageShows(() => "/notifications", internalTitle),                      ["signin", "hides",   "shows",  "shows",  "shows",  "shows",  "shows",  "shows",  "signin"]],
  ["notifications: about a hidden question",    pageShows(() => "/notifications", hiddenTitle),                        ["signin", "hides",   "hides",  "hides",  "hides",  "hides",  "shows",  "shows",  "signin"]],
  ["socket room: open community",               room((ids) => communityRoom(ids.kayak)),                                ["no socket", "joins", "joins",  "joins",  "joins",  "joins",  "joins",  "joins",  "no socket"]],
  ["socket room: internal community",           room((ids) => communityRoom(ids.store)),                                ["no socket", "refused", "joins", "joins",  "joins",  "joins",  "joins",  "joins",  "no socket"]],
  ["socket room: private community",            room((ids) => communityRoom(ids.secret)),                               ["no socket", "refused", "refused", "refused", "refused", "refused", "refused", "joins", "no socket"]],
  ["socket room: internal question",            room((ids) => questionRoom(ids.iq)),                                    ["no socket", "refused", "joins", "joins",  "joins",  "joins",  "joins",  "joins",  "no socket"]],
  ["socket room: hidden question",              room((ids) => questionRoom(ids.hidden)),                                ["no socket", "refused", "refused", "refused", "refused", "refused", "joins", "joins", "no socket"]],
];

describe(`access matrix: ${matrix.length} resources × ${roles.length} roles = ${matrix.length * roles.length} cases`, () => {
  it.each(roles.map((role, column) => [role, column] as const))("as %s", async (role, column) => {
    const world = await buildWorld();
    for (const [name, probe, expected] of matrix) {
      expect.soft(await probe(world, role), `${name}, as ${role}`).toBe(expected[column]);
    }
  });
});
