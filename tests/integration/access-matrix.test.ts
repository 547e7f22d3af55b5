/**
 * The policy, pinned against the running server: every role × every resource or path, each cell
 * spelled out. A row is one request (or socket subscription) a person in that role makes; the cell is
 * what they get. Each role gets a fresh world, and every action that changes something has a target of
 * its own, so the cells do not depend on each other.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { communityRoom, ideaRoom, questionRoom } from "../../app/realtime/protocol";
import { newId } from "../../db/ids";
import { notifications, type User } from "../../db/schema";
import { createApiToken } from "../../server/api-tokens/create-api-token";
import { hideContent } from "../../server/moderation/hide-content";
import { suspendUser } from "../../server/moderation/suspend-user";
import { askQuestion } from "../../server/questions/ask-question";
import { uploadVideo } from "../../server/tutorials/upload-video";
import { writeTutorial } from "../../server/tutorials/write-tutorial";
import { proposeIdea } from "../../server/ideas/propose-idea";
import { announceEvent } from "../../server/community-events/announce-event";
import { drainOutbox } from "../../server/search/outbox-worker";
import { admin, answer, community, customer, employee, membership, question, site } from "../support/factories";
import { useGuilde } from "../support/guilde";
import { HttpClient } from "../support/http";
import { sessionCookie, useSockets } from "../support/sockets";
import { webmBytes } from "../support/videos";

// Uploaded videos go to a folder of this run's own.
const guilde = useGuilde({ DATA_DIR: mkdtempSync(path.join(tmpdir(), "guilde-matrix-")) });
const sockets = useSockets();

const roles = ["anonymous", "customer", "employee", "member", "monitor", "moderatorElsewhere", "moderator", "admin", "suspended"] as const;
type Role = (typeof roles)[number];

/**
 * What a person gets: an HTTP status; `signin` (sent to sign in) or `done` (the action went through and
 * redirected); `shows`/`hides` (the page answers 200, with or without the thing); `joins`/`refused` (a
 * socket room subscription's acknowledgement), `no socket` (the connection itself is refused). The
 * JSON API answers 401 without a valid token, 403 to a suspended owner's, and `done` for a 201.
 */
type Outcome = 200 | 401 | 403 | 404 | "signin" | "done" | "shows" | "hides" | "joins" | "refused" | "no socket";

const internalTitle = "Supplier margins for the third quarter";
const hiddenTitle = "Cheap paddles from my cousin's shop";
const privateTitle = "Minutes of the spring pricing meeting";
const draftTutorialTitle = "Draft: paddle strokes for beginners";
const internalIdeaTitle = "Weekly stock count by handheld scanner";
const privateIdeaTitle = "Loyalty discount tiers for next year";

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

  const ideaInput = (title: string) => ({
    title,
    problem: "Counting stock on paper takes two people a whole evening.",
    proposal: "Use the handheld scanners we already have for deliveries.",
    benefit: "An evening saved every week.",
  });
  const { ideaId: kIdea } = await proposeIdea(guilde, { viewer: paul, communityId: kayak.id, input: ideaInput("Guided kayak tours on Sundays") });
  const { ideaId: iIdea } = await proposeIdea(guilde, { viewer: paul, communityId: store.id, input: ideaInput(internalIdeaTitle) });
  await proposeIdea(guilde, { viewer: paul, communityId: secret.id, input: ideaInput(privateIdeaTitle) });
  const proposeIn = async (where: { id: string }, title: string) => (await proposeIdea(guilde, { viewer: paul, communityId: where.id, input: ideaInput(title) })).ideaId;
  const kIdeaHideable = await proposeIn(kayak, "An idea to hide");
  const kIdeaDeletable = await proposeIn(kayak, "An idea to delete");
  const kIdeaEditable = await proposeIn(kayak, "An idea to edit");
  const iIdeaHideable = await proposeIn(store, "An internal idea to hide");

  const tutorialInput = (title: string, videoUploadId = "") => ({
    title,
    summary: "How to roll a sea kayak back up, for paddlers who know the basics.",
    body: "1. Tuck forward.\n2. Sweep the paddle.\n3. Hip snap, head last.",
    difficulty: "intermediate",
    minutes: "30",
    videoUploadId,
  });
  const video = async () => (await uploadVideo(guilde, { viewer: paul, file: Readable.from([webmBytes()]), filename: "roll.webm" })).uploadId;
  const kVideo = await video();
  const draftVideo = await video();
  const { tutorialId: kTutorial } = await writeTutorial(guilde, { viewer: paul, communityId: kayak.id, input: tutorialInput("The Eskimo roll, step by step", kVideo), publish: true });
  const { tutorialId: draftTutorial } = await writeTutorial(guilde, { viewer: paul, communityId: kayak.id, input: tutorialInput(draftTutorialTitle, draftVideo), publish: false });
  const { tutorialId: kTutorialHideable } = await writeTutorial(guilde, { viewer: paul, communityId: kayak.id, input: tutorialInput("A tutorial to hide"), publish: true });
  const { tutorialId: kTutorialDeletable } = await writeTutorial(guilde, { viewer: paul, communityId: kayak.id, input: tutorialInput("A tutorial to delete"), publish: true });
  const { tutorialId: iTutorial } = await writeTutorial(guilde, { viewer: paul, communityId: store.id, input: tutorialInput("Counting stock with the handheld scanner"), publish: true });

  const eventInput = (title: string) => ({
    title,
    description: "An evening to practise together, with the store's equipment.",
    format: "in_person",
    siteId: lyon.id,
    startsAt: "2030-06-01T18:00",
    endsAt: "2030-06-01T20:00",
    timeZone: "Europe/Paris",
    capacity: "20",
  });
  const { eventId: kEvent } = await announceEvent(guilde, { viewer: karim, communityId: kayak.id, input: eventInput("Rolling practice at the pool") });
  const { eventId: kCancellable } = await announceEvent(guilde, { viewer: karim, communityId: kayak.id, input: eventInput("Sea kayak weekend") });
  const { eventId: iEvent } = await announceEvent(guilde, { viewer: people.admin, communityId: store.id, input: eventInput("Stock count evening") });

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
  const apiTokens = new Map<Role, string>();
  for (const role of roles)
    if (role !== "anonymous") apiTokens.set(role, (await createApiToken(guilde, { viewer: people[role], input: { name: "Matrix", scope: "write" } })).token);
  // Suspended after they signed in: their cookie is what a browser left open still sends.
  await suspendUser(guilde, { viewer: people.admin, userId: people.suspended.id, input: { reason: "Matrix." } });

  return {
    url: server.url,
    cookies,
    apiTokens,
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
      kTutorial,
      draftTutorial,
      iTutorial,
      kVideo,
      draftVideo,
      kIdea,
      iIdea,
      kEvent,
      kCancellable,
      iEvent,
      kIdeaHideable,
      kIdeaDeletable,
      kIdeaEditable,
      iIdeaHideable,
      kTutorialHideable,
      kTutorialDeletable,
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

/** A JSON API request with the role's bearer token (none for anonymous). */
async function apiRequest(world: World, role: Role, path: string, body?: Record<string, unknown>): Promise<Response> {
  const token = world.apiTokens.get(role);
  return fetch(`${world.url}/api/v1${path}`, {
    method: body ? "POST" : "GET",
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
}

function apiOutcomeOf(response: Response): Outcome {
  if (response.status === 201) return "done";
  if (response.status === 200 || response.status === 401 || response.status === 403 || response.status === 404) return response.status;
  throw new Error(`Unexpected status ${response.status} for ${response.url}`);
}

const api =
  (path: (ids: Ids) => string, body?: (ids: Ids) => Record<string, unknown>): Probe =>
  async (world, role) =>
    apiOutcomeOf(await apiRequest(world, role, path(world.ids), body?.(world.ids)));

/** Whether an API answer the role may have mentions a text (a title) anywhere. */
const apiShows =
  (path: (ids: Ids) => string, text: string): Probe =>
  async (world, role) => {
    const response = await apiRequest(world, role, path(world.ids));
    const outcome = apiOutcomeOf(response);
    if (outcome !== 200) return outcome;
    return (await response.text()).includes(text) ? "shows" : "hides";
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
  ["idea page, open community",                 get((ids) => `/ideas/${ids.kIdea}`),                                    ["signin", 200,       200,      200,      200,      200,      200,      200,      "signin"]],
  ["idea page, internal community",             get((ids) => `/ideas/${ids.iIdea}`),                                    ["signin", 404,       200,      200,      200,      200,      200,      200,      "signin"]],
  ["ideas page: internal idea",                 pageShows(() => "/ideas", internalIdeaTitle),                           ["signin", "hides",   "shows",  "shows",  "shows",  "shows",  "shows",  "shows",  "signin"]],
  ["ideas page: private community's idea",      pageShows(() => "/ideas", privateIdeaTitle),                            ["signin", "hides",   "hides",  "hides",  "hides",  "hides",  "hides",  "shows",  "signin"]],
  ["search results: internal idea",             pageShows(() => "/search?q=handheld+scanner", internalIdeaTitle),       ["signin", "hides",   "shows",  "shows",  "shows",  "shows",  "shows",  "shows",  "signin"]],
  ["propose an idea (open community)",          post(() => "/c/kayaking/propose", () => ({ title: "Kayak rental by the hour", problem: "Customers ask for short rentals every weekend.", proposal: "Rent kayaks by the hour at the Lyon store.", benefit: "New customers." })),
                                                                                                                        ["signin", 403,       "done",   "done",   "done",   "done",   "done",   "done",   "signin"]],
  ["vote on an idea",                           post((ids) => `/ideas/${ids.kIdea}`, () => ({ intent: "vote", vote: "true" })),
                                                                                                                        ["signin", "done",    "done",   "done",   "done",   "done",   "done",   "done",   "signin"]],
  ["vote on an internal idea",                  post((ids) => `/ideas/${ids.iIdea}`, () => ({ intent: "vote", vote: "true" })),
                                                                                                                        ["signin", 404,       "done",   "done",   "done",   "done",   "done",   "done",   "signin"]],
  ["change an idea's status (moderate)",        post((ids) => `/ideas/${ids.kIdea}`, () => ({ intent: "status", status: "planned", note: "Matrix check." })),
                                                                                                                        ["signin", 403,       403,      403,      403,      403,      "done",   "done",   "signin"]],
  ["idea edit URL",                             get((ids) => `/ideas/${ids.kIdea}/edit`),                               ["signin", 403,       403,      403,      403,      403,      200,      200,      "signin"]],
  ["idea history",                              get((ids) => `/ideas/${ids.kIdea}/history`),                            ["signin", 200,       200,      200,      200,      200,      200,      200,      "signin"]],
  ["edit an idea",                              post((ids) => `/ideas/${ids.kIdeaEditable}/edit`, () => ({ title: "An idea edited by someone", problem: "Counting stock on paper takes two people a whole evening.", proposal: "Use the handheld scanners we already have for deliveries.", benefit: "An evening saved every week." })),
                                                                                                                        ["signin", 403,       403,      403,      403,      403,      "done",   "done",   "signin"]],
  ["delete an idea",                            post((ids) => `/ideas/${ids.kIdeaDeletable}`, () => ({ intent: "delete" })),
                                                                                                                        ["signin", 403,       403,      403,      403,      403,      "done",   "done",   "signin"]],
  ["flag an idea",                              post((ids) => `/ideas/${ids.kIdea}`, (ids) => ({ intent: "flag", contentId: ids.kIdea, reason: "spam" })),
                                                                                                                        ["signin", "done",    "done",   "done",   "done",   "done",   "done",   "done",   "signin"]],
  ["hide an idea (moderate)",                   post((ids) => `/ideas/${ids.kIdeaHideable}`, (ids) => ({ intent: "hide", contentId: ids.kIdeaHideable, reason: "spam" })),
                                                                                                                        ["signin", 403,       403,      403,      403,      403,      "done",   "done",   "signin"]],
  ["hide an internal idea (moderate)",          post((ids) => `/ideas/${ids.iIdeaHideable}`, (ids) => ({ intent: "hide", contentId: ids.iIdeaHideable, reason: "spam" })),
                                                                                                                        ["signin", 404,       403,      403,      403,      403,      403,      "done",   "signin"]],
  ["event page, open community",                get((ids) => `/events/${ids.kEvent}`),                                  ["signin", 200,       200,      200,      200,      200,      200,      200,      "signin"]],
  ["event page, internal community",            get((ids) => `/events/${ids.iEvent}`),                                  ["signin", 404,       200,      200,      200,      200,      200,      200,      "signin"]],
  ["event calendar file, internal community",   get((ids) => `/events/${ids.iEvent}.ics`),                              ["signin", 404,       200,      200,      200,      200,      200,      200,      "signin"]],
  ["event edit URL",                            get((ids) => `/events/${ids.kEvent}/edit`),                             ["signin", 403,       403,      403,      200,      403,      200,      200,      "signin"]],
  ["announce an event (open community)",        post(() => "/c/kayaking/events/new", () => ({ title: "Paddle fitting clinic", description: "Bring your paddle: we fit it to your height.", format: "online", onlineUrl: "https://meet.example.com/paddles", startsAt: "2030-06-02T18:00", endsAt: "2030-06-02T19:00", timeZone: "Europe/Paris", capacity: "30" })),
                                                                                                                        ["signin", 403,       403,      403,      "done",   403,      "done",   "done",   "signin"]],
  ["RSVP to an event",                          post((ids) => `/events/${ids.kEvent}`, () => ({ intent: "rsvp", response: "going" })),
                                                                                                                        ["signin", "done",    "done",   "done",   "done",   "done",   "done",   "done",   "signin"]],
  ["RSVP to an internal event",                 post((ids) => `/events/${ids.iEvent}`, () => ({ intent: "rsvp", response: "going" })),
                                                                                                                        ["signin", 404,       "done",   "done",   "done",   "done",   "done",   "done",   "signin"]],
  ["cancel an event (its monitor, moderators)", post((ids) => `/events/${ids.kCancellable}`, () => ({ intent: "cancel", note: "Matrix check." })),
                                                                                                                        ["signin", 403,       403,      403,      "done",   403,      "done",   "done",   "signin"]],
  ["tutorial page, open community",             get((ids) => `/tutorials/${ids.kTutorial}`),                            ["signin", 200,       200,      200,      200,      200,      200,      200,      "signin"]],
  ["tutorial page, internal community",         get((ids) => `/tutorials/${ids.iTutorial}`),                            ["signin", 404,       200,      200,      200,      200,      200,      200,      "signin"]],
  ["someone else's draft tutorial",             get((ids) => `/tutorials/${ids.draftTutorial}`),                        ["signin", 404,       404,      404,      404,      404,      404,      404,      "signin"]],
  ["tutorials tab: someone else's draft",       pageShows(() => "/c/kayaking/tutorials", draftTutorialTitle),           ["signin", "hides",   "hides",  "hides",  "hides",  "hides",  "hides",  "hides",  "signin"]],
  ["tutorial's uploaded video",                 get((ids) => `/files/${ids.kVideo}`),                                   [404,      200,       200,      200,      200,      200,      200,      200,      404]],
  ["a draft's uploaded video",                  get((ids) => `/files/${ids.draftVideo}`),                               [404,      404,       404,      404,      404,      404,      404,      404,      404]],
  ["write a tutorial (open community)",         get(() => "/c/kayaking/tutorials/new"),                                 ["signin", 403,       200,      200,      200,      200,      200,      200,      "signin"]],
  ["tutorial edit URL",                         get((ids) => `/tutorials/${ids.kTutorial}/edit`),                       ["signin", 403,       403,      403,      403,      403,      200,      200,      "signin"]],
  ["this helped me",                            post((ids) => `/tutorials/${ids.kTutorial}`, () => ({ intent: "helped", helped: "true" })),
                                                                                                                        ["signin", "done",    "done",   "done",   "done",   "done",   "done",   "done",   "signin"]],
  ["this helped me, internal tutorial",         post((ids) => `/tutorials/${ids.iTutorial}`, () => ({ intent: "helped", helped: "true" })),
                                                                                                                        ["signin", 404,       "done",   "done",   "done",   "done",   "done",   "done",   "signin"]],
  ["flag a tutorial",                           post((ids) => `/tutorials/${ids.kTutorial}`, (ids) => ({ intent: "flag", contentId: ids.kTutorial, reason: "spam" })),
                                                                                                                        ["signin", "done",    "done",   "done",   "done",   "done",   "done",   "done",   "signin"]],
  ["hide a tutorial (moderate)",                post((ids) => `/tutorials/${ids.kTutorialHideable}`, (ids) => ({ intent: "hide", contentId: ids.kTutorialHideable, reason: "spam" })),
                                                                                                                        ["signin", 403,       403,      403,      403,      403,      "done",   "done",   "signin"]],
  ["delete a tutorial",                         post((ids) => `/tutorials/${ids.kTutorialDeletable}`, () => ({ intent: "delete" })),
                                                                                                                        ["signin", 403,       403,      403,      403,      403,      "done",   "done",   "signin"]],
  ["delete someone else's draft tutorial",      post((ids) => `/tutorials/${ids.draftTutorial}`, () => ({ intent: "delete" })),
                                                                                                                        ["signin", 404,       404,      404,      404,      404,      404,      404,      "signin"]],
  ["socket room: open community",               room((ids) => communityRoom(ids.kayak)),                                ["no socket", "joins", "joins",  "joins",  "joins",  "joins",  "joins",  "joins",  "no socket"]],
  ["socket room: internal community",           room((ids) => communityRoom(ids.store)),                                ["no socket", "refused", "joins", "joins",  "joins",  "joins",  "joins",  "joins",  "no socket"]],
  ["socket room: private community",            room((ids) => communityRoom(ids.secret)),                               ["no socket", "refused", "refused", "refused", "refused", "refused", "refused", "joins", "no socket"]],
  ["socket room: internal question",            room((ids) => questionRoom(ids.iq)),                                    ["no socket", "refused", "joins", "joins",  "joins",  "joins",  "joins",  "joins",  "no socket"]],
  ["socket room: open community's idea",        room((ids) => ideaRoom(ids.kIdea)),                                     ["no socket", "joins", "joins",  "joins",  "joins",  "joins",  "joins",  "joins",  "no socket"]],
  ["socket room: internal idea",                room((ids) => ideaRoom(ids.iIdea)),                                     ["no socket", "refused", "joins", "joins",  "joins",  "joins",  "joins",  "joins",  "no socket"]],
  ["socket room: hidden question",              room((ids) => questionRoom(ids.hidden)),                                ["no socket", "refused", "refused", "refused", "refused", "refused", "joins", "joins", "no socket"]],
  ["community analytics",                       get(() => "/c/kayaking/analytics"),                                     ["signin", 404,       404,      404,      404,      404,      200,      200,      "signin"]],
  ["community analytics CSV",                   get(() => "/c/kayaking/analytics.csv?figure=sites"),                    ["signin", 404,       404,      404,      404,      404,      200,      200,      "signin"]],
  ["every community's analytics",               get(() => "/analytics"),                                                ["signin", 404,       404,      404,      404,      404,      404,      200,      "signin"]],
  ["every community's analytics CSV",           get(() => "/analytics.csv?figure=matrix"),                              ["signin", 404,       404,      404,      404,      404,      404,      200,      "signin"]],
  ["API: question, open community",             api((ids) => `/questions/${ids.kq}`),                                   [401,      200,       200,      200,      200,      200,      200,      200,      403]],
  ["API: question, internal community",         api((ids) => `/questions/${ids.iq}`),                                   [401,      404,       200,      200,      200,      200,      200,      200,      403]],
  ["API: hidden question",                      api((ids) => `/questions/${ids.hidden}`),                               [401,      404,       404,      404,      404,      404,      200,      200,      403]],
  ["API: internal community",                   api(() => "/communities/store-operations"),                             [401,      404,       200,      200,      200,      200,      200,      200,      403]],
  ["API: internal community's questions",       api(() => "/communities/store-operations/questions"),                   [401,      404,       200,      200,      200,      200,      200,      200,      403]],
  ["API: private community's questions",        apiShows(() => "/communities/pricing/questions", privateTitle),         [401,      404,       404,      404,      404,      404,      404,      "shows",  403]],
  ["API: search, internal question",            apiShows(() => "/search?q=supplier+margins+quarter", internalTitle),    [401,      "hides",   "shows",  "shows",  "shows",  "shows",  "shows",  "shows",  403]],
  ["API: tutorial, internal community",         api((ids) => `/tutorials/${ids.iTutorial}`),                            [401,      404,       200,      200,      200,      200,      200,      200,      403]],
  ["API: someone else's draft tutorial",        api((ids) => `/tutorials/${ids.draftTutorial}`),                        [401,      404,       404,      404,      404,      404,      404,      404,      403]],
  ["API: idea, internal community",             api((ids) => `/ideas/${ids.iIdea}`),                                    [401,      404,       200,      200,      200,      200,      200,      200,      403]],
  ["API: ideas list, internal idea",            apiShows(() => "/ideas", internalIdeaTitle),                            [401,      "hides",   "shows",  "shows",  "shows",  "shows",  "shows",  "shows",  403]],
  ["API: employee profile",                     api((ids) => `/users/${ids.karim}`),                                    [401,      200,       200,      200,      200,      200,      200,      200,      403]],
  ["API: answer an internal question",          api((ids) => `/questions/${ids.iq}/answers`, () => ({ body: "Ask the regional buyer: she has the figures." })),
                                                                                                                        [401,      404,       "done",   "done",   "done",   "done",   "done",   "done",   403]],
  ["API: comment on an internal idea",          api((ids) => `/ideas/${ids.iIdea}/comments`, () => ({ body: "We tried this in Lille: it works." })),
                                                                                                                        [401,      404,       "done",   "done",   "done",   "done",   "done",   "done",   403]],
];

describe(`access matrix: ${matrix.length} resources × ${roles.length} roles = ${matrix.length * roles.length} cases`, () => {
  it.each(roles.map((role, column) => [role, column] as const))("as %s", async (role, column) => {
    const world = await buildWorld();
    for (const [name, probe, expected] of matrix) {
      expect.soft(await probe(world, role), `${name}, as ${role}`).toBe(expected[column]);
    }
  });
});
