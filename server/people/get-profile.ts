import { and, asc, eq, sql } from "drizzle-orm";
import { communities, communityMembers, sites, users, type Locale, type UserRole } from "../../db/schema";
import { accountBlock } from "../auth/account-status";
import type { Guilde } from "../context";
import { NotFound } from "../errors";
import { can, type Viewer } from "../policy";
import { shownMemberships } from "../policy/scopes";

export interface Profile {
  id: string;
  displayName: string;
  role: UserRole;
  site: { id: string; name: string; city: string } | null;
  /** Only with the details (see policy `profile.viewDetails`). */
  memberSince: Date | null;
  /** Their communities the viewer may see them in (see `shownMemberships`), monitors and moderators first. */
  communities: { slug: string; name: string; color: string; role: "member" | "monitor" | "moderator"; monitorSince: Date | null }[];
  /** Only for viewers allowed the details (see policy `profile.viewDetails`). */
  details: { title: string; bio: string; email: string | null; locale: Locale | null } | null;
  /** For administrators (policy `user.suspend`): whether the account may sign in, and why not. */
  account: { suspendedUntil: Date | null; suspended: boolean; reason: string | null; deactivated: boolean } | null;
}

export async function getProfile(guilde: Guilde, { viewer, userId }: { viewer: Viewer; userId: string }): Promise<Profile> {
  const [row] = await guilde.db
    .select({
      id: users.id,
      displayName: users.displayName,
      role: users.role,
      email: users.email,
      title: users.title,
      bio: users.bio,
      locale: users.locale,
      createdAt: users.createdAt,
      suspendedAt: users.suspendedAt,
      suspendedUntil: users.suspendedUntil,
      suspensionReason: users.suspensionReason,
      deactivatedAt: users.deactivatedAt,
      siteId: sites.id,
      siteName: sites.name,
      siteCity: sites.city,
    })
    .from(users)
    .leftJoin(sites, eq(sites.id, users.siteId))
    .where(eq(users.id, userId));
  if (!row || !can(viewer, { action: "profile.view", profile: row })) throw new NotFound();

  const showDetails = can(viewer, { action: "profile.viewDetails", profile: row });
  const memberships = await guilde.db
    .select({
      slug: communities.slug,
      name: communities.name,
      color: communities.color,
      role: communityMembers.role,
      monitorSince: communityMembers.monitorSince,
    })
    .from(communityMembers)
    .innerJoin(communities, eq(communities.id, communityMembers.communityId))
    .where(and(eq(communityMembers.userId, userId), eq(communityMembers.status, "active"), shownMemberships(viewer, userId)))
    .orderBy(sql`case ${communityMembers.role} when 'moderator' then 0 when 'monitor' then 1 else 2 end`, asc(communities.name))
    .limit(100);
  const isSelf = viewer?.id === row.id;
  return {
    id: row.id,
    displayName: row.displayName,
    role: row.role,
    site: row.siteId ? { id: row.siteId, name: row.siteName!, city: row.siteCity! } : null,
    memberSince: showDetails ? row.createdAt : null,
    communities: memberships,
    details: showDetails
      ? { title: row.title, bio: row.bio, email: isSelf ? row.email : null, locale: isSelf ? row.locale : null }
      : null,
    account: can(viewer, { action: "user.suspend", person: row }) ? accountState(row) : null,
  };
}

function accountState(row: Parameters<typeof accountBlock>[0]): NonNullable<Profile["account"]> {
  const block = accountBlock(row);
  return {
    suspended: block?.kind === "suspended",
    suspendedUntil: block?.kind === "suspended" ? block.until : null,
    reason: block?.kind === "suspended" ? block.reason : null,
    deactivated: block?.kind === "deactivated",
  };
}
