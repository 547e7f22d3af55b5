import { describe, expect, it } from "vitest";
import { can, type Permission, type Viewer } from "../../server/policy";

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
];

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

  it("everyone may view and edit their own profile, details included", () => {
    for (const viewer of [customer, employee, admin]) {
      const self = { id: viewer!.id, role: viewer!.role };
      expect(can(viewer, { action: "profile.view", profile: self })).toBe(true);
      expect(can(viewer, { action: "profile.viewDetails", profile: self })).toBe(true);
      expect(can(viewer, { action: "profile.edit", profile: self })).toBe(true);
    }
  });
});
