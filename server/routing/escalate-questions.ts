import { and, asc, eq, isNull, lte } from "drizzle-orm";
import type { Transaction } from "../../db/client";
import { communities, posts, questionRoutingSteps, type QuestionRoutingStep } from "../../db/schema";
import type { Guilde } from "../context";
import { write, type Emit } from "../events";
import { lastWave, laterWaveRecipients, sendWave, stillWaiting, type RoutingSettings } from "./waves";
import { startPeriodicWorker, type PeriodicWorker } from "../workers/periodic";

const batchSize = 50;

/**
 * Runs a wave of a question's routing whose row the caller holds locked and which is not done. A
 * question answered, accepted, closed, deleted or hidden meanwhile stops there: the wave is marked
 * stopped and nobody is told. Otherwise the community's other monitors (wave 2) or its moderators
 * (wave 3) are told, and the next wave is due after the delay; a wave with nobody to tell passes
 * straight on to the next.
 */
export async function runWave(
  tx: Transaction,
  { step, now, emit, settings, hastened = false }: { step: QuestionRoutingStep; now: Date; emit: Emit; settings: RoutingSettings; hastened?: boolean },
): Promise<void> {
  const [row] = await tx
    .select({ post: posts, community: communities })
    .from(posts)
    .innerJoin(communities, eq(communities.id, posts.communityId))
    .where(eq(posts.id, step.questionId));
  const done = and(eq(questionRoutingSteps.questionId, step.questionId), eq(questionRoutingSteps.wave, step.wave));
  if (!row || !stillWaiting(row.post, row.community)) {
    await tx.update(questionRoutingSteps).set({ doneAt: now, outcome: "stopped", hastened }).where(done);
    return;
  }
  const { post, community } = row;
  const audience = step.wave === lastWave ? "moderators" : "other_monitors";
  const recipientIds = await laterWaveRecipients(tx, post, audience === "moderators" ? "moderator" : "monitor");
  const notified = await sendWave(tx, { post, community, wave: step.wave, recipientIds, now, emit });
  await tx
    .update(questionRoutingSteps)
    .set({ doneAt: now, audience, outcome: notified.length > 0 ? "sent" : "nobody", recipientCount: notified.length, hastened })
    .where(done);
  if (step.wave === lastWave) return;
  const [next] = await tx
    .insert(questionRoutingSteps)
    .values({ questionId: post.id, wave: step.wave + 1, dueAt: notified.length > 0 ? new Date(now.getTime() + settings.escalationDelayMs) : now })
    .onConflictDoNothing()
    .returning();
  if (next && notified.length === 0) await runWave(tx, { step: next, now, emit, settings, hastened });
}

/**
 * Runs every wave of question routing that is due: claimed with its row locked in the transaction that
 * sends it, skipping rows another process holds, so that however many workers poll, a wave runs once.
 * Answers how many waves ran.
 */
export async function escalateDueQuestions(guilde: Guilde, { now = new Date() }: { now?: Date } = {}): Promise<number> {
  let ran = 0;
  for (;;) {
    const claimed = await write(guilde, async (tx, emit) => {
      const due = await tx
        .select()
        .from(questionRoutingSteps)
        .where(and(isNull(questionRoutingSteps.doneAt), lte(questionRoutingSteps.dueAt, now)))
        .orderBy(asc(questionRoutingSteps.dueAt))
        .limit(batchSize)
        .for("update", { skipLocked: true });
      for (const step of due) await runWave(tx, { step, now, emit, settings: guilde.config.routing });
      return due.length;
    });
    ran += claimed;
    if (claimed < batchSize) return ran;
  }
}

/** Runs `escalateDueQuestions` every `everyMs` (a minute) on the given clock, started with the server. */
export function startRoutingWorker(
  guilde: Guilde,
  { everyMs = 60_000, clock }: { everyMs?: number; clock?: () => Date } = {},
): PeriodicWorker {
  return startPeriodicWorker(guilde, { name: "Escalating routed questions", everyMs, clock, idle: 0, turn: (now) => escalateDueQuestions(guilde, { now }) });
}
