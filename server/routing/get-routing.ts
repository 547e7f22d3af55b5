import { asc, eq, sql } from "drizzle-orm";
import { questionRoutingRecipients, questionRoutingSteps, type RoutingAudience } from "../../db/schema";
import type { Guilde } from "../context";
import { can, type Viewer } from "../policy";
import { loadQuestion } from "../questions/access";
import { stillWaiting } from "./waves";

export interface RoutingRecord {
  /** What was done, wave by wave ("sent to 3 monitors at 9:02", "escalated to the moderators at 11:02"). */
  waves: { wave: number; audience: RoutingAudience | null; outcome: "sent" | "nobody" | "stopped"; at: Date; recipients: number; declined: number; hastened: boolean }[];
  /** When the next wave is due, unless the question is answered first. */
  nextDueAt: Date | null;
  /** The viewer's own part: sent to them, declined by them, and whether they may decline now. */
  mine: { sent: boolean; declined: boolean; mayDecline: boolean };
}

/** A question's routing as its page shows it, or null for a viewer the policy does not show it to. */
export async function getRouting(guilde: Guilde, { viewer, questionId }: { viewer: Viewer; questionId: string }): Promise<RoutingRecord | null> {
  const loaded = await loadQuestion(guilde.db, viewer, questionId);
  if (!loaded || !can(viewer, { action: "question.viewRouting", post: loaded.access })) return null;
  const recipients = questionRoutingRecipients;
  const viewerId = viewer?.id ?? "";
  // One statement: the waves, how many declined in each, and the viewer's own part (on every row).
  const steps = await guilde.db
    .select({
      step: questionRoutingSteps,
      declined: sql<number>`(select count(*)::int from ${recipients} where ${recipients.questionId} = ${questionRoutingSteps.questionId}
        and ${recipients.wave} = ${questionRoutingSteps.wave} and ${recipients.declinedAt} is not null)`,
      sentToViewer: sql<boolean>`exists (select 1 from ${recipients} where ${recipients.questionId} = ${questionId} and ${recipients.userId} = ${viewerId})`,
      declinedByViewer: sql<boolean>`exists (select 1 from ${recipients} where ${recipients.questionId} = ${questionId} and ${recipients.userId} = ${viewerId} and ${recipients.declinedAt} is not null)`,
    })
    .from(questionRoutingSteps)
    .where(eq(questionRoutingSteps.questionId, questionId))
    .orderBy(asc(questionRoutingSteps.wave));
  const routing = { sent: steps.some((row) => row.sentToViewer), declined: steps.some((row) => row.declinedByViewer) };
  const waves: RoutingRecord["waves"] = [];
  let nextDueAt: Date | null = null;
  for (const { step, declined } of steps) {
    if (step.doneAt && step.outcome) {
      waves.push({ wave: step.wave, audience: step.audience, outcome: step.outcome, at: step.doneAt, recipients: step.recipientCount, declined, hastened: step.hastened });
    } else if (stillWaiting(loaded.post, loaded.community)) nextDueAt = step.dueAt;
  }
  return { waves, nextDueAt, mine: { ...routing, mayDecline: can(viewer, { action: "question.decline", post: loaded.access, routing }) } };
}
