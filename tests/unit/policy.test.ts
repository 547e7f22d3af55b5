import { describe, expect, it } from "vitest";
import { flagReason } from "../../db/schema";
import { moderationReasons } from "../../app/components/moderation-forms";
import { can, type CommunityAccess, type Permission, type PostAccess, type Viewer } from "../../server/policy";

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
  ["deactivate an employee", { action: "customer.deactivate", person: colleague }, { anonymous: false, customer: false, employee: false, admin: false }],
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

  it("the forms offer exactly the reasons the database knows", () => {
    expect([...moderationReasons]).toEqual(flagReason.enumValues);
  });

  it("everyone may view and edit their own profile, details included", () => {
    for (const viewer of [customer, employee, admin]) {
      const self = { id: viewer!.id, role: viewer!.role };
      expect(can(viewer, { action: "profile.view", profile: self })).toBe(true);
      expect(can(viewer, { action: "profile.viewDetails", profile: self })).toBe(true);
      expect(can(viewer, { action: "profile.edit", profile: self })).toBe(true);
    }
  });
});
