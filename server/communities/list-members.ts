import { and, asc, eq, gt, or } from "drizzle-orm";
import { communityMembers, monitorApplications, sites, users } from "../../db/schema";
import type { Guilde } from "../context";
import { NotFound } from "../errors";
import { can, type Viewer } from "../policy";
import { decodeCursor, toPage, type Page } from "../pagination";
import { visiblePeople } from "../policy/scopes";
import { loadCommunity } from "./access";

export interface Member {
  id: string;
  displayName: string;
  role: "member" | "monitor" | "moderator";
  userRole: "admin" | "employee" | "customer";
  siteName: string | null;
  monitorSince: Date | null;
  topics: string[];
}

export interface MembersPage extends Page<Member> {
  communityId: string;
  may: { moderate: boolean; appointModerators: boolean };
  /** For moderators: join requests and monitor applications waiting for a decision. */
  joinRequests: { id: string; displayName: string; siteName: string | null; requestedAt: Date }[];
  applications: { id: string; userId: string; displayName: string; motivation: string; topics: string[]; createdAt: Date }[];
}

/** A community's members, by name; the community is given by id or by address. */
export async function listMembers(
  guilde: Guilde,
  args: { viewer: Viewer; cursor?: string | null; limit?: number } & ({ communityId: string } | { slug: string }),
): Promise<MembersPage> {
  const { viewer, cursor, limit = 50 } = args;
  const loaded = await loadCommunity(guilde.db, viewer, "slug" in args ? { slug: args.slug } : { id: args.communityId });
  if (!loaded || !can(viewer, { action: "community.read", community: loaded.access })) throw new NotFound();
  const communityId = loaded.community.id;
  const after = decodeCursor(cursor);
  const moderate = can(viewer, { action: "community.moderate", community: loaded.access });

  const memberRows = guilde.db
    .select({
      id: users.id,
      displayName: users.displayName,
      role: communityMembers.role,
      userRole: users.role,
      siteName: sites.name,
      monitorSince: communityMembers.monitorSince,
      topics: communityMembers.monitorTopics,
    })
    .from(communityMembers)
    .innerJoin(users, eq(users.id, communityMembers.userId))
    .leftJoin(sites, eq(sites.id, users.siteId))
    .where(
      and(
        eq(communityMembers.communityId, communityId),
        eq(communityMembers.status, "active"),
        visiblePeople(viewer),
        after ? or(gt(users.displayName, String(after[0])), and(eq(users.displayName, String(after[0])), gt(users.id, after[1]))) : undefined,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(limit + 1);

  const [rows, joinRequests, applications] = await Promise.all([
    memberRows,
    moderate
      ? guilde.db
          .select({ id: users.id, displayName: users.displayName, siteName: sites.name, requestedAt: communityMembers.joinedAt })
          .from(communityMembers)
          .innerJoin(users, eq(users.id, communityMembers.userId))
          .leftJoin(sites, eq(sites.id, users.siteId))
          .where(and(eq(communityMembers.communityId, communityId), eq(communityMembers.status, "pending")))
          .orderBy(asc(communityMembers.joinedAt))
          .limit(100)
      : [],
    moderate
      ? guilde.db
          .select({
            id: monitorApplications.id,
            userId: users.id,
            displayName: users.displayName,
            motivation: monitorApplications.motivation,
            topics: monitorApplications.topics,
            createdAt: monitorApplications.createdAt,
          })
          .from(monitorApplications)
          .innerJoin(users, eq(users.id, monitorApplications.userId))
          .where(and(eq(monitorApplications.communityId, communityId), eq(monitorApplications.status, "pending")))
          .orderBy(asc(monitorApplications.createdAt))
          .limit(100)
      : [],
  ]);
  return {
    ...toPage(rows, limit, (row) => [row.displayName, row.id], (row) => row),
    communityId,
    may: { moderate, appointModerators: can(viewer, { action: "community.appointModerators", community: loaded.access }) },
    joinRequests,
    applications,
  };
}
