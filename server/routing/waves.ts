import { and, asc, desc, eq, ne, notExists, sql } from "drizzle-orm";
import type { Transaction } from "../../db/client";
import { communityMembers, questionRoutingRecipients, users, type Community, type NotificationKind, type Post } from "../../db/schema";
import { markdownToPlainText } from "../content/markdown";
import type { Emit } from "../events";
import { notify } from "../notifications/notify";
import { can } from "../policy";
import { postAccessIn } from "../questions/access";

/** The waves of a question's routing: the first people called in, the other monitors, the moderators. */
export const firstWave = 1;
export const lastWave = 3;
/** However large a community, a wave tells at most this many people (and each query stays bounded). */
export const maxWaveSize = 200;

export interface RoutingSettings {
  escalationDelayMs: number;
  firstWaveSize: number;
}

/** Whether a question still waits for someone: published, unanswered, open, in a live community. */
export function stillWaiting(post: Post, community: Community): boolean {
  return (
    post.answerCount === 0 &&
    post.acceptedAnswerId === null &&
    post.closedAt === null &&
    post.deletedAt === null &&
    post.hiddenAt === null &&
    community.archivedAt === null
  );
}

/** Other sites first: the help a site cannot find at home is what Guilde is for. */
export const otherSiteFirst = (post: Post) => desc(sql`(${users.siteId} is distinct from ${post.originSiteId ?? null})`);

/**
 * The community's active members in a role who may be called in about the question: employees (never
 * a customer, whatever their membership says), not its asker, not told about it already.
 */
export function candidates(post: Post, role: "monitor" | "moderator") {
  return and(
    eq(communityMembers.communityId, post.communityId),
    eq(communityMembers.role, role),
    eq(communityMembers.status, "active"),
    ne(users.role, "customer"),
    ne(communityMembers.userId, post.authorId),
    notExists(
      sql`(select 1 from ${questionRoutingRecipients} where ${questionRoutingRecipients.questionId} = ${post.id} and ${questionRoutingRecipients.userId} = ${communityMembers.userId})`,
    ),
  )!;
}

/** The community's monitors (wave 2) or moderators (wave 3) not told yet, other sites first. */
export async function laterWaveRecipients(tx: Transaction, post: Post, role: "monitor" | "moderator"): Promise<string[]> {
  const rows = await tx
    .select({ userId: communityMembers.userId })
    .from(communityMembers)
    .innerJoin(users, eq(users.id, communityMembers.userId))
    .where(candidates(post, role))
    .orderBy(otherSiteFirst(post), asc(communityMembers.joinedAt), asc(communityMembers.userId))
    .limit(maxWaveSize);
  return rows.map((row) => row.userId);
}

/**
 * Tells a wave's people about the question through notify(), which asks the policy of each
 * (`question.beRouted`), and records whom it reached. Answers their ids.
 */
export async function sendWave(
  tx: Transaction,
  { post, community, wave, recipientIds, now, emit }: { post: Post; community: Community; wave: number; recipientIds: string[]; now: Date; emit: Emit },
): Promise<string[]> {
  const kind: NotificationKind = wave === firstWave ? "question_in_community" : "question_escalated";
  const notified = await notify(tx, {
    emit,
    recipientIds,
    community,
    draft: { kind, actorId: post.authorId, postId: post.id, summary: { title: post.title, excerpt: markdownToPlainText(post.body, 160) } },
    allowed: (recipient, access) => can(recipient, { action: "question.beRouted", post: postAccessIn(post, access) }),
  });
  if (notified.length > 0) {
    await tx
      .insert(questionRoutingRecipients)
      .values(notified.map((userId) => ({ questionId: post.id, userId, wave, sentAt: now })))
      .onConflictDoNothing();
  }
  return notified;
}
