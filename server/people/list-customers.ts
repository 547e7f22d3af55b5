import { and, asc, eq, exists, gt, or, sql } from "drizzle-orm";
import { communities, communityMembers, users } from "../../db/schema";
import { accountBlock } from "../auth/account-status";
import type { Guilde } from "../context";
import { NotFound } from "../errors";
import { decodeCursor, toPage, type Page } from "../pagination";
import { ensureCan, type Viewer } from "../policy";

export interface CustomerSummary {
  id: string;
  displayName: string;
  email: string;
  joinedAt: Date;
  status: "active" | "suspended" | "deactivated";
  communities: { slug: string; name: string }[];
}

/**
 * For administrators: customer accounts by name, all of them or the members of one community, with
 * the communities each belongs to and whether they may sign in. Also the open communities to filter by.
 */
export async function listCustomers(
  guilde: Guilde,
  { viewer, communitySlug, cursor, limit = 50 }: { viewer: Viewer; communitySlug?: string | null; cursor?: string | null; limit?: number },
): Promise<Page<CustomerSummary> & { community: { slug: string; name: string } | null; openCommunities: { slug: string; name: string }[] }> {
  ensureCan(viewer, { action: "customers.manage" }, "hide");
  const [community] = communitySlug
    ? await guilde.db.select({ id: communities.id, slug: communities.slug, name: communities.name }).from(communities).where(eq(communities.slug, communitySlug))
    : [null];
  if (communitySlug && !community) throw new NotFound();
  const after = decodeCursor(cursor);
  // `${users}."id"` rather than `${users.id}`: in a select list without a join, Drizzle leaves a column unqualified.
  const theirCommunities = sql<{ slug: string; name: string }[]>`(
    select coalesce(json_agg(json_build_object('slug', c.slug, 'name', c.name) order by c.name), '[]'::json)
    from ${communityMembers} m join ${communities} c on c.id = m.community_id
    where m.user_id = ${users}."id" and m.status = 'active')`;
  const [rows, openCommunities] = await Promise.all([
    guilde.db
      .select({
        id: users.id,
        displayName: users.displayName,
        email: users.email,
        createdAt: users.createdAt,
        suspendedAt: users.suspendedAt,
        suspendedUntil: users.suspendedUntil,
        suspensionReason: users.suspensionReason,
        deactivatedAt: users.deactivatedAt,
        communities: theirCommunities,
      })
      .from(users)
      .where(
        and(
          eq(users.role, "customer"),
          community
            ? exists(
                guilde.db
                  .select({ one: sql`1` })
                  .from(communityMembers)
                  .where(and(eq(communityMembers.userId, users.id), eq(communityMembers.communityId, community.id), eq(communityMembers.status, "active"))),
              )
            : undefined,
          after ? or(gt(users.displayName, String(after[0])), and(eq(users.displayName, String(after[0])), gt(users.id, after[1]))) : undefined,
        ),
      )
      .orderBy(asc(users.displayName), asc(users.id))
      .limit(limit + 1),
    guilde.db
      .select({ slug: communities.slug, name: communities.name })
      .from(communities)
      .where(eq(communities.visibility, "open"))
      .orderBy(asc(communities.name))
      .limit(200),
  ]);
  const now = new Date();
  return {
    ...toPage(
      rows,
      limit,
      (row) => [row.displayName, row.id],
      (row) => {
        const block = accountBlock(row, now);
        return {
          id: row.id,
          displayName: row.displayName,
          email: row.email,
          joinedAt: row.createdAt,
          status: block?.kind ?? "active",
          communities: row.communities,
        };
      },
    ),
    community: community ? { slug: community.slug, name: community.name } : null,
    openCommunities,
  };
}
