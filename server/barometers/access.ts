import { and, eq } from "drizzle-orm";
import type { Database, Transaction } from "../../db/client";
import { barometerRounds, communities, communityMembers, type BarometerRound, type Community } from "../../db/schema";
import { communityAccess } from "../communities/access";
import { NotFound } from "../errors";
import { can, type BarometerAccess, type Viewer } from "../policy";

export interface LoadedRound {
  round: BarometerRound;
  community: Community | null;
  access: BarometerAccess;
}

/** Taking answers at `now`: opened, not closed by an administrator, not past its closing time. */
export function isOpen(round: Pick<BarometerRound, "opensAt" | "closesAt" | "closedAt">, now: Date): boolean {
  return round.opensAt <= now && round.closedAt === null && (round.closesAt === null || round.closesAt > now);
}

/** A round with its community and the viewer's membership there, in one query, as the policy needs it. */
export async function loadRound(db: Database | Transaction, viewer: Viewer, roundId: string, now: Date): Promise<LoadedRound | null> {
  const [row] = await db
    .select({ round: barometerRounds, community: communities, role: communityMembers.role, status: communityMembers.status })
    .from(barometerRounds)
    .leftJoin(communities, eq(communities.id, barometerRounds.communityId))
    .leftJoin(communityMembers, and(eq(communityMembers.communityId, barometerRounds.communityId), eq(communityMembers.userId, viewer?.id ?? "")))
    .where(eq(barometerRounds.id, roundId));
  if (!row) return null;
  const membership = row.role && row.status ? { role: row.role, status: row.status } : null;
  return {
    round: row.round,
    community: row.community,
    access: {
      audience: row.round.audience,
      community: row.community ? communityAccess(row.community, membership) : null,
      open: isOpen(row.round, now),
    },
  };
}

/** A round the viewer may do `action` on, or `NotFound`: nobody learns of a round that does not ask them. */
export async function roundFor(
  db: Database | Transaction,
  viewer: Viewer,
  roundId: string,
  { now, action }: { now: Date; action: "barometer.view" | "barometer.viewResults" },
): Promise<LoadedRound> {
  const loaded = await loadRound(db, viewer, roundId, now);
  if (!loaded || !can(viewer, { action, round: loaded.access })) throw new NotFound();
  return loaded;
}
