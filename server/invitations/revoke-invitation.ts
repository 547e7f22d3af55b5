import { eq } from "drizzle-orm";
import { invitations } from "../../db/schema";
import { recordAudit } from "../audit/record";
import { loadCommunity } from "../communities/access";
import type { Guilde } from "../context";
import { write } from "../events";
import { Conflict, NotFound } from "../errors";
import { can, ensureCan, type Viewer } from "../policy";

/** An administrator, or a moderator of its community, revokes a pending invitation: its link stops working. */
export async function revokeInvitation(guilde: Guilde, { viewer, invitationId }: { viewer: Viewer; invitationId: string }): Promise<void> {
  await write(guilde, async (tx) => {
    const [invitation] = await tx
      .select()
      .from(invitations)
      .where(eq(invitations.id, invitationId.slice(0, 64)))
      .for("update");
    if (!invitation) throw new NotFound();
    const loaded = await loadCommunity(tx, viewer, { id: invitation.communityId });
    if (!loaded || !can(viewer, { action: "community.view", community: loaded.access })) throw new NotFound();
    ensureCan(viewer, { action: "community.moderate", community: loaded.access });
    if (invitation.acceptedAt || invitation.revokedAt) throw new Conflict("errors.invitationNotPending");
    await tx.update(invitations).set({ revokedAt: new Date(), revokedById: viewer.id }).where(eq(invitations.id, invitation.id));
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "invitation.revoke",
      targetKind: "invitation",
      targetId: invitation.id,
      communityId: invitation.communityId,
      details: { email: invitation.email },
    });
  });
}
