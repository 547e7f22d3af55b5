import { and, eq } from "drizzle-orm";
import { newId } from "../../db/ids";
import { communityMembers, monitorApplications } from "../../db/schema";
import { recordAudit } from "../audit/record";
import type { Guilde } from "../context";
import { write } from "../events";
import { Conflict, NotFound } from "../errors";
import { notify } from "../notifications/notify";
import { can, ensureCan, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { loadCommunity } from "./access";
import { decisionSchema, monitorApplicationSchema, type DecisionInput, type MonitorApplicationInput } from "./schemas";

/** A member applies to become a monitor: a motivation and the topics they master, for the moderators to weigh. */
export async function applyToBeMonitor(
  guilde: Guilde,
  { viewer, communityId, input }: { viewer: Viewer; communityId: string; input: Untrusted<MonitorApplicationInput> },
): Promise<{ applicationId: string }> {
  const data = parseInput(monitorApplicationSchema, input);
  return write(guilde, async (tx, emit) => {
    const loaded = await loadCommunity(tx, viewer, { id: communityId });
    if (!loaded || !can(viewer, { action: "community.read", community: loaded.access })) throw new NotFound();
    ensureCan(viewer, { action: "community.applyMonitor", community: loaded.access });
    const [pending] = await tx
      .select({ id: monitorApplications.id })
      .from(monitorApplications)
      .where(and(eq(monitorApplications.communityId, communityId), eq(monitorApplications.userId, viewer.id), eq(monitorApplications.status, "pending")));
    if (pending) throw new Conflict("errors.applicationPending");
    const applicationId = newId();
    await tx.insert(monitorApplications).values({ id: applicationId, communityId, userId: viewer.id, ...data });
    const moderators = await tx
      .select({ userId: communityMembers.userId })
      .from(communityMembers)
      .where(and(eq(communityMembers.communityId, communityId), eq(communityMembers.role, "moderator")));
    await notify(tx, {
      emit,
      recipientIds: moderators.map((row) => row.userId),
      community: loaded.community,
      draft: { kind: "monitor_application", actorId: viewer.id, summary: { title: loaded.community.name, excerpt: data.motivation.slice(0, 200) } },
      allowed: (recipient, access) => can(recipient, { action: "community.moderate", community: access }),
    });
    return { applicationId };
  });
}

/** A moderator approves (the member becomes a monitor on the topics they gave) or declines, with a note. */
export async function decideMonitorApplication(
  guilde: Guilde,
  { viewer, applicationId, input }: { viewer: Viewer; applicationId: string; input: Untrusted<DecisionInput> },
): Promise<void> {
  const data = parseInput(decisionSchema, input);
  await write(guilde, async (tx, emit) => {
    const [application] = await tx.select().from(monitorApplications).where(eq(monitorApplications.id, applicationId));
    const loaded = application && (await loadCommunity(tx, viewer, { id: application.communityId }));
    if (!application || !loaded || !can(viewer, { action: "community.view", community: loaded.access })) throw new NotFound();
    ensureCan(viewer, { action: "community.moderate", community: loaded.access });
    if (application.status !== "pending") throw new Conflict("errors.alreadyDecided");

    const now = new Date();
    await tx
      .update(monitorApplications)
      .set({ status: data.decision === "approve" ? "approved" : "declined", decidedById: viewer.id, decisionNote: data.note, decidedAt: now })
      .where(eq(monitorApplications.id, applicationId));
    if (data.decision === "approve") {
      const promoted = await tx
        .update(communityMembers)
        .set({ role: "monitor", monitorSince: now, monitorTopics: application.topics })
        .where(
          and(
            eq(communityMembers.communityId, application.communityId),
            eq(communityMembers.userId, application.userId),
            eq(communityMembers.role, "member"),
            eq(communityMembers.status, "active"),
          ),
        )
        .returning();
      // The applicant left the community meanwhile, or already got another role.
      if (promoted.length === 0) throw new Conflict("errors.notAMemberAnymore");
      emit({ type: "membership.changed", communityId: application.communityId, userId: application.userId });
    }
    await recordAudit(tx, {
      actorId: viewer.id,
      action: `monitor.${data.decision}`,
      targetKind: "member",
      targetId: application.userId,
      communityId: application.communityId,
      reason: data.note || null,
    });
    await notify(tx, {
      emit,
      recipientIds: [application.userId],
      community: loaded.community,
      draft: {
        kind: "monitor_application_decided",
        actorId: viewer.id,
        summary: { title: loaded.community.name, note: data.note, decision: data.decision },
      },
      allowed: (recipient, access) => can(recipient, { action: "community.view", community: access }),
    });
  });
}

/** A moderator withdraws a monitor's status; they stay a member. */
export async function withdrawMonitor(
  guilde: Guilde,
  { viewer, communityId, userId, reason }: { viewer: Viewer; communityId: string; userId: string; reason?: string },
): Promise<void> {
  await write(guilde, async (tx, emit) => {
    const loaded = await loadCommunity(tx, viewer, { id: communityId });
    if (!loaded || !can(viewer, { action: "community.view", community: loaded.access })) throw new NotFound();
    ensureCan(viewer, { action: "community.moderate", community: loaded.access });
    const withdrawn = await tx
      .update(communityMembers)
      .set({ role: "member", monitorSince: null })
      .where(and(eq(communityMembers.communityId, communityId), eq(communityMembers.userId, userId), eq(communityMembers.role, "monitor")))
      .returning();
    if (withdrawn.length === 0) throw new NotFound();
    emit({ type: "membership.changed", communityId, userId });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "monitor.withdraw",
      targetKind: "member",
      targetId: userId,
      communityId,
      reason: reason?.slice(0, 1000) || null,
    });
  });
}
