import { and, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { communities, invitations, users } from "../../db/schema";
import { loadCommunity } from "../communities/access";
import type { Guilde } from "../context";
import { NotFound } from "../errors";
import { decodeCursor, toPage, type Page } from "../pagination";
import { can, ensureCan, type Viewer } from "../policy";
import { invitationState, type InvitationState } from "./find-invitation";

export interface InvitationSummary {
  id: string;
  email: string;
  state: InvitationState;
  community: { slug: string; name: string };
  invitedBy: { id: string; displayName: string };
  acceptedBy: { id: string; displayName: string } | null;
  createdAt: Date;
  expiresAt: Date;
}

/**
 * Invitations, newest first: a community's (for its moderators and administrators) or every
 * community's (administrators only).
 */
export async function listInvitations(
  guilde: Guilde,
  { viewer, communityId, cursor, limit = 50 }: { viewer: Viewer; communityId?: string | null; cursor?: string | null; limit?: number },
): Promise<Page<InvitationSummary>> {
  if (communityId) {
    const loaded = await loadCommunity(guilde.db, viewer, { id: communityId });
    if (!loaded || !can(viewer, { action: "community.moderate", community: loaded.access })) throw new NotFound();
  } else {
    ensureCan(viewer, { action: "customers.manage" }, "hide");
  }
  const after = decodeCursor(cursor);
  const inviters = alias(users, "inviters");
  const acceptors = alias(users, "acceptors");
  const rows = await guilde.db
    .select({
      invitation: invitations,
      community: communities,
      inviterName: inviters.displayName,
      acceptorName: acceptors.displayName,
    })
    .from(invitations)
    .innerJoin(communities, eq(communities.id, invitations.communityId))
    .innerJoin(inviters, eq(inviters.id, invitations.invitedById))
    .leftJoin(acceptors, eq(acceptors.id, invitations.acceptedById))
    .where(
      and(
        communityId ? eq(invitations.communityId, communityId) : undefined,
        after ? sql`(${invitations.createdAt}, ${invitations.id}) < (${after[0]}::timestamptz, ${after[1]})` : undefined,
      ),
    )
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(limit + 1);
  const now = new Date();
  return toPage(
    rows,
    limit,
    (row) => [row.invitation.createdAt.toISOString(), row.invitation.id],
    ({ invitation, community, inviterName, acceptorName }) => ({
      id: invitation.id,
      email: invitation.email,
      state: invitationState(invitation, community, now),
      community: { slug: community.slug, name: community.name },
      invitedBy: { id: invitation.invitedById, displayName: inviterName },
      acceptedBy: invitation.acceptedById && acceptorName ? { id: invitation.acceptedById, displayName: acceptorName } : null,
      createdAt: invitation.createdAt,
      expiresAt: invitation.expiresAt,
    }),
  );
}
