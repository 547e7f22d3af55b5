/**
 * The one answer to "may this viewer see or do this?". Pure functions of (viewer, resource): every
 * loader, action, socket room, search query and notification asks here, and nowhere else. Lists use
 * the same rules as SQL conditions, in ./scopes.ts.
 */
import type { CommunityRole, CommunityVisibility, UserRole } from "../../db/schema";
import { Forbidden, NotFound } from "../errors";

/** Who is asking. `null` is an anonymous visitor. */
export type Viewer = SignedInViewer | null;
export type SignedInViewer = { id: string; role: UserRole; siteId: string | null };

/** A community as the policy needs it, with the viewer's own membership in it. */
export interface CommunityAccess {
  id: string;
  visibility: CommunityVisibility;
  archived: boolean;
  membership: { role: CommunityRole; status: "active" | "pending" } | null;
}

export interface PostAccess {
  authorId: string;
  community: CommunityAccess;
  deleted: boolean;
  /** Hidden by a moderator, or held for approval (then `held` too). */
  hidden: boolean;
  /** Waiting for a moderator's approval (pre-moderation): a hidden post that was never published. */
  held: boolean;
  closed: boolean;
  /** No new answers or comments. */
  locked: boolean;
}

export interface ReplyAccess {
  authorId: string;
  post: PostAccess;
  deleted: boolean;
  hidden: boolean;
  held: boolean;
}

/** Someone an administrator may act on (suspend, deactivate). */
export interface PersonAccess {
  id: string;
  role: UserRole;
}

export type Permission =
  | { action: "app.use" }
  | { action: "profile.view"; profile: { id: string; role: UserRole } }
  | { action: "profile.viewDetails"; profile: { id: string; role: UserRole } }
  | { action: "profile.edit"; profile: { id: string } }
  | { action: "site.manage" }
  | { action: "community.create"; viewerModeratesACommunity: boolean }
  | { action: "community.view"; community: CommunityAccess }
  | { action: "community.read"; community: CommunityAccess }
  | { action: "community.join"; community: CommunityAccess }
  | { action: "community.leave"; community: CommunityAccess }
  | { action: "community.moderate"; community: CommunityAccess }
  | { action: "community.appointModerators"; community: CommunityAccess }
  | { action: "community.applyMonitor"; community: CommunityAccess }
  | { action: "community.post"; community: CommunityAccess }
  | { action: "community.invite"; community: CommunityAccess }
  | { action: "community.viewAudit"; community: CommunityAccess }
  | { action: "customers.manage" }
  | { action: "customer.deactivate"; person: PersonAccess }
  | { action: "audit.view" }
  | { action: "user.suspend"; person: PersonAccess }
  | { action: "post.view"; post: PostAccess }
  | { action: "post.answer"; post: PostAccess }
  | { action: "post.comment"; post: PostAccess }
  | { action: "post.vote"; post: PostAccess }
  | { action: "post.edit"; post: PostAccess }
  | { action: "post.delete"; post: PostAccess }
  | { action: "post.follow"; post: PostAccess }
  | { action: "question.accept"; post: PostAccess }
  | { action: "post.moderate"; post: PostAccess }
  | { action: "post.flag"; post: PostAccess }
  | { action: "post.approve"; post: PostAccess }
  | { action: "post.move"; post: PostAccess; destination: CommunityAccess }
  | { action: "reply.view"; reply: ReplyAccess }
  | { action: "reply.vote"; reply: ReplyAccess }
  | { action: "reply.comment"; reply: ReplyAccess }
  | { action: "reply.edit"; reply: ReplyAccess }
  | { action: "reply.delete"; reply: ReplyAccess }
  | { action: "reply.moderate"; reply: ReplyAccess }
  | { action: "reply.flag"; reply: ReplyAccess }
  | { action: "reply.approve"; reply: ReplyAccess };

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
    case "community.create":
      return isAdmin || (isStaff && permission.viewerModeratesACommunity);
    case "community.view":
      return canViewCommunity(viewer, permission.community);
    case "community.read":
      return canReadCommunity(viewer, permission.community);
    case "community.join": {
      const { community } = permission;
      return canViewCommunity(viewer, community) && !community.archived && community.membership === null;
    }
    case "community.leave":
      return permission.community.membership !== null;
    case "community.moderate":
      return moderates(viewer, permission.community);
    case "community.appointModerators":
      return isAdmin;
    case "community.applyMonitor": {
      // Monitors are the company's experts, by site: customers take part, they do not monitor.
      const { community } = permission;
      return isStaff && isActive(community) && community.membership?.role === "member" && !community.archived;
    }
    case "community.post":
      return canPostIn(viewer, permission.community);
    case "community.invite": {
      // Customers are invited into open communities only, by their moderators or an administrator.
      const { community } = permission;
      return community.visibility === "open" && !community.archived && moderates(viewer, community);
    }
    case "community.viewAudit":
      return moderates(viewer, permission.community);
    case "customers.manage":
    case "audit.view":
      return isAdmin;
    case "customer.deactivate":
      return isAdmin && permission.person.role === "customer";
    case "user.suspend":
      // A site-wide suspension is an administrator's act (moderators hide content and remove members);
      // never one's own account, so that someone is always left to lift a suspension.
      return isAdmin && permission.person.id !== viewer.id;
    case "post.view":
      return canViewPost(viewer, permission.post);
    case "post.answer": {
      const { post } = permission;
      return canViewPost(viewer, post) && canPostIn(viewer, post.community) && !post.closed && !post.locked && !post.deleted && !post.hidden;
    }
    case "post.comment": {
      const { post } = permission;
      return canViewPost(viewer, post) && !post.deleted && !post.hidden && !post.locked && !post.community.archived;
    }
    case "post.follow": {
      const { post } = permission;
      return canViewPost(viewer, post) && !post.deleted && !post.hidden && !post.community.archived;
    }
    case "post.vote": {
      const { post } = permission;
      return canViewPost(viewer, post) && post.authorId !== viewer.id && !post.deleted && !post.community.archived;
    }
    case "post.edit":
    case "post.delete": {
      const { post } = permission;
      if (!canViewPost(viewer, post) || post.deleted) return false;
      return moderates(viewer, post.community) || (post.authorId === viewer.id && !post.community.archived);
    }
    case "question.accept": {
      const { post } = permission;
      if (!canViewPost(viewer, post) || post.deleted || post.community.archived) return false;
      return post.authorId === viewer.id || moderates(viewer, post.community);
    }
    case "post.moderate":
      return canViewPost(viewer, permission.post) && moderates(viewer, permission.post.community);
    case "post.flag": {
      const { post } = permission;
      return canViewPost(viewer, post) && post.authorId !== viewer.id && !post.deleted && !post.hidden;
    }
    case "post.approve": {
      const { post } = permission;
      return post.held && !post.deleted && canViewPost(viewer, post) && moderates(viewer, post.community);
    }
    case "post.move": {
      // Moving hands the question to another community's moderators: one must moderate both.
      const { post, destination } = permission;
      return (
        canViewPost(viewer, post) &&
        !post.deleted &&
        moderates(viewer, post.community) &&
        moderates(viewer, destination) &&
        destination.id !== post.community.id &&
        !destination.archived
      );
    }
    case "reply.view":
      return canViewReply(viewer, permission.reply);
    case "reply.vote": {
      const { reply } = permission;
      return canViewReply(viewer, reply) && reply.authorId !== viewer.id && !reply.deleted && !reply.post.community.archived;
    }
    case "reply.comment": {
      const { reply } = permission;
      return canViewReply(viewer, reply) && !reply.deleted && !reply.hidden && can(viewer, { action: "post.comment", post: reply.post });
    }
    case "reply.edit":
    case "reply.delete": {
      const { reply } = permission;
      if (!canViewReply(viewer, reply) || reply.deleted) return false;
      return moderates(viewer, reply.post.community) || (reply.authorId === viewer.id && !reply.post.community.archived);
    }
    case "reply.moderate":
      return canViewReply(viewer, permission.reply) && moderates(viewer, permission.reply.post.community);
    case "reply.flag": {
      const { reply } = permission;
      return canViewReply(viewer, reply) && reply.authorId !== viewer.id && !reply.deleted && !reply.hidden;
    }
    case "reply.approve": {
      const { reply } = permission;
      return reply.held && !reply.deleted && canViewReply(viewer, reply) && moderates(viewer, reply.post.community);
    }
  }
}

const isActive = (community: CommunityAccess) => community.membership?.status === "active";

function moderates(viewer: SignedInViewer, community: CommunityAccess): boolean {
  return viewer.role === "admin" || (isActive(community) && community.membership?.role === "moderator");
}

/** Knowing that a community exists: employees see every one (to ask to join a private one); customers only open ones. */
function canViewCommunity(viewer: SignedInViewer, community: CommunityAccess): boolean {
  if (viewer.role === "customer") return community.visibility === "open";
  return true;
}

/** Reading what is inside. Customers read only the open communities they joined. */
function canReadCommunity(viewer: SignedInViewer, community: CommunityAccess): boolean {
  switch (viewer.role) {
    case "admin":
      return true;
    case "employee":
      return community.visibility !== "private" || isActive(community);
    case "customer":
      return community.visibility === "open" && isActive(community);
  }
}

/** Employees post wherever they may read; customers must have joined (which reading already requires). */
function canPostIn(viewer: SignedInViewer, community: CommunityAccess): boolean {
  return canReadCommunity(viewer, community) && !community.archived;
}

function canViewPost(viewer: SignedInViewer, post: PostAccess): boolean {
  if (!canReadCommunity(viewer, post.community)) return false;
  if (!post.deleted && !post.hidden) return true;
  return moderates(viewer, post.community) || (post.hidden && !post.deleted && post.authorId === viewer.id);
}

function canViewReply(viewer: SignedInViewer, reply: ReplyAccess): boolean {
  if (!canViewPost(viewer, reply.post)) return false;
  if (!reply.deleted && !reply.hidden) return true;
  return moderates(viewer, reply.post.community) || (reply.hidden && !reply.deleted && reply.authorId === viewer.id);
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
