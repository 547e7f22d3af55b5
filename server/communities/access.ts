import { and, eq } from "drizzle-orm";
import type { Database, Transaction } from "../../db/client";
import { communities, communityMembers, type Community } from "../../db/schema";
import type { CommunityAccess, Viewer } from "../policy";

export interface LoadedCommunity {
  community: Community;
  access: CommunityAccess;
}

/** A community with the viewer's membership, in one query, as the policy needs it. */
export async function loadCommunity(
  db: Database | Transaction,
  viewer: Viewer,
  key: { id: string } | { slug: string },
): Promise<LoadedCommunity | null> {
  const [row] = await db
    .select({ community: communities, role: communityMembers.role, status: communityMembers.status })
    .from(communities)
    .leftJoin(
      communityMembers,
      and(eq(communityMembers.communityId, communities.id), eq(communityMembers.userId, viewer?.id ?? "")),
    )
    .where("id" in key ? eq(communities.id, key.id) : eq(communities.slug, key.slug));
  if (!row) return null;
  return { community: row.community, access: communityAccess(row.community, row.role && row.status ? { role: row.role, status: row.status } : null) };
}

export function communityAccess(community: Community, membership: CommunityAccess["membership"]): CommunityAccess {
  return { id: community.id, visibility: community.visibility, archived: community.archivedAt !== null, membership };
}

/** The ids of a community's active moderators (who hear of join requests, flags and held posts). */
export async function moderatorIds(db: Database | Transaction, communityId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: communityMembers.userId })
    .from(communityMembers)
    .where(and(eq(communityMembers.communityId, communityId), eq(communityMembers.role, "moderator"), eq(communityMembers.status, "active")));
  return rows.map((row) => row.userId);
}
