/**
 * The one answer to "may this viewer see or do this?". Pure functions of (viewer, resource): every
 * loader, action, socket room, search query and notification asks here, and nowhere else. Lists use
 * the same rules as SQL conditions, in ./scopes.ts.
 */
import type { CommunityRole, CommunityVisibility, IdeaStatus, UserRole } from "../../db/schema";
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

/** An idea: a post of kind "idea" with its place in the workflow. */
export interface IdeaAccess extends PostAccess {
  status: IdeaStatus;
  /** Merged into a duplicate: it only leads to the surviving idea. */
  merged: boolean;
}

/** A tutorial: a post of kind "tutorial". A draft is a hidden post too (so lists and search leave it out). */
export interface TutorialAccess extends PostAccess {
  draft: boolean;
}

/** An uploaded file: its owner's until attached to a tutorial, whose policy decides then. */
export interface FileAccess {
  ownerId: string;
  tutorial: TutorialAccess | null;
}

/** A community event, with what its announcer's rights and RSVPs depend on. */
export interface EventAccess {
  community: CommunityAccess;
  announcedById: string | null;
  cancelled: boolean;
  /** It has started (the caller compares with its clock: the policy itself reads no time). */
  started: boolean;
}

/** What a kudos thanks: an answer, a tutorial, or the person themselves. */
export type KudosTarget =
  | { kind: "answer"; reply: ReplyAccess }
  | { kind: "tutorial"; tutorial: TutorialAccess }
  | { kind: "person"; profile: { id: string; role: UserRole } };
/** A barometer round, with the community whose customers it asks (and the viewer's membership there). */
export interface BarometerAccess {
  audience: "employees" | "customers";
  community: CommunityAccess | null;
  /** Opened and not yet closed (the caller compares with its clock). */
  open: boolean;
}

/** A viewer's part in a question's routing: whether it was sent to them, and whether they declined it. */
export interface RoutingShare {
  sent: boolean;
  declined: boolean;
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
  | { action: "reply.approve"; reply: ReplyAccess }
  | { action: "tutorial.write"; community: CommunityAccess }
  | { action: "tutorial.view"; tutorial: TutorialAccess }
  | { action: "tutorial.edit"; tutorial: TutorialAccess }
  | { action: "tutorial.delete"; tutorial: TutorialAccess }
  | { action: "tutorial.moderate"; tutorial: TutorialAccess }
  | { action: "tutorial.flag"; tutorial: TutorialAccess }
  | { action: "tutorial.publish"; tutorial: TutorialAccess }
  | { action: "tutorial.helped"; tutorial: TutorialAccess }
  | { action: "tutorial.cite"; tutorial: TutorialAccess }
  | { action: "file.read"; file: FileAccess }
  | { action: "idea.propose"; community: CommunityAccess }
  | { action: "idea.vote"; idea: IdeaAccess }
  | { action: "idea.changeStatus"; idea: IdeaAccess }
  | { action: "idea.merge"; idea: IdeaAccess; into: IdeaAccess }
  | { action: "idea.adopt"; idea: IdeaAccess }
  | { action: "event.announce"; community: CommunityAccess }
  | { action: "event.view"; event: EventAccess }
  | { action: "event.rsvp"; event: EventAccess }
  | { action: "event.edit"; event: EventAccess }
  | { action: "event.cancel"; event: EventAccess }
  | { action: "event.shareMaterials"; event: EventAccess }
  | { action: "webhook.manage"; community: CommunityAccess }
  | { action: "kudos.give"; receiverId: string; target: KudosTarget }
  | { action: "barometer.manage" }
  | { action: "mail.viewOutbox" }
  | { action: "barometer.view"; round: BarometerAccess }
  | { action: "barometer.answer"; round: BarometerAccess }
  | { action: "barometer.viewResults"; round: BarometerAccess }
  /** The employees' barometer scores per site across rounds, on the analytics page. */
  | { action: "barometer.viewTrend" }
  /** A community's analytics (its moderators'), or every community's when `community` is null (administrators'). */
  | { action: "analytics.view"; community: CommunityAccess | null }
  | { action: "question.beRouted"; post: PostAccess }
  | { action: "question.decline"; post: PostAccess; routing: RoutingShare }
  | { action: "question.viewRouting"; post: PostAccess }
  | { action: "apiToken.manage"; ownerId: string };

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
    case "tutorial.write":
      // Employees teach (monitors first among them); customers ask and comment.
      return isStaff && canPostIn(viewer, permission.community);
    case "tutorial.view":
      return canViewTutorial(viewer, permission.tutorial);
    case "tutorial.edit":
    case "tutorial.delete": {
      const { tutorial } = permission;
      if (!canViewTutorial(viewer, tutorial) || tutorial.deleted) return false;
      return (tutorial.authorId === viewer.id && !tutorial.community.archived) || (!tutorial.draft && moderates(viewer, tutorial.community));
    }
    case "tutorial.moderate": {
      // Moderators hide and restore what was published; a draft is not theirs to see (nor to publish by restoring it).
      const { tutorial } = permission;
      return !tutorial.draft && canViewTutorial(viewer, tutorial) && moderates(viewer, tutorial.community);
    }
    case "tutorial.flag": {
      const { tutorial } = permission;
      return isPublished(tutorial) && canViewTutorial(viewer, tutorial) && tutorial.authorId !== viewer.id;
    }
    case "tutorial.publish": {
      const { tutorial } = permission;
      return tutorial.draft && !tutorial.deleted && tutorial.authorId === viewer.id && canPostIn(viewer, tutorial.community);
    }
    case "tutorial.helped": {
      const { tutorial } = permission;
      return isPublished(tutorial) && canViewTutorial(viewer, tutorial) && tutorial.authorId !== viewer.id && !tutorial.community.archived;
    }
    case "tutorial.cite":
      return isPublished(permission.tutorial) && canViewTutorial(viewer, permission.tutorial);
    case "file.read": {
      const { file } = permission;
      return file.tutorial ? canViewTutorial(viewer, file.tutorial) : file.ownerId === viewer.id;
    }
    case "idea.propose":
      // Ideas change how the company works: employees propose them where they may post; customers who
      // joined an open community read, vote, comment and follow, but do not propose (docs/decisions/008).
      return isStaff && canPostIn(viewer, permission.community);
    case "idea.vote": {
      const { idea } = permission;
      return canViewPost(viewer, idea) && idea.authorId !== viewer.id && isOpenIdea(idea) && !idea.community.archived;
    }
    case "idea.changeStatus": {
      // The workflow is the community's moderators' to run.
      const { idea } = permission;
      return canViewPost(viewer, idea) && moderates(viewer, idea.community) && isOpenIdea(idea);
    }
    case "idea.merge": {
      const { idea, into } = permission;
      return (
        can(viewer, { action: "idea.changeStatus", idea }) && canViewPost(viewer, into) && moderates(viewer, into.community) && isOpenIdea(into)
      );
    }
    case "idea.adopt": {
      // A site adopts: employees speak for theirs; customers have none.
      const { idea } = permission;
      return isStaff && viewer.siteId !== null && canViewPost(viewer, idea) && isOpenIdea(idea) && idea.status === "implemented";
    }
    case "event.announce":
      // A community's moderators and monitors run its events; members and customers take part.
      return canPostIn(viewer, permission.community) && (moderates(viewer, permission.community) || isMonitor(permission.community));
    case "event.view":
      return canReadCommunity(viewer, permission.event.community);
    case "event.rsvp": {
      // Whoever may read the community (customers: the open ones they joined) answers until it starts.
      const { event } = permission;
      return canReadCommunity(viewer, event.community) && !event.community.archived && !event.cancelled && !event.started;
    }
    case "event.edit":
    case "event.cancel": {
      const { event } = permission;
      return !event.cancelled && !event.started && runsEvent(viewer, event);
    }
    case "event.shareMaterials": {
      // Slides and a tutorial come mostly after the event: only a cancelled one takes none.
      const { event } = permission;
      return !event.cancelled && runsEvent(viewer, event);
    }
    case "webhook.manage":
      // Webhooks send a community's content out of Guilde, to an address of the administrator's choice.
      return isAdmin;
    case "kudos.give":
      return permission.receiverId !== viewer.id && mayThank(viewer, permission.target);
    case "barometer.manage":
    case "barometer.viewResults":
    case "barometer.viewTrend":
      return isAdmin;
    case "mail.viewOutbox":
      // The outbox holds everyone's e-mails, secret links included.
      return isAdmin;
    case "barometer.view":
      return isAskedBy(viewer, permission.round);
    case "barometer.answer":
      return isAskedBy(viewer, permission.round) && permission.round.open;
    case "analytics.view":
      return permission.community ? isStaff && moderates(viewer, permission.community) : isAdmin;
    case "question.beRouted": {
      // Routing calls in the company's experts: customers are never monitors, nor sent questions.
      const { post } = permission;
      return isStaff && canViewPost(viewer, post) && isOpenQuestion(post);
    }
    case "question.decline": {
      const { post, routing } = permission;
      return isStaff && canViewPost(viewer, post) && isOpenQuestion(post) && routing.sent && !routing.declined;
    }
    case "question.viewRouting":
      // Who was called in and when is the company's internal process: employees see it, customers do not.
      return isStaff && canViewPost(viewer, permission.post);
    case "apiToken.manage":
      // A personal access token acts as its owner: nobody else, an administrator included, creates, sees or revokes it.
      return permission.ownerId === viewer.id;
  }
}

/** Thanks go to what the giver may see as everyone sees it (published, not hidden), never to an archived community. */
function mayThank(viewer: SignedInViewer, target: KudosTarget): boolean {
  switch (target.kind) {
    case "answer": {
      const { reply } = target;
      return canViewReply(viewer, reply) && !reply.deleted && !reply.hidden && !reply.post.deleted && !reply.post.hidden && !reply.post.community.archived;
    }
    case "tutorial":
      return isPublished(target.tutorial) && canViewTutorial(viewer, target.tutorial) && !target.tutorial.community.archived;
    case "person":
      return can(viewer, { action: "profile.view", profile: target.profile });
  }
}

/** Employees' rounds ask the staff; customers' rounds, the customers who joined the round's open community. */
function isAskedBy(viewer: SignedInViewer, round: BarometerAccess): boolean {
  if (round.audience === "employees") return viewer.role !== "customer";
  const { community } = round;
  return viewer.role === "customer" && community !== null && community.visibility === "open" && isActive(community);
}

/** A question still waiting for someone: published and neither closed nor deleted. */
const isOpenQuestion = (post: PostAccess) => !post.deleted && !post.hidden && !post.closed;

const isMonitor = (community: CommunityAccess) => isActive(community) && community.membership?.role === "monitor";

/** The community's moderators run every event of theirs; a monitor, the ones they announced. */
function runsEvent(viewer: SignedInViewer, event: EventAccess): boolean {
  if (!canPostIn(viewer, event.community)) return false;
  return moderates(viewer, event.community) || (isMonitor(event.community) && event.announcedById === viewer.id);
}

/** An idea still in play: not deleted, hidden or merged into another. */
const isOpenIdea = (idea: IdeaAccess) => !idea.deleted && !idea.hidden && !idea.merged;

/** A draft is its author's alone: not even moderators read what was never published. */
function canViewTutorial(viewer: SignedInViewer, tutorial: TutorialAccess): boolean {
  return canViewPost(viewer, tutorial) && (!tutorial.draft || tutorial.authorId === viewer.id);
}

const isPublished = (tutorial: TutorialAccess) => !tutorial.draft && !tutorial.deleted && !tutorial.hidden;

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
