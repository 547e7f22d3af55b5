import { describe, expect, it } from "vitest";
import { flagReason, ideaStatus } from "../../db/schema";
import { ideaStatusValues } from "../../app/components/idea-list";
import { moderationReasons } from "../../app/components/moderation-forms";
import { can, type CommunityAccess, type EventAccess, type IdeaAccess, type Permission, type PostAccess, type Viewer } from "../../server/policy";
import type { FileAccess, KudosTarget, TutorialAccess } from "../../server/policy";

const admin: Viewer = { id: "admin", role: "admin", siteId: "hq" };
const employee: Viewer = { id: "employee", role: "employee", siteId: "lyon" };
const customer: Viewer = { id: "customer", role: "customer", siteId: null };
const anonymous: Viewer = null;

const colleague = { id: "colleague", role: "employee" } as const;
const otherCustomer = { id: "other-customer", role: "customer" } as const;

/** Every cell spelled out: who (columns) may do what (rows). */
const table: [string, Permission, { anonymous: boolean; customer: boolean; employee: boolean; admin: boolean }][] = [
  ["use the app", { action: "app.use" }, { anonymous: false, customer: true, employee: true, admin: true }],
  ["view an employee's profile", { action: "profile.view", profile: colleague }, { anonymous: false, customer: true, employee: true, admin: true }],
  ["view another customer's profile", { action: "profile.view", profile: otherCustomer }, { anonymous: false, customer: false, employee: true, admin: true }],
  ["view an employee's profile details", { action: "profile.viewDetails", profile: colleague }, { anonymous: false, customer: false, employee: true, admin: true }],
  ["edit a colleague's profile", { action: "profile.edit", profile: colleague }, { anonymous: false, customer: false, employee: false, admin: true }],
  ["manage sites", { action: "site.manage" }, { anonymous: false, customer: false, employee: false, admin: true }],
  ["manage customers", { action: "customers.manage" }, { anonymous: false, customer: false, employee: false, admin: true }],
  ["read the site's audit log", { action: "audit.view" }, { anonymous: false, customer: false, employee: false, admin: true }],
  ["suspend a colleague", { action: "user.suspend", person: colleague }, { anonymous: false, customer: false, employee: false, admin: true }],
  ["deactivate a customer", { action: "customer.deactivate", person: otherCustomer }, { anonymous: false, customer: false, employee: false, admin: true }],
  ["view every community's analytics", { action: "analytics.view", community: null }, { anonymous: false, customer: false, employee: false, admin: true }],
  ["deactivate an employee", { action: "customer.deactivate", person: colleague }, { anonymous: false, customer: false, employee: false, admin: false }],
  ["manage a colleague's API tokens", { action: "apiToken.manage", ownerId: "colleague" }, { anonymous: false, customer: false, employee: false, admin: false }],
  [
    "manage a community's webhooks, even as its moderator",
    { action: "webhook.manage", community: { id: "kayaking", visibility: "open", archived: false, membership: { role: "moderator", status: "active" } } },
    { anonymous: false, customer: false, employee: false, admin: true },
  ],
  ["open or close barometer rounds", { action: "barometer.manage" }, { anonymous: false, customer: false, employee: false, admin: true }],
  ["read the local mail outbox", { action: "mail.viewOutbox" }, { anonymous: false, customer: false, employee: false, admin: true }],
  ["see a barometer's results", { action: "barometer.viewResults", round: { audience: "employees", community: null, open: false } }, { anonymous: false, customer: false, employee: false, admin: true }],
  ["answer an open employees' barometer", { action: "barometer.answer", round: { audience: "employees", community: null, open: true } }, { anonymous: false, customer: false, employee: true, admin: true }],
  ["answer a closed employees' barometer", { action: "barometer.answer", round: { audience: "employees", community: null, open: false } }, { anonymous: false, customer: false, employee: false, admin: false }],
  ["answer a customers' barometer of an open community one joined", { action: "barometer.answer", round: { audience: "customers", community: { id: "kayaking", visibility: "open", archived: false, membership: { role: "member", status: "active" } }, open: true } }, { anonymous: false, customer: true, employee: false, admin: false }],
  ["answer a customers' barometer of a community one did not join", { action: "barometer.answer", round: { audience: "customers", community: { id: "kayaking", visibility: "open", archived: false, membership: null }, open: true } }, { anonymous: false, customer: false, employee: false, admin: false }],
];

const openCommunity = (role: "member" | "moderator" | null): CommunityAccess => ({
  id: "kayaking",
  visibility: "open",
  archived: false,
  membership: role ? { role, status: "active" } : null,
});
const post = (community: CommunityAccess, state: Partial<PostAccess> = {}): PostAccess => ({
  authorId: "someone",
  community,
  deleted: false,
  hidden: false,
  held: false,
  closed: false,
  locked: false,
  ...state,
});

describe("policy", () => {
  describe.each(table)("%s", (_name, permission, expected) => {
    it.each([
      ["anonymous", anonymous],
      ["customer", customer],
      ["employee", employee],
      ["admin", admin],
    ] as const)("%s", (role, viewer) => {
      expect(can(viewer, permission)).toBe(expected[role]);
    });
  });

  it("moderation needs the community's moderator; suspension is an administrator's only, never of oneself", () => {
    const moderator = employee;
    expect(can(moderator, { action: "community.invite", community: openCommunity("moderator") })).toBe(true);
    expect(can(moderator, { action: "community.invite", community: { ...openCommunity("moderator"), visibility: "internal" } })).toBe(false);
    expect(can(moderator, { action: "community.invite", community: openCommunity("member") })).toBe(false);
    expect(can(moderator, { action: "community.viewAudit", community: openCommunity("moderator") })).toBe(true);
    expect(can(moderator, { action: "user.suspend", person: { id: "admin", role: "admin" } })).toBe(false);
    expect(can(admin, { action: "user.suspend", person: { id: admin!.id, role: "admin" } })).toBe(false);
    expect(can(admin, { action: "user.suspend", person: { id: "another-admin", role: "admin" } })).toBe(true);
    // Customers take part in open communities; they do not become monitors.
    expect(can(customer, { action: "community.applyMonitor", community: openCommunity("member") })).toBe(false);
    expect(can(employee, { action: "community.applyMonitor", community: openCommunity("member") })).toBe(true);
  });

  it("a community's analytics are its moderators' and the administrators'; every community's, the administrators' only", () => {
    expect(can(employee, { action: "analytics.view", community: openCommunity("moderator") })).toBe(true);
    expect(can(employee, { action: "analytics.view", community: openCommunity("member") })).toBe(false);
    expect(can(employee, { action: "analytics.view", community: { ...openCommunity("moderator"), membership: { role: "moderator", status: "pending" } } })).toBe(false);
    expect(can(customer, { action: "analytics.view", community: openCommunity("moderator") })).toBe(false);
    expect(can(admin, { action: "analytics.view", community: openCommunity(null) })).toBe(true);
    expect(can(anonymous, { action: "analytics.view", community: openCommunity(null) })).toBe(false);
  });

  it("a held post is seen by its author and the moderators only, and approved by a moderator", () => {
    const held = (role: "member" | "moderator" | null, authorId = "someone") => post(openCommunity(role), { hidden: true, held: true, authorId });
    expect(can(customer, { action: "post.view", post: held("member", customer!.id) })).toBe(true);
    expect(can(employee, { action: "post.view", post: held("member") })).toBe(false);
    expect(can(employee, { action: "post.view", post: held("moderator") })).toBe(true);
    expect(can(employee, { action: "post.approve", post: held("moderator") })).toBe(true);
    expect(can(customer, { action: "post.approve", post: held("member", customer!.id) })).toBe(false);
    expect(can(employee, { action: "post.approve", post: post(openCommunity("moderator")) })).toBe(false);
  });

  it("a locked post takes no answer or comment; flagging is for what one can see and did not write", () => {
    const locked = post(openCommunity("member"), { locked: true });
    expect(can(employee, { action: "post.answer", post: locked })).toBe(false);
    expect(can(employee, { action: "post.comment", post: locked })).toBe(false);
    expect(can(employee, { action: "post.vote", post: locked })).toBe(true);
    expect(can(employee, { action: "post.flag", post: post(openCommunity("member")) })).toBe(true);
    expect(can(employee, { action: "post.flag", post: post(openCommunity("member"), { authorId: employee!.id }) })).toBe(false);
    expect(can(employee, { action: "post.flag", post: post(openCommunity("member"), { hidden: true }) })).toBe(false);
  });

  it("moving a question needs its moderator to moderate the destination too", () => {
    const source = post(openCommunity("moderator"));
    const destination = (role: "member" | "moderator" | null): CommunityAccess => ({ ...openCommunity(role), id: "canoeing" });
    expect(can(employee, { action: "post.move", post: source, destination: destination("moderator") })).toBe(true);
    expect(can(employee, { action: "post.move", post: source, destination: destination("member") })).toBe(false);
    expect(can(employee, { action: "post.move", post: source, destination: openCommunity("moderator") })).toBe(false);
    expect(can(employee, { action: "post.move", post: post(openCommunity("member")), destination: destination("moderator") })).toBe(false);
  });

  it("ideas: employees propose, members vote but not on their own, moderators run the workflow, sites adopt implemented ones", () => {
    const idea = (role: "member" | "moderator" | null, state: Partial<IdeaAccess> = {}): IdeaAccess => ({
      ...post(openCommunity(role)),
      status: "proposed",
      merged: false,
      ...state,
    });
    expect(can(employee, { action: "idea.propose", community: openCommunity("member") })).toBe(true);
    expect(can(customer, { action: "idea.propose", community: openCommunity("member") })).toBe(false);
    expect(can(customer, { action: "idea.vote", idea: idea("member") })).toBe(true);
    expect(can(customer, { action: "idea.vote", idea: idea(null) })).toBe(false);
    expect(can(employee, { action: "idea.vote", idea: idea("member", { authorId: employee!.id }) })).toBe(false);
    expect(can(employee, { action: "idea.vote", idea: idea("member", { merged: true }) })).toBe(false);
    expect(can(employee, { action: "idea.changeStatus", idea: idea("member") })).toBe(false);
    expect(can(employee, { action: "idea.changeStatus", idea: idea("moderator") })).toBe(true);
    expect(can(admin, { action: "idea.changeStatus", idea: idea(null) })).toBe(true);
    expect(can(employee, { action: "idea.merge", idea: idea("moderator"), into: idea("moderator", { merged: true }) })).toBe(false);
    expect(can(employee, { action: "idea.merge", idea: idea("moderator"), into: idea("moderator") })).toBe(true);
    expect(can(employee, { action: "idea.adopt", idea: idea("member") })).toBe(false);
    expect(can(employee, { action: "idea.adopt", idea: idea("member", { status: "implemented" }) })).toBe(true);
    expect(can(customer, { action: "idea.adopt", idea: idea("member", { status: "implemented" }) })).toBe(false);
    // Editing, deleting, hiding and flagging an idea are a post's rules.
    expect(can(employee, { action: "post.edit", post: idea("member", { authorId: employee!.id }) })).toBe(true);
    expect(can(employee, { action: "post.delete", post: idea("member") })).toBe(false);
    expect(can(employee, { action: "post.delete", post: idea("moderator") })).toBe(true);
    expect(can(customer, { action: "post.flag", post: idea("member") })).toBe(true);
    expect(can(customer, { action: "post.moderate", post: idea("member") })).toBe(false);
  });

  it("events: moderators and monitors announce, readers answer until it starts, a monitor runs only the events they announced", () => {
    const community = (visibility: CommunityAccess["visibility"], role: "member" | "monitor" | "moderator" | null): CommunityAccess => ({
      id: "kayaking",
      visibility,
      archived: false,
      membership: role ? { role, status: "active" } : null,
    });
    const event = (access: CommunityAccess, state: Partial<EventAccess> = {}): EventAccess => ({ community: access, announcedById: "someone", cancelled: false, started: false, ...state });
    expect(can(employee, { action: "event.announce", community: community("internal", "monitor") })).toBe(true);
    expect(can(employee, { action: "event.announce", community: community("internal", "moderator") })).toBe(true);
    expect(can(employee, { action: "event.announce", community: community("internal", "member") })).toBe(false);
    expect(can(employee, { action: "event.announce", community: community("internal", null) })).toBe(false);
    expect(can(customer, { action: "event.announce", community: community("open", "member") })).toBe(false);
    expect(can(admin, { action: "event.announce", community: community("private", null) })).toBe(true);
    expect(can(anonymous, { action: "event.view", event: event(community("open", null)) })).toBe(false);

    expect(can(customer, { action: "event.rsvp", event: event(community("open", "member")) })).toBe(true);
    expect(can(customer, { action: "event.rsvp", event: event(community("open", null)) })).toBe(false);
    expect(can(customer, { action: "event.view", event: event(community("internal", "member")) })).toBe(false);
    expect(can(employee, { action: "event.rsvp", event: event(community("internal", null)) })).toBe(true);
    expect(can(employee, { action: "event.view", event: event(community("private", null)) })).toBe(false);
    expect(can(employee, { action: "event.rsvp", event: event(community("internal", null), { started: true }) })).toBe(false);
    expect(can(employee, { action: "event.rsvp", event: event(community("internal", null), { cancelled: true }) })).toBe(false);

    const mine = event(community("internal", "monitor"), { announcedById: employee!.id });
    expect(can(employee, { action: "event.edit", event: mine })).toBe(true);
    expect(can(employee, { action: "event.cancel", event: event(community("internal", "monitor")) })).toBe(false);
    expect(can(employee, { action: "event.cancel", event: event(community("internal", "moderator")) })).toBe(true);
    expect(can(employee, { action: "event.edit", event: { ...mine, started: true } })).toBe(false);
    expect(can(employee, { action: "event.shareMaterials", event: { ...mine, started: true } })).toBe(true);
    expect(can(employee, { action: "event.shareMaterials", event: { ...mine, cancelled: true } })).toBe(false);
    expect(can(employee, { action: "event.shareMaterials", event: event(community("internal", "member"), { announcedById: employee!.id }) })).toBe(false);
  });

  it("the forms offer exactly the reasons and idea statuses the database knows", () => {
    expect([...moderationReasons]).toEqual(flagReason.enumValues);
    expect([...ideaStatusValues]).toEqual(ideaStatus.enumValues);
  });

  it("everyone may view and edit their own profile, details included", () => {
    for (const viewer of [customer, employee, admin]) {
      const self = { id: viewer!.id, role: viewer!.role };
      expect(can(viewer, { action: "profile.view", profile: self })).toBe(true);
      expect(can(viewer, { action: "profile.viewDetails", profile: self })).toBe(true);
      expect(can(viewer, { action: "profile.edit", profile: self })).toBe(true);
    }
  });

  it("everyone manages their own API tokens", () => {
    for (const viewer of [customer, employee, admin]) expect(can(viewer, { action: "apiToken.manage", ownerId: viewer!.id })).toBe(true);
  });
});

describe("tutorials and their files", () => {
  const tutorial = (role: "member" | "moderator" | null, state: Partial<TutorialAccess> = {}): TutorialAccess => ({ ...post(openCommunity(role)), draft: false, ...state });
  const draft = (role: "member" | "moderator" | null, authorId = "someone") => tutorial(role, { draft: true, hidden: true, authorId });
  const author: Viewer = { id: "someone", role: "employee", siteId: "lille" };

  // Every cell: who (columns) may do what with a published tutorial, a draft, and their files.
  const cells: [string, (viewer: Viewer) => boolean, { anonymous: boolean; customer: boolean; employee: boolean; author: boolean; moderator: boolean; admin: boolean }][] = [
    ["write in an open community", (viewer) => can(viewer, { action: "tutorial.write", community: openCommunity("member") }), { anonymous: false, customer: false, employee: true, author: true, moderator: true, admin: true }],
    ["read a published tutorial", (viewer) => can(viewer, { action: "tutorial.view", tutorial: tutorial("member") }), { anonymous: false, customer: true, employee: true, author: true, moderator: true, admin: true }],
    ["read a draft", (viewer) => can(viewer, { action: "tutorial.view", tutorial: draft(viewer?.id === "moderator" ? "moderator" : "member") }), { anonymous: false, customer: false, employee: false, author: true, moderator: false, admin: false }],
    ["edit a published tutorial", (viewer) => can(viewer, { action: "tutorial.edit", tutorial: tutorial(viewer?.id === "moderator" ? "moderator" : "member") }), { anonymous: false, customer: false, employee: false, author: true, moderator: true, admin: true }],
    ["publish a draft", (viewer) => can(viewer, { action: "tutorial.publish", tutorial: draft("member") }), { anonymous: false, customer: false, employee: false, author: true, moderator: false, admin: false }],
    ["delete a published tutorial", (viewer) => can(viewer, { action: "tutorial.delete", tutorial: tutorial(viewer?.id === "moderator" ? "moderator" : "member") }), { anonymous: false, customer: false, employee: false, author: true, moderator: true, admin: true }],
    ["delete a draft", (viewer) => can(viewer, { action: "tutorial.delete", tutorial: draft(viewer?.id === "moderator" ? "moderator" : "member") }), { anonymous: false, customer: false, employee: false, author: true, moderator: false, admin: false }],
    ["hide or restore a published tutorial", (viewer) => can(viewer, { action: "tutorial.moderate", tutorial: tutorial(viewer?.id === "moderator" ? "moderator" : "member") }), { anonymous: false, customer: false, employee: false, author: false, moderator: true, admin: true }],
    ["hide or restore (publish) a draft", (viewer) => can(viewer, { action: "tutorial.moderate", tutorial: draft(viewer?.id === "moderator" ? "moderator" : "member") }), { anonymous: false, customer: false, employee: false, author: false, moderator: false, admin: false }],
    ["flag a published tutorial", (viewer) => can(viewer, { action: "tutorial.flag", tutorial: tutorial("member") }), { anonymous: false, customer: true, employee: true, author: false, moderator: true, admin: true }],
    ["flag a draft", (viewer) => can(viewer, { action: "tutorial.flag", tutorial: draft("member") }), { anonymous: false, customer: false, employee: false, author: false, moderator: false, admin: false }],
    ["say it helped", (viewer) => can(viewer, { action: "tutorial.helped", tutorial: tutorial("member") }), { anonymous: false, customer: true, employee: true, author: false, moderator: true, admin: true }],
    ["cite a draft", (viewer) => can(viewer, { action: "tutorial.cite", tutorial: draft("member") }), { anonymous: false, customer: false, employee: false, author: false, moderator: false, admin: false }],
    ["read a published tutorial's video", (viewer) => can(viewer, { action: "file.read", file: { ownerId: "someone", tutorial: tutorial("member") } satisfies FileAccess }), { anonymous: false, customer: true, employee: true, author: true, moderator: true, admin: true }],
    ["read a draft's video", (viewer) => can(viewer, { action: "file.read", file: { ownerId: "someone", tutorial: draft("member") } }), { anonymous: false, customer: false, employee: false, author: true, moderator: false, admin: false }],
    ["read an unattached upload", (viewer) => can(viewer, { action: "file.read", file: { ownerId: "someone", tutorial: null } }), { anonymous: false, customer: false, employee: false, author: true, moderator: false, admin: false }],
  ];
  const viewers = { anonymous, customer, employee, author, moderator: { id: "moderator", role: "employee", siteId: "lyon" }, admin } as const;
  describe.each(cells)("%s", (_name, allowed, expected) => {
    it.each(Object.entries(viewers))("%s", (role, viewer) => {
      expect(allowed(viewer)).toBe(expected[role as keyof typeof expected]);
    });
  });
});

describe("kudos", () => {
  const inCommunity = (visibility: CommunityAccess["visibility"], member: boolean): CommunityAccess => ({
    id: visibility,
    visibility,
    archived: false,
    membership: member ? { role: "member", status: "active" } : null,
  });
  const answerIn = (community: CommunityAccess, state: { hidden?: boolean } = {}) =>
    ({ kind: "answer", reply: { authorId: "someone", post: post(community), deleted: false, hidden: state.hidden ?? false, held: false } }) as const;
  const tutorialIn = (community: CommunityAccess, draft = false) =>
    ({ kind: "tutorial", tutorial: { ...post(community, { hidden: draft }), draft } }) as const;
  const thanks = (target: KudosTarget, receiverId = "someone") => (viewer: Viewer) => can(viewer, { action: "kudos.give", receiverId, target });
  const author: Viewer = { id: "someone", role: "employee", siteId: "lille" };

  // Every cell: the customer and the employee are members where `member` says so; the author is the one thanked.
  const cells: [string, (viewer: Viewer) => boolean, { anonymous: boolean; customer: boolean; employee: boolean; author: boolean; admin: boolean }][] = [
    ["thank an answer in an open community they joined", thanks(answerIn(inCommunity("open", true))), { anonymous: false, customer: true, employee: true, author: false, admin: true }],
    ["thank an answer in an open community they did not join", thanks(answerIn(inCommunity("open", false))), { anonymous: false, customer: false, employee: true, author: false, admin: true }],
    ["thank an answer in an internal community", thanks(answerIn(inCommunity("internal", true))), { anonymous: false, customer: false, employee: true, author: false, admin: true }],
    ["thank an answer in a private community, not a member", thanks(answerIn(inCommunity("private", false))), { anonymous: false, customer: false, employee: false, author: false, admin: true }],
    ["thank an answer in a private community, a member", thanks(answerIn(inCommunity("private", true))), { anonymous: false, customer: false, employee: true, author: false, admin: true }],
    ["thank a hidden answer", thanks(answerIn(inCommunity("internal", true), { hidden: true })), { anonymous: false, customer: false, employee: false, author: false, admin: false }],
    ["thank a published tutorial", thanks(tutorialIn(inCommunity("open", true))), { anonymous: false, customer: true, employee: true, author: false, admin: true }],
    ["thank a draft", thanks(tutorialIn(inCommunity("open", true), true)), { anonymous: false, customer: false, employee: false, author: false, admin: false }],
    ["thank an employee", thanks({ kind: "person", profile: { id: "someone", role: "employee" } }), { anonymous: false, customer: true, employee: true, author: false, admin: true }],
    ["thank another customer", thanks({ kind: "person", profile: otherCustomer }, otherCustomer.id), { anonymous: false, customer: false, employee: true, author: true, admin: true }],
  ];
  const viewers = { anonymous, customer, employee, author, admin } as const;
  describe.each(cells)("%s", (_name, allowed, expected) => {
    it.each(Object.entries(viewers))("%s", (role, viewer) => {
      expect(allowed(viewer)).toBe(expected[role as keyof typeof expected]);
    });
  });

  it("never oneself, whatever is thanked", () => {
    expect(can(employee, { action: "kudos.give", receiverId: "employee", target: { kind: "person", profile: { id: "employee", role: "employee" } } })).toBe(false);
    expect(can(admin, { action: "kudos.give", receiverId: "admin", target: answerIn(inCommunity("open", true)) })).toBe(false);
  });
});

describe("question routing", () => {
  const open = post(openCommunity("member"));
  const sent = { sent: true, declined: false };
  // Every cell: who (columns) may be routed, decline, and see the routing of a question in an open community they joined.
  const cells: [string, (viewer: Viewer) => boolean, { anonymous: boolean; customer: boolean; employee: boolean; admin: boolean }][] = [
    ["be routed an open question", (viewer) => can(viewer, { action: "question.beRouted", post: open }), { anonymous: false, customer: false, employee: true, admin: true }],
    ["be routed a closed question", (viewer) => can(viewer, { action: "question.beRouted", post: { ...open, closed: true } }), { anonymous: false, customer: false, employee: false, admin: false }],
    ["be routed a hidden question", (viewer) => can(viewer, { action: "question.beRouted", post: { ...open, hidden: true } }), { anonymous: false, customer: false, employee: false, admin: false }],
    ["decline a question sent to them", (viewer) => can(viewer, { action: "question.decline", post: open, routing: sent }), { anonymous: false, customer: false, employee: true, admin: true }],
    ["decline a question not sent to them", (viewer) => can(viewer, { action: "question.decline", post: open, routing: { sent: false, declined: false } }), { anonymous: false, customer: false, employee: false, admin: false }],
    ["decline a question twice", (viewer) => can(viewer, { action: "question.decline", post: open, routing: { sent: true, declined: true } }), { anonymous: false, customer: false, employee: false, admin: false }],
    ["decline a deleted question", (viewer) => can(viewer, { action: "question.decline", post: { ...open, deleted: true }, routing: sent }), { anonymous: false, customer: false, employee: false, admin: false }],
    ["decline a closed question", (viewer) => can(viewer, { action: "question.decline", post: { ...open, closed: true }, routing: sent }), { anonymous: false, customer: false, employee: false, admin: false }],
    ["see who a question was routed to", (viewer) => can(viewer, { action: "question.viewRouting", post: open }), { anonymous: false, customer: false, employee: true, admin: true }],
    ["see the routing of a question in a private community they are not in", (viewer) => can(viewer, { action: "question.viewRouting", post: post({ ...openCommunity(null), visibility: "private" }) }), { anonymous: false, customer: false, employee: false, admin: true }],
  ];
  const viewers = { anonymous, customer, employee, admin } as const;
  describe.each(cells)("%s", (_name, allowed, expected) => {
    it.each(Object.entries(viewers))("%s", (role, viewer) => {
      expect(allowed(viewer)).toBe(expected[role as keyof typeof expected]);
    });
  });
});
