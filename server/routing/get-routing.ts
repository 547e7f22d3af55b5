import { and, asc, eq, sql } from "drizzle-orm";
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
  const declinedByWave = sql<number>`(select count(*)::int from ${questionRoutingRecipients}
    where ${questionRoutingRecipients.questionId} = ${questionRoutingSteps.questionId}
      and ${questionRoutingRecipients.wave} = ${questionRoutingSteps.wave} and ${questionRoutingRecipients.declinedAt} is not null)`;
  const [steps, [share]] = await Promise.all([
    guilde.db
      .select({ step: questionRoutingSteps, declined: declinedByWave })
      .from(questionRoutingSteps)
      .where(eq(questionRoutingSteps.questionId, questionId))
      .orderBy(asc(questionRoutingSteps.wave)),
    guilde.db
      .select({ declinedAt: questionRoutingRecipients.declinedAt })
      .from(questionRoutingRecipients)
      .where(and(eq(questionRoutingRecipients.questionId, questionId), eq(questionRoutingRecipients.userId, viewer?.id ?? ""))),
  ]);
  const routing = { sent: Boolean(share), declined: Boolean(share?.declinedAt) };
  const waves: RoutingRecord["waves"] = [];
  let nextDueAt: Date | null = null;
  for (const { step, declined } of steps) {
    if (step.doneAt && step.outcome) {
      waves.push({ wave: step.wave, audience: step.audience, outcome: step.outcome, at: step.doneAt, recipients: step.recipientCount, declined, hastened: step.hastened });
    } else if (stillWaiting(loaded.post, loaded.community)) nextDueAt = step.dueAt;
  }
  return { waves, nextDueAt, mine: { ...routing, mayDecline: can(viewer, { action: "question.decline", post: loaded.access, routing }) } };
}
