/**
 * The policy's rules as SQL conditions, so that lists and counts never load rows the viewer may not
 * see and filter them afterwards. Each mirrors a rule of ./index.ts; tests pin both together.
 */
import { and, eq, exists, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { communities, communityMembers, posts, replies, users } from "../../db/schema";
import type { Viewer } from "./index";

const never = sql`false`;

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
 * hidden posts in the moderation queue, not in lists.)
 */
export function listablePosts(viewer: Viewer): SQL {
  return and(sql`${posts.communityId} in ${readableCommunityIds(viewer)}`, isNull(posts.deletedAt), isNull(posts.hiddenAt))!;
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
