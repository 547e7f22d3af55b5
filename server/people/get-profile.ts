import { eq } from "drizzle-orm";
import { sites, users, type Locale, type UserRole } from "../../db/schema";
import type { Guilde } from "../context";
import { NotFound } from "../errors";
import { can, type Viewer } from "../policy";

export interface Profile {
  id: string;
  displayName: string;
  role: UserRole;
  site: { id: string; name: string; city: string } | null;
  memberSince: Date;
  /** Only for viewers allowed the details (see policy `profile.viewDetails`). */
  details: { title: string; bio: string; email: string | null; locale: Locale | null } | null;
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
      siteId: sites.id,
      siteName: sites.name,
      siteCity: sites.city,
    })
    .from(users)
    .leftJoin(sites, eq(sites.id, users.siteId))
    .where(eq(users.id, userId));
  if (!row || !can(viewer, { action: "profile.view", profile: row })) throw new NotFound();

  const showDetails = can(viewer, { action: "profile.viewDetails", profile: row });
  const isSelf = viewer?.id === row.id;
  return {
    id: row.id,
    displayName: row.displayName,
    role: row.role,
    site: row.siteId ? { id: row.siteId, name: row.siteName!, city: row.siteCity! } : null,
    memberSince: row.createdAt,
    details: showDetails
      ? { title: row.title, bio: row.bio, email: isSelf ? row.email : null, locale: isSelf ? row.locale : null }
      : null,
  };
}
