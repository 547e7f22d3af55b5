import { eq } from "drizzle-orm";
import { newId } from "../../db/ids";
import { communityMembers, invitations, users } from "../../db/schema";
import { recordAudit } from "../audit/record";
import { hashPassword } from "../auth/passwords";
import type { SessionCookie } from "../auth/sessions";
import type { Guilde } from "../context";
import { write } from "../events";
import { Conflict, NotFound } from "../errors";
import { availableHandle } from "../people/handles";
import { parseInput, type Untrusted } from "../validation";
import { invitationByToken, invitationState, type InvitationState } from "./find-invitation";
import { acceptInvitationSchema, type AcceptInvitationInput } from "./schemas";

const refusals: Record<Exclude<InvitationState, "valid">, string> = {
  used: "errors.invitationUsed",
  revoked: "errors.invitationRevoked",
  expired: "errors.invitationExpired",
  closed: "errors.invitationCommunityClosed",
};

/**
 * Accepting an invitation creates the customer's account (name, password, language) at the invited
 * address, joins them to the community and signs them in. The token works once: the invitation row is
 * locked while it is used.
 */
export async function acceptInvitation(
  guilde: Guilde,
  { token, input }: { token: string; input: Untrusted<AcceptInvitationInput> },
): Promise<{ userId: string; cookie: SessionCookie; communitySlug: string }> {
  const data = parseInput(acceptInvitationSchema, input);
  const passwordHash = await hashPassword(data.password);
  const userId = newId();
  const { communitySlug } = await write(guilde, async (tx, emit) => {
    const { invitation, community } = await invitationByToken(tx, token, { forUpdate: true }).catch((error: unknown) => {
      if (error instanceof NotFound) guilde.log.info("Refused: an unknown invitation token was used");
      throw error;
    });
    const state = invitationState(invitation, community);
    if (state !== "valid") {
      guilde.log.info(`Refused: invitation ${invitation.id} is ${state}`);
      throw new Conflict(refusals[state]);
    }
    const inserted = await tx
      .insert(users)
      .values({
        id: userId,
        email: invitation.email,
        handle: await availableHandle(tx, invitation.email),
        displayName: data.displayName,
        passwordHash,
        role: "customer",
        siteId: null,
        locale: data.locale,
      })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (inserted.length === 0) throw new Conflict("errors.invitationEmailTaken");
    await tx.insert(communityMembers).values({ communityId: community.id, userId, role: "member", status: "active" });
    await tx.update(invitations).set({ acceptedAt: new Date(), acceptedById: userId }).where(eq(invitations.id, invitation.id));
    await recordAudit(tx, {
      actorId: userId,
      action: "invitation.accept",
      targetKind: "invitation",
      targetId: invitation.id,
      communityId: community.id,
      details: { email: invitation.email },
    });
    emit({ type: "person.changed", userId });
    emit({ type: "membership.changed", communityId: community.id, userId });
    return { communitySlug: community.slug };
  });
  return { userId, cookie: await guilde.sessions.start(userId), communitySlug };
}
