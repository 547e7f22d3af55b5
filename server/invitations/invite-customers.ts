import { and, eq, inArray, isNull } from "drizzle-orm";
import { newId } from "../../db/ids";
import { invitations, users } from "../../db/schema";
import { recordAudit } from "../audit/record";
import { loadCommunity } from "../communities/access";
import type { Guilde } from "../context";
import { write } from "../events";
import { Invalid, NotFound } from "../errors";
import { sendMail, type MailDelivery } from "../mail/send-mail";
import { can, ensureCan, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { invitationEmail } from "./invitation-email";
import { invalidAddresses, invitationSchema, type InvitationInput } from "./schemas";
import { invitationLink, newInvitationToken } from "./tokens";

export interface SentInvitation {
  email: string;
  /** Shown to the inviter when no mail server sent it (the outbox) or sending failed. */
  link: string | null;
  delivery: "smtp" | "outbox" | "failed";
}

export interface InvitationOutcome {
  sent: SentInvitation[];
  /** Addresses that already have an account: they can join the community themselves. */
  skipped: string[];
}

/**
 * A moderator of an open community, or an administrator, invites customers by e-mail, one or many
 * at once. Each invitation has its own single-use token (only its hash is stored) and expires after
 * INVITATION_DAYS; a new invitation to the same address replaces a pending one.
 *
 * The e-mails go out once the invitations are committed. They cannot wait in an outbox table like
 * other side effects: the token must never be stored. A failed delivery is reported with its link.
 */
export async function inviteCustomers(
  guilde: Guilde,
  { viewer, communityId, input, origin }: { viewer: Viewer; communityId: string; input: Untrusted<InvitationInput>; origin: string },
): Promise<InvitationOutcome> {
  const data = parseInput(invitationSchema, input);
  const invalid = invalidAddresses(data.emails);
  if (invalid.length > 0) throw new Invalid({ emails: ["errors.invitationEmailInvalid"], invalidAddresses: invalid });

  const { created, skipped, communityName, inviterName } = await write(guilde, async (tx) => {
    const loaded = await loadCommunity(tx, viewer, { id: communityId });
    if (!loaded || !can(viewer, { action: "community.view", community: loaded.access })) throw new NotFound();
    if (can(viewer, { action: "community.moderate", community: loaded.access }) && loaded.community.visibility !== "open") {
      guilde.log.info(`Refused: ${viewer!.id} invited customers to ${loaded.community.visibility} community ${communityId}`);
      throw new Invalid({ form: ["errors.invitationsOpenOnly"] });
    }
    ensureCan(viewer, { action: "community.invite", community: loaded.access });

    const existing = await tx.select({ email: users.email }).from(users).where(inArray(users.email, data.emails));
    const taken = new Set(existing.map((row) => row.email));
    const toInvite = data.emails.filter((address) => !taken.has(address));
    const now = new Date();
    if (toInvite.length > 0) {
      // A fresh invitation replaces a pending one to the same address: only the latest link works.
      await tx
        .update(invitations)
        .set({ revokedAt: now, revokedById: viewer.id })
        .where(
          and(
            eq(invitations.communityId, communityId),
            inArray(invitations.email, toInvite),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
          ),
        );
    }
    const expiresAt = new Date(now.getTime() + guilde.config.invitationDays * 24 * 60 * 60 * 1000);
    const rows = toInvite.map((address) => ({ id: newId(), email: address, expiresAt, ...newInvitationToken() }));
    if (rows.length > 0) {
      await tx.insert(invitations).values(
        rows.map(({ id, email, tokenHash }) => ({ id, communityId, email, tokenHash, invitedById: viewer.id, createdAt: now, expiresAt })),
      );
      for (const row of rows) {
        await recordAudit(tx, {
          actorId: viewer.id,
          action: "invitation.create",
          targetKind: "invitation",
          targetId: row.id,
          communityId,
          details: { email: row.email, expiresAt: expiresAt.toISOString() },
        });
      }
    }
    const [inviter] = await tx.select({ displayName: users.displayName }).from(users).where(eq(users.id, viewer.id));
    return { created: rows, skipped: [...taken], communityName: loaded.community.name, inviterName: inviter?.displayName ?? "Guilde" };
  });

  const sent = await Promise.all(
    created.map(async ({ email, token, expiresAt }): Promise<SentInvitation> => {
      const link = invitationLink(origin, token);
      let delivery: MailDelivery | null = null;
      try {
        delivery = await sendMail(guilde.config.mail, invitationEmail({ to: email, link, communityName, inviterName, expiresAt, locale: data.locale }));
      } catch (error) {
        guilde.log.error(`Sending the invitation to ${email} failed`, error);
      }
      if (!delivery) return { email, link, delivery: "failed" };
      return { email, link: delivery.via === "outbox" ? link : null, delivery: delivery.via };
    }),
  );
  return { sent, skipped };
}
