import { and, eq } from "drizzle-orm";
import type { Transaction } from "../../db/client";
import { communityMembers, users } from "../../db/schema";
import { recordAudit } from "../audit/record";
import type { Guilde } from "../context";
import { write } from "../events";
import { Invalid, NotFound } from "../errors";
import { notify } from "../notifications/notify";
import { can, ensureCan, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { loadCommunity, moderatorIds, type LoadedCommunity } from "./access";
import { decisionSchema, type DecisionInput } from "./schemas";

async function loadVisible(tx: Transaction, viewer: Viewer, communityId: string): Promise<LoadedCommunity> {
  const loaded = await loadCommunity(tx, viewer, { id: communityId });
  if (!loaded || !can(viewer, { action: "community.view", community: loaded.access })) throw new NotFound();
  return loaded;
}

/** Joins an internal or open community at once; a private one by a request its moderators approve. */
export async function joinCommunity(
  guilde: Guilde,
  { viewer, communityId }: { viewer: Viewer; communityId: string },
): Promise<{ status: "active" | "pending" }> {
  return write(guilde, async (tx, emit) => {
    const { community, access } = await loadVisible(tx, viewer, communityId);
    ensureCan(viewer, { action: "community.join", community: access });
    const status = community.visibility === "private" ? "pending" : "active";
    await tx.insert(communityMembers).values({ communityId, userId: viewer.id, status }).onConflictDoNothing();
    emit({ type: "membership.changed", communityId, userId: viewer.id });
    if (status === "pending") {
      await notify(tx, {
      emit,
        recipientIds: await moderatorIds(tx, communityId),
        community,
        draft: { kind: "join_request", actorId: viewer.id, summary: { title: community.name } },
        allowed: (recipient, recipientAccess) => can(recipient, { action: "community.moderate", community: recipientAccess }),
      });
    }
    return { status };
  });
}

/** Leaves a community, or withdraws a pending request. */
export async function leaveCommunity(guilde: Guilde, { viewer, communityId }: { viewer: Viewer; communityId: string }): Promise<void> {
  await write(guilde, async (tx, emit) => {
    const { access } = await loadVisible(tx, viewer, communityId);
    ensureCan(viewer, { action: "community.leave", community: access });
    await tx.delete(communityMembers).where(and(eq(communityMembers.communityId, communityId), eq(communityMembers.userId, viewer.id)));
    emit({ type: "membership.changed", communityId, userId: viewer.id });
  });
}

export async function decideJoinRequest(
  guilde: Guilde,
  { viewer, communityId, userId, input }: { viewer: Viewer; communityId: string; userId: string; input: Untrusted<DecisionInput> },
): Promise<void> {
  const data = parseInput(decisionSchema, input);
  await write(guilde, async (tx, emit) => {
    const { community, access } = await loadVisible(tx, viewer, communityId);
    ensureCan(viewer, { action: "community.moderate", community: access });
    const where = and(eq(communityMembers.communityId, communityId), eq(communityMembers.userId, userId), eq(communityMembers.status, "pending"));
    const changed =
      data.decision === "approve"
        ? await tx.update(communityMembers).set({ status: "active", joinedAt: new Date() }).where(where).returning()
        : await tx.delete(communityMembers).where(where).returning();
    if (changed.length === 0) throw new NotFound();
    emit({ type: "membership.changed", communityId, userId });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: `member.${data.decision}`,
      targetKind: "member",
      targetId: userId,
      communityId,
      reason: data.note || null,
    });
    await notify(tx, {
      emit,
      recipientIds: [userId],
      community,
      draft: { kind: "join_request_decided", actorId: viewer.id, summary: { title: community.name, note: data.note, decision: data.decision } },
      allowed: (recipient, recipientAccess) => can(recipient, { action: "community.view", community: recipientAccess }),
    });
  });
}

/** Admins appoint and remove a community's moderators, who must be employees. */
export async function setModerator(
  guilde: Guilde,
  { viewer, communityId, userId, moderator }: { viewer: Viewer; communityId: string; userId: string; moderator: boolean },
): Promise<void> {
  await write(guilde, async (tx, emit) => {
    const { access } = await loadVisible(tx, viewer, communityId);
    ensureCan(viewer, { action: "community.appointModerators", community: access });
    const [person] = await tx.select({ role: users.role }).from(users).where(eq(users.id, userId));
    if (!person) throw new NotFound();
    if (person.role === "customer") throw new Invalid({ userId: ["errors.customersCannotModerate"] });
    const membership = and(eq(communityMembers.communityId, communityId), eq(communityMembers.userId, userId));
    if (moderator) {
      await tx
        .insert(communityMembers)
        .values({ communityId, userId, role: "moderator" })
        .onConflictDoUpdate({ target: [communityMembers.communityId, communityMembers.userId], set: { role: "moderator", status: "active" } });
    } else {
      const demoted = await tx
        .update(communityMembers)
        .set({ role: "member" })
        .where(and(membership, eq(communityMembers.role, "moderator")))
        .returning();
      if (demoted.length === 0) throw new Invalid({ userId: ["errors.notAModerator"] });
    }
    emit({ type: "membership.changed", communityId, userId });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: moderator ? "moderator.appoint" : "moderator.remove",
      targetKind: "member",
      targetId: userId,
      communityId,
    });
  });
}
