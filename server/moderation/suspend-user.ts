import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { recordAudit } from "../audit/record";
import { endSessionsInTransaction } from "../auth/sessions";
import type { Guilde } from "../context";
import { write } from "../events";
import { Conflict, Invalid, NotFound } from "../errors";
import { can, ensureCan, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { suspensionSchema, type SuspensionInput } from "./schemas";

async function loadPerson(guilde: Guilde, viewer: Viewer, userId: string) {
  const [person] = await guilde.db
    .select({ id: users.id, role: users.role, suspendedAt: users.suspendedAt })
    .from(users)
    .where(eq(users.id, userId.slice(0, 64)));
  if (!person || !can(viewer, { action: "profile.view", profile: person })) throw new NotFound();
  return person;
}

/**
 * An administrator suspends an account until a day or indefinitely, with a reason: its sessions end in
 * the same transaction, and its open sockets are disconnected once it commits (see
 * ./disconnect-blocked.ts). Anyone else, moderators included, is refused, and the attempt is logged.
 */
export async function suspendUser(
  guilde: Guilde,
  { viewer, userId, input, now = new Date() }: { viewer: Viewer; userId: string; input: Untrusted<SuspensionInput>; now?: Date },
): Promise<void> {
  const person = await loadPerson(guilde, viewer, userId);
  if (!can(viewer, { action: "user.suspend", person })) {
    guilde.log.info(`Refused: ${viewer?.id ?? "anonymous"} (${viewer?.role ?? "signed out"}) may not suspend ${person.id} (${person.role})`);
  }
  ensureCan(viewer, { action: "user.suspend", person });
  const data = parseInput(suspensionSchema, input);
  if (data.until && data.until <= now) throw new Invalid({ until: ["errors.dateInPast"] });
  await write(guilde, async (tx, emit) => {
    await tx
      .update(users)
      .set({ suspendedAt: now, suspendedUntil: data.until, suspensionReason: data.reason })
      .where(eq(users.id, person.id));
    await endSessionsInTransaction(tx, person.id);
    emit({ type: "person.changed", userId: person.id });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "user.suspend",
      targetKind: "user",
      targetId: person.id,
      reason: data.reason,
      details: { until: data.until?.toISOString() ?? null },
    });
  });
}

/** An administrator lifts a suspension before its end. */
export async function liftSuspension(guilde: Guilde, { viewer, userId }: { viewer: Viewer; userId: string }): Promise<void> {
  const person = await loadPerson(guilde, viewer, userId);
  ensureCan(viewer, { action: "user.suspend", person });
  if (!person.suspendedAt) throw new Conflict("errors.notSuspended");
  await write(guilde, async (tx, emit) => {
    await tx.update(users).set({ suspendedAt: null, suspendedUntil: null, suspensionReason: null }).where(eq(users.id, person.id));
    emit({ type: "person.changed", userId: person.id });
    await recordAudit(tx, { actorId: viewer.id, action: "user.unsuspend", targetKind: "user", targetId: person.id });
  });
}
