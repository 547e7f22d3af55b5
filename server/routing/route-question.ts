import { asc, desc, eq, sql } from "drizzle-orm";
import type { Transaction } from "../../db/client";
import { communityMembers, questionRoutingSteps, users, type Community, type Post, type RoutingAudience } from "../../db/schema";
import type { Emit } from "../events";
import { expertiseMatch } from "./expertise";
import { candidates, firstWave, maxWaveSize, sendWave, type RoutingSettings } from "./waves";

/**
 * Whom a new question goes to first: the monitors of its community whose expertise matches its tags,
 * closest first with other sites ahead of the asker's own, at most `firstWaveSize` of them; when no
 * monitor's expertise matches, every monitor. Reads, writes nothing.
 */
export async function chooseFirstWave(
  tx: Transaction,
  { post, firstWaveSize }: { post: Post; firstWaveSize: number },
): Promise<{ audience: RoutingAudience; recipientIds: string[] }> {
  // Scored once per monitor in a subquery, then ordered by the score.
  const scored = tx
    .select({
      userId: communityMembers.userId,
      match: expertiseMatch(post.tags).as("match"),
      otherSite: sql<boolean>`(${users.siteId} is distinct from ${post.originSiteId ?? null})`.as("other_site"),
      monitorSince: communityMembers.monitorSince,
    })
    .from(communityMembers)
    .innerJoin(users, eq(users.id, communityMembers.userId))
    .where(candidates(post, "monitor"))
    .as("scored");
  const monitors = await tx
    .select({ userId: scored.userId, match: scored.match })
    .from(scored)
    .orderBy(desc(sql`${scored.match} > 0`), desc(scored.otherSite), desc(scored.match), asc(scored.monitorSince), asc(scored.userId))
    .limit(maxWaveSize);
  const matching = monitors.filter((monitor) => monitor.match > 0);
  if (matching.length > 0) return { audience: "matching_monitors", recipientIds: matching.slice(0, firstWaveSize).map((monitor) => monitor.userId) };
  return { audience: "all_monitors", recipientIds: monitors.map((monitor) => monitor.userId) };
}

/**
 * Routes a question as it is published, in the publishing transaction: its first wave is told and
 * recorded, and the next wave is written as a job due after the escalation delay, which the worker
 * runs unless the question was answered by then (./escalate-questions.ts).
 */
export async function routeQuestion(
  tx: Transaction,
  { post, community, emit, settings, now = new Date() }: { post: Post; community: Community; emit: Emit; settings: RoutingSettings; now?: Date },
): Promise<void> {
  const { audience, recipientIds } = await chooseFirstWave(tx, { post, firstWaveSize: settings.firstWaveSize });
  const notified = await sendWave(tx, { post, community, wave: firstWave, recipientIds, now, emit });
  await tx.insert(questionRoutingSteps).values([
    { questionId: post.id, wave: firstWave, dueAt: now, doneAt: now, audience, outcome: notified.length > 0 ? "sent" : "nobody", recipientCount: notified.length },
    { questionId: post.id, wave: firstWave + 1, dueAt: new Date(now.getTime() + settings.escalationDelayMs) },
  ]);
}
