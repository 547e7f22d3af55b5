import { and, asc, count, desc, eq } from "drizzle-orm";
import { communityMembers, monitorApplications, sites, users, type Community } from "../../db/schema";
import type { Guilde } from "../context";
import { NotFound } from "../errors";
import { can, type CommunityAccess, type Viewer } from "../policy";
import { loadCommunity } from "./access";

export interface CommunityMonitor {
  id: string;
  displayName: string;
  siteName: string | null;
  siteCity: string | null;
  topics: string[];
  since: Date | null;
}

export interface CommunityModerator {
  id: string;
  displayName: string;
  siteName: string | null;
}

export interface CommunityPage {
  community: Pick<Community, "id" | "slug" | "name" | "description" | "themes" | "color" | "coverImageUrl" | "visibility" | "archivedAt" | "createdAt"> & {
    /** For moderators only (null for anyone else). */
    premoderation: Community["premoderation"] | null;
  };
  membership: CommunityAccess["membership"];
  may: {
    read: boolean;
    post: boolean;
    join: boolean;
    leave: boolean;
    moderate: boolean;
    applyMonitor: boolean;
    appointModerators: boolean;
    invite: boolean;
    viewAudit: boolean;
    manageWebhooks: boolean;
    viewAnalytics: boolean;
  };
  /** Only for viewers who may read the community. */
  counts: { members: number; questions: number; unanswered: number; solved: number } | null;
  monitors: CommunityMonitor[];
  /** Only for viewers who may read the community. */
  moderators: CommunityModerator[];
  pendingApplication: boolean;
}

/** A community's header: what it is, who its monitors are, and what the viewer may do there. */
export async function getCommunity(guilde: Guilde, { viewer, slug }: { viewer: Viewer; slug: string }): Promise<CommunityPage> {
  const loaded = await loadCommunity(guilde.db, viewer, { slug });
  if (!loaded || !can(viewer, { action: "community.view", community: loaded.access })) throw new NotFound();
  const { community, access } = loaded;
  const may = {
    read: can(viewer, { action: "community.read", community: access }),
    post: can(viewer, { action: "community.post", community: access }),
    join: can(viewer, { action: "community.join", community: access }),
    leave: can(viewer, { action: "community.leave", community: access }),
    moderate: can(viewer, { action: "community.moderate", community: access }),
    applyMonitor: can(viewer, { action: "community.applyMonitor", community: access }),
    appointModerators: can(viewer, { action: "community.appointModerators", community: access }),
    invite: can(viewer, { action: "community.invite", community: access }),
    viewAudit: can(viewer, { action: "community.viewAudit", community: access }),
    manageWebhooks: can(viewer, { action: "webhook.manage", community: access }),
    viewAnalytics: can(viewer, { action: "analytics.view", community: access }),
  };

  const [counts, monitors, moderators, pending] = may.read
    ? await Promise.all([
        // The question counts are kept on the community row (migration community_question_counts).
        guilde.db
          .select({ members: count() })
          .from(communityMembers)
          .where(and(eq(communityMembers.communityId, community.id), eq(communityMembers.status, "active")))
          .then(([row]) => ({ members: row.members, questions: community.questionCount, unanswered: community.unansweredCount, solved: community.solvedCount })),
        guilde.db
          .select({
            id: users.id,
            displayName: users.displayName,
            siteName: sites.name,
            siteCity: sites.city,
            topics: communityMembers.monitorTopics,
            since: communityMembers.monitorSince,
          })
          .from(communityMembers)
          .innerJoin(users, eq(users.id, communityMembers.userId))
          .leftJoin(sites, eq(sites.id, users.siteId))
          .where(and(eq(communityMembers.communityId, community.id), eq(communityMembers.role, "monitor"), eq(communityMembers.status, "active")))
          .orderBy(desc(communityMembers.monitorSince), asc(users.id))
          .limit(24),
        guilde.db
          .select({ id: users.id, displayName: users.displayName, siteName: sites.name })
          .from(communityMembers)
          .innerJoin(users, eq(users.id, communityMembers.userId))
          .leftJoin(sites, eq(sites.id, users.siteId))
          .where(and(eq(communityMembers.communityId, community.id), eq(communityMembers.role, "moderator"), eq(communityMembers.status, "active")))
          .orderBy(asc(users.displayName), asc(users.id))
          .limit(24),
        viewer
          ? guilde.db
              .select({ id: monitorApplications.id })
              .from(monitorApplications)
              .where(
                and(
                  eq(monitorApplications.communityId, community.id),
                  eq(monitorApplications.userId, viewer.id),
                  eq(monitorApplications.status, "pending"),
                ),
              )
              .limit(1)
          : [],
      ])
    : [null, [], [], []];

  return {
    community: {
      id: community.id,
      slug: community.slug,
      name: community.name,
      description: community.description,
      themes: community.themes,
      color: community.color,
      coverImageUrl: community.coverImageUrl,
      visibility: community.visibility,
      archivedAt: community.archivedAt,
      createdAt: community.createdAt,
      premoderation: may.moderate ? community.premoderation : null,
    },
    membership: access.membership,
    may,
    counts,
    monitors,
    moderators,
    pendingApplication: pending.length > 0,
  };
}
