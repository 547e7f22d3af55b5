import { and, eq, isNull } from "drizzle-orm";
import { questionRoutingRecipients, questionRoutingSteps } from "../../db/schema";
import type { Guilde } from "../context";
import { write } from "../events";
import { NotFound } from "../errors";
import { can, ensureCan, type Viewer } from "../policy";
import { loadQuestion } from "../questions/access";
import { runWave } from "./escalate-questions";

/**
 * Someone a question was routed to says it is not their topic: it leaves their "unanswered for me"
 * list, and once everyone the latest wave reached has declined, the next wave runs at once rather than
 * after the delay. Answers whether it did.
 */
export async function declineQuestion(
  guilde: Guilde,
  { viewer, questionId, now = new Date() }: { viewer: Viewer; questionId: string; now?: Date },
): Promise<{ escalated: boolean }> {
  return write(guilde, async (tx, emit) => {
    const loaded = await loadQuestion(tx, viewer, questionId);
    if (!loaded || !can(viewer, { action: "post.view", post: loaded.access })) throw new NotFound();
    const mine = and(eq(questionRoutingRecipients.questionId, questionId), eq(questionRoutingRecipients.userId, viewer?.id ?? ""));
    const [share] = await tx.select().from(questionRoutingRecipients).where(mine);
    ensureCan(viewer, { action: "question.decline", post: loaded.access, routing: { sent: Boolean(share), declined: Boolean(share?.declinedAt) } });
    await tx.update(questionRoutingRecipients).set({ declinedAt: now }).where(mine);

    // Waits for a worker running this wave, so that it runs once either way.
    const [pending] = await tx
      .select()
      .from(questionRoutingSteps)
      .where(and(eq(questionRoutingSteps.questionId, questionId), isNull(questionRoutingSteps.doneAt)))
      .for("update");
    if (!pending) return { escalated: false };
    const [stillConsidering] = await tx
      .select({ userId: questionRoutingRecipients.userId })
      .from(questionRoutingRecipients)
      .where(
        and(
          eq(questionRoutingRecipients.questionId, questionId),
          eq(questionRoutingRecipients.wave, pending.wave - 1),
          isNull(questionRoutingRecipients.declinedAt),
        ),
      )
      .limit(1);
    if (stillConsidering) return { escalated: false };
    await runWave(tx, { step: pending, now, emit, settings: guilde.config.routing, hastened: true });
    return { escalated: true };
  });
}
