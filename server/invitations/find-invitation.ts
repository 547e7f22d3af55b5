import { eq } from "drizzle-orm";
import type { Database, Transaction } from "../../db/client";
import { communities, invitations, users, type Community, type Invitation } from "../../db/schema";
import type { Guilde } from "../context";
import { NotFound } from "../errors";
import { hashInvitationToken, isWellFormedToken } from "./tokens";

export type InvitationState = "valid" | "expired" | "used" | "revoked" | "closed";

/** Why an invitation can or cannot be accepted now. "closed": its community is no longer open. */
export function invitationState(invitation: Invitation, community: Community, now = new Date()): InvitationState {
  if (invitation.acceptedAt) return "used";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt <= now) return "expired";
  if (community.visibility !== "open" || community.archivedAt) return "closed";
  return "valid";
}

/** The invitation a token opens, or `NotFound` for a forged or unknown one (nothing said about which). */
export async function invitationByToken(
  db: Database | Transaction,
  token: string,
  { forUpdate = false }: { forUpdate?: boolean } = {},
): Promise<{ invitation: Invitation; community: Community; inviterName: string }> {
  if (!isWellFormedToken(token)) throw new NotFound();
  const query = db
    .select({ invitation: invitations, community: communities, inviterName: users.displayName })
    .from(invitations)
    .innerJoin(communities, eq(communities.id, invitations.communityId))
    .innerJoin(users, eq(users.id, invitations.invitedById))
    .where(eq(invitations.tokenHash, hashInvitationToken(token)));
  const [row] = forUpdate ? await query.for("update", { of: invitations }) : await query;
  if (!row) throw new NotFound();
  return row;
}

/** What the invitation page shows to whoever holds the link. */
export async function getInvitation(guilde: Guilde, { token }: { token: string }) {
  const { invitation, community, inviterName } = await invitationByToken(guilde.db, token);
  const state = invitationState(invitation, community);
  if (state !== "valid") guilde.log.info(`An invitation link was opened in state "${state}" (invitation ${invitation.id})`);
  return {
    state,
    email: invitation.email,
    expiresAt: invitation.expiresAt,
    inviterName,
    community: { name: community.name, description: community.description, color: community.color },
  };
}
