import { and, asc, eq, gt, isNull, or, sql } from "drizzle-orm";
import { communities, communityMembers, posts } from "../../db/schema";
import type { Guilde } from "../context";
import { communityAccess } from "./access";
import { can, type Viewer } from "../policy";
import { visibleCommunities } from "../policy/scopes";
import { decodeCursor, toPage, type Page } from "../pagination";

export interface CommunitySummary {
  id: string;
  slug: string;
  name: string;
  description: string;
  themes: string[];
  color: string;
  visibility: "internal" | "private" | "open";
  archived: boolean;
  memberCount: number;
  /** Null where the viewer may not read the community: its activity is not theirs to know. */
  questionCount: number | null;
  myRole: "member" | "monitor" | "moderator" | null;
  myStatus: "active" | "pending" | null;
}

/** The communities the viewer may know of, by name, with their counts and the viewer's place in each. */
export async function listCommunities(
  guilde: Guilde,
  { viewer, cursor, limit = 50, includeArchived = false }: { viewer: Viewer; cursor?: string | null; limit?: number; includeArchived?: boolean },
): Promise<Page<CommunitySummary>> {
  const after = decodeCursor(cursor);
  const memberCount = sql<number>`(select count(*)::int from ${communityMembers} m where m.community_id = ${communities.id} and m.status = 'active')`;
  const questionCount = sql<number>`(select count(*)::int from ${posts} p where p.community_id = ${communities.id} and p.kind = 'question' and p.deleted_at is null and p.hidden_at is null)`;
  const rows = await guilde.db
    .select({
      community: communities,
      memberCount,
      questionCount,
      myRole: communityMembers.role,
      myStatus: communityMembers.status,
    })
    .from(communities)
    .leftJoin(communityMembers, and(eq(communityMembers.communityId, communities.id), eq(communityMembers.userId, viewer?.id ?? "")))
    .where(
      and(
        visibleCommunities(viewer),
        includeArchived ? undefined : isNull(communities.archivedAt),
        after ? or(gt(communities.name, String(after[0])), and(eq(communities.name, String(after[0])), gt(communities.id, after[1]))) : undefined,
      ),
    )
    .orderBy(asc(communities.name), asc(communities.id))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (row) => [row.community.name, row.community.id],
    (row) => {
      const { community } = row;
      const access = communityAccess(community, row.myRole && row.myStatus ? { role: row.myRole, status: row.myStatus } : null);
      return {
        id: community.id,
        slug: community.slug,
        name: community.name,
        description: community.description,
        themes: community.themes,
        color: community.color,
        visibility: community.visibility,
        archived: community.archivedAt !== null,
        memberCount: row.memberCount,
        questionCount: can(viewer, { action: "community.read", community: access }) ? row.questionCount : null,
        myRole: row.myStatus ? row.myRole : null,
        myStatus: row.myStatus,
      };
    },
  );
}
