/**
 * The one answer to "may this viewer see or do this?". Pure functions of (viewer, resource): every
 * loader, action, socket room, search query and notification asks here, and nowhere else.
 */
import type { UserRole } from "../db/schema";
import { Forbidden, NotFound } from "./errors";

/** Who is asking. `null` is an anonymous visitor. */
export type Viewer = SignedInViewer | null;
export type SignedInViewer = { id: string; role: UserRole; siteId: string | null };

export type Permission =
  | { action: "app.use" }
  | { action: "profile.view"; profile: { id: string; role: UserRole } }
  | { action: "profile.viewDetails"; profile: { id: string; role: UserRole } }
  | { action: "profile.edit"; profile: { id: string } }
  | { action: "site.manage" };

export type Action = Permission["action"];

export function can(viewer: Viewer, permission: Permission): boolean {
  if (!viewer) return false;
  const isAdmin = viewer.role === "admin";
  const isStaff = viewer.role !== "customer";
  switch (permission.action) {
    case "app.use":
      return true;
    case "profile.view":
      // Customers see employees by name and site only (see profile.viewDetails), never other customers.
      return isStaff || permission.profile.id === viewer.id || permission.profile.role !== "customer";
    case "profile.viewDetails":
      return isStaff || permission.profile.id === viewer.id;
    case "profile.edit":
      return permission.profile.id === viewer.id || isAdmin;
    case "site.manage":
      return isAdmin;
  }
}

/**
 * Throws when the viewer may not: `NotFound` for what they may not even see (so private content's
 * existence is never confirmed), `Forbidden` for an action on something they can see. No permission
 * is granted to anonymous visitors, so a viewer that passes is signed in.
 */
export function ensureCan(
  viewer: Viewer,
  permission: Permission,
  denial: "hide" | "forbid" = "forbid",
): asserts viewer is SignedInViewer {
  if (can(viewer, permission)) return;
  throw denial === "hide" ? new NotFound() : new Forbidden();
}
