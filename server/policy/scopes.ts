/**
 * The policy's rules as SQL conditions, so that lists and counts never load rows the viewer may not
 * see and filter them afterwards. Each mirrors a rule of ./index.ts; tests pin both together.
 */
import { and, eq, exists, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { barometerRounds, communities, communityEvents, communityMembers, kudos, posts, replies, users } from "../../db/schema";
import type { Database } from "../../db/client";
import type { SignedInViewer, Viewer } from "./index";

const never = sql`false`;

/**
 * The viewer with their id as the query parameter `viewerId`, for a query built and prepared once per
 * role and run for anyone of that role. It holds because these scopes branch on the role alone and only
 * ever put the id into SQL: keep it so.
 */
export function viewerAsParameter(viewer: SignedInViewer): SignedInViewer {
  return { ...viewer, id: sql.placeholder("viewerId") as unknown as string };
}

function activeMembershipOf(viewerId: string): SQL {
  return exists(
    sql`(select 1 from ${communityMembers} where ${communityMembers.communityId} = ${communities.id} and ${communityMembers.userId} = ${viewerId} and ${communityMembers.status} = 'active')`,
  );
}

/** Mirrors `community.view`: a condition on `communities`. */
export function visibleCommunities(viewer: Viewer): SQL {
  if (!viewer) return never;
  if (viewer.role === "customer") return eq(communities.visibility, "open");
  return sql`true`;
}

/** Mirrors `community.read`: a condition on `communities`. */
export function readableCommunities(viewer: Viewer): SQL {
  if (!viewer) return never;
  switch (viewer.role) {
    case "admin":
      return sql`true`;
    case "employee":
      return or(inArray(communities.visibility, ["internal", "open"]), activeMembershipOf(viewer.id))!;
    case "customer":
      return and(eq(communities.visibility, "open"), activeMembershipOf(viewer.id))!;
  }
}

/** The ids of the communities the viewer may read, as a subquery for `posts.community_id in (…)`. */
export function readableCommunityIds(viewer: Viewer): SQL {
  return sql`(select ${communities.id} from ${communities} where ${readableCommunities(viewer)})`;
}

/**
 * Mirrors `post.view` for lists: readable community, neither deleted nor hidden. (Moderators see
 * hidden posts in the moderation queue, not in lists.) A post held for approval is a hidden one
 * (`hidden_reason = 'awaiting_approval'`), so it stays out of every list until a moderator approves it.
 */
export function listablePosts(viewer: Viewer): SQL {
  return and(sql`${posts.communityId} in ${readableCommunityIds(viewer)}`, isNull(posts.deletedAt), isNull(posts.hiddenAt))!;
}

/** Mirrors `event.view` for lists (on `community_events`): events of the communities the viewer may read. */
export function viewableEvents(viewer: Viewer): SQL {
  return sql`${communityEvents.communityId} in ${readableCommunityIds(viewer)}`;
}

/** The ids of the communities the viewer moderates (all for an administrator), as a subquery. */
function moderatedCommunityIds(viewer: SignedInViewer): SQL {
  if (viewer.role === "admin") return sql`(select ${communities.id} from ${communities})`;
  return sql`(select ${communityMembers.communityId} from ${communityMembers} where ${communityMembers.userId} = ${viewer.id} and ${communityMembers.role} = 'moderator' and ${communityMembers.status} = 'active')`;
}

/**
 * Mirrors `post.view` exactly (on `posts`), for what refers to a single post, such as a notification:
 * a listable post; any post of a community the viewer moderates; their own hidden (or held) post.
 */
export function viewablePosts(viewer: Viewer): SQL {
  if (!viewer) return never;
  return and(
    sql`${posts.communityId} in ${readableCommunityIds(viewer)}`,
    or(
      and(isNull(posts.deletedAt), isNull(posts.hiddenAt)),
      and(isNull(posts.deletedAt), eq(posts.authorId, viewer.id)),
      sql`${posts.communityId} in ${moderatedCommunityIds(viewer)}`,
    ),
  )!;
}

/** Replies shown in lists and feeds: on a listable post, neither deleted nor hidden. */
export function listableReplies(): SQL {
  return and(isNull(replies.deletedAt), isNull(replies.hiddenAt))!;
}

/** Mirrors `profile.view` for lists of people (on `users`): customers never see other customers. */
export function visiblePeople(viewer: Viewer): SQL {
  if (!viewer) return never;
  if (viewer.role !== "customer") return sql`true`;
  return or(inArray(users.role, ["admin", "employee"]), eq(users.id, viewer.id))!;
}

/** The ids of the people the viewer may see (`profile.view`), as a subquery. */
export function visiblePeopleIds(viewer: Viewer): SQL {
  return sql`(select ${users.id} from ${users} where ${visiblePeople(viewer)})`;
}

/**
 * Which of a person's memberships their profile shows the viewer (on `communities` joined with
 * `community_members`). A customer sees of an employee only where they may turn to them: their
 * monitor marks in open communities. Everyone else sees the memberships in communities they may read.
 */
export function shownMemberships(viewer: Viewer, profileId: string): SQL {
  if (!viewer) return never;
  if (viewer.role !== "customer" || viewer.id === profileId) return readableCommunities(viewer);
  return and(eq(communities.visibility, "open"), eq(communityMembers.role, "monitor"))!;
}

/**
 * The communities a search may name to the viewer (on `communities`). Employees may know of every
 * community, as on the communities page (`community.view`); a customer's search never names a
 * community they are not part of: only the open communities they belong to (`community.read`).
 */
export function findableCommunities(viewer: Viewer): SQL {
  return viewer?.role === "customer" ? readableCommunities(viewer) : visibleCommunities(viewer);
}

/**
 * The same rules as data, for a search engine outside the database (Meilisearch), whose filter cannot
 * run a subquery: read once per search, so that a membership or visibility change applies at once.
 */
export interface SearchAudience {
  viewerId: string;
  /** Whose content (questions, answers, expertise) the viewer may read. */
  readableCommunityIds: string[];
  /** Which communities' own documents the viewer may find. */
  findableCommunityIds: string[];
  /** Mirrors `profile.view`: false when other customers must be left out. */
  seesEveryone: boolean;
}

export async function searchAudience(db: Database, viewer: SignedInViewer): Promise<SearchAudience> {
  const [readable, findable] = await Promise.all([
    db.select({ id: communities.id }).from(communities).where(readableCommunities(viewer)),
    db.select({ id: communities.id }).from(communities).where(findableCommunities(viewer)),
  ]);
  return {
    viewerId: viewer.id,
    readableCommunityIds: readable.map((row) => row.id),
    findableCommunityIds: findable.map((row) => row.id),
    seesEveryone: viewer.role !== "customer",
  };
}

/**
 * Mirrors what a kudos shows (on `kudos`): one is listed or counted for the viewer only if they may see
 * its giver (`profile.view`) and what it was for (a listable post, and a listable answer), so that thanks
 * for a private community's answer never reach someone who cannot read it.
 */
export function visibleKudos(viewer: Viewer): SQL {
  if (!viewer) return never;
  return and(
    sql`${kudos.giverId} in ${visiblePeopleIds(viewer)}`,
    or(isNull(kudos.postId), sql`exists (select 1 from ${posts} where ${posts.id} = ${kudos.postId} and ${listablePosts(viewer)})`),
    or(isNull(kudos.replyId), sql`exists (select 1 from ${replies} where ${replies.id} = ${kudos.replyId} and ${listableReplies()})`),
  )!;
}

/**
 * Mirrors who `barometer.view` asks (on `barometer_rounds`): employees' rounds ask every employee and
 * administrator; a customers' round asks the active members of its community while that community is open.
 */
export function roundsAskingViewer(viewer: Viewer): SQL {
  if (!viewer) return never;
  if (viewer.role !== "customer") return eq(barometerRounds.audience, "employees");
  return and(
    eq(barometerRounds.audience, "customers"),
    sql`exists (select 1 from ${communityMembers} join ${communities} on ${communities.id} = ${communityMembers.communityId}
      where ${communityMembers.communityId} = ${barometerRounds.communityId} and ${communityMembers.userId} = ${viewer.id}
      and ${communityMembers.status} = 'active' and ${communities.visibility} = 'open')`,
  )!;
}
