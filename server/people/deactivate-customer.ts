import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { recordAudit } from "../audit/record";
import { endSessionsInTransaction } from "../auth/sessions";
import type { Guilde } from "../context";
import { write } from "../events";
import { Conflict, NotFound } from "../errors";
import { can, ensureCan, type Viewer } from "../policy";

/**
 * An administrator closes a customer's account (it can no longer sign in; its sessions end and its
 * sockets disconnect, see server/moderation/disconnect-blocked.ts) or opens it again. Nothing the
 * customer wrote is removed.
 */
export async function setCustomerActive(
  guilde: Guilde,
  { viewer, userId, active }: { viewer: Viewer; userId: string; active: boolean },
): Promise<void> {
  await write(guilde, async (tx, emit) => {
    const [person] = await tx
      .select({ id: users.id, role: users.role, deactivatedAt: users.deactivatedAt })
      .from(users)
      .where(eq(users.id, userId.slice(0, 64)))
      .for("update");
    if (!person || !can(viewer, { action: "profile.view", profile: person })) throw new NotFound();
    ensureCan(viewer, { action: "customer.deactivate", person });
    if ((person.deactivatedAt === null) === active) throw new Conflict(active ? "errors.alreadyActive" : "errors.alreadyDeactivated");
    await tx.update(users).set({ deactivatedAt: active ? null : new Date() }).where(eq(users.id, person.id));
    if (!active) await endSessionsInTransaction(tx, person.id);
    emit({ type: "person.changed", userId: person.id });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: active ? "customer.reactivate" : "customer.deactivate",
      targetKind: "user",
      targetId: person.id,
    });
  });
}
