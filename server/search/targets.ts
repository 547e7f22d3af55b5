/**
 * Which documents a domain event makes stale. `indexChangesFor` runs inside the write's transaction,
 * so the outbox rows it produces commit (or roll back) with the change itself.
 */
import { and, eq, or, sql, type SQL } from "drizzle-orm";
import type { Database, Transaction } from "../../db/client";
import { communityMembers, posts, replies, searchDocuments, searchOutbox } from "../../db/schema";
import type { DomainEvent } from "../events";
import { documentId, searchablePostKinds } from "./documents";

/** Something to rebuild. A post or reply rebuilds one document; a person also has one expertise document per community. */
export type Target =
  | { kind: "post"; id: string }
  | { kind: "reply"; id: string }
  | { kind: "community"; id: string }
  | { kind: "person"; id: string }
  | { kind: "expertise"; userId: string; communityId: string };

export function encodeTarget(target: Target): string {
  return target.kind === "expertise" ? `expertise:${target.userId}:${target.communityId}` : `${target.kind}:${target.id}`;
}

/** Null for a row this version does not understand (it is dropped rather than retried forever). */
export function decodeTarget(encoded: string): Target | null {
  const [kind, first, second] = encoded.split(":");
  if (!first) return null;
  switch (kind) {
    case "post":
    case "reply":
    case "community":
    case "person":
      return { kind, id: first };
    case "expertise":
      return second ? { kind, userId: first, communityId: second } : null;
    default:
      return null;
  }
}

/**
 * The targets an event calls for. A question's change reaches its answers' documents too (they carry
 * its title and tags, and vanish with it) and its answerers' expertise (their tags come from it).
 */
export async function indexChangesFor(tx: Transaction, event: DomainEvent): Promise<Target[]> {
  switch (event.type) {
    case "question.asked":
      return [{ kind: "post", id: event.questionId }];
    case "question.changed": {
      const answers = await tx
        .select({ id: replies.id, authorId: replies.authorId })
        .from(replies)
        .where(and(eq(replies.postId, event.questionId), eq(replies.kind, "answer")));
      const answerers = [...new Set(answers.map((answer) => answer.authorId))];
      return [
        { kind: "post", id: event.questionId },
        ...answers.map((answer): Target => ({ kind: "reply", id: answer.id })),
        ...answerers.map((userId): Target => ({ kind: "expertise", userId, communityId: event.communityId })),
      ];
    }
    case "reply.posted":
      // An answer changes its question's status (unanswered → answered); comments are not indexed.
      return event.kind === "answer"
        ? [
            { kind: "reply", id: event.replyId },
            { kind: "post", id: event.questionId },
            { kind: "expertise", userId: event.authorId, communityId: event.communityId },
          ]
        : [];
    case "reply.changed": {
      const [reply] = await tx.select({ kind: replies.kind, authorId: replies.authorId }).from(replies).where(eq(replies.id, event.replyId));
      if (!reply || reply.kind !== "answer") return [];
      // The answer may be the accepted one, whose text its question's document carries.
      return [
        { kind: "reply", id: event.replyId },
        { kind: "post", id: event.questionId },
        { kind: "expertise", userId: reply.authorId, communityId: event.communityId },
      ];
    }
    case "membership.changed":
      return [{ kind: "expertise", userId: event.userId, communityId: event.communityId }];
    case "community.changed":
      return [{ kind: "community", id: event.communityId }];
    case "person.changed": {
      const memberships = await tx
        .select({ communityId: communityMembers.communityId })
        .from(communityMembers)
        .where(eq(communityMembers.userId, event.userId));
      return [
        { kind: "person", id: event.userId },
        ...memberships.map((membership): Target => ({ kind: "expertise", userId: event.userId, communityId: membership.communityId })),
      ];
    }
    case "idea.proposed":
      return [{ kind: "post", id: event.ideaId }];
    case "idea.changed":
      // Its text and status are indexed, and a merged, hidden or deleted idea leaves the index; votes, comments and adoptions are not indexed.
      return ["vote", "comment", "adopted"].includes(event.change) ? [] : [{ kind: "post", id: event.ideaId }];
    case "tutorial.published":
      return [{ kind: "post", id: event.tutorialId }];
    case "tutorial.changed":
      // "This helped me" counts are not indexed.
      return event.change === "helped" ? [] : [{ kind: "post", id: event.tutorialId }];
    case "vote.changed":
    case "notifications.created":
      // A score only breaks ties between equally relevant results: it catches up at the next edit or reindex.
      return [];
  }
}

/**
 * The embedded engine's documents that a change may have made invisible to some of their readers:
 * content deleted, hidden or moved to another community. They leave the index in the change's own
 * transaction (the outbox rebuilds them if they are still visible), so no search ever shows them in
 * between. Meilisearch's hits are checked against the database for the same reason.
 */
function withdrawnBy(event: DomainEvent): SQL | null {
  if (event.type === "question.changed" && ["deleted", "hidden", "moved"].includes(event.change)) {
    return sql`question_id = ${event.questionId}`;
  }
  if (event.type === "reply.changed" && ["deleted", "hidden"].includes(event.change)) return sql`id = ${documentId("answer", event.replyId)}`;
  if (event.type === "idea.changed" && ["deleted", "hidden", "merged"].includes(event.change)) return sql`id = ${documentId("idea", event.ideaId)}`;
  if (event.type === "tutorial.changed" && ["deleted", "hidden"].includes(event.change)) return sql`id = ${documentId("tutorial", event.tutorialId)}`;
  return null;
}

/** Writes the outbox rows for a write's events, in its transaction. */
export async function enqueueIndexChanges(tx: Transaction, events: DomainEvent[]): Promise<void> {
  const targets = new Set<string>();
  for (const event of events) for (const target of await indexChangesFor(tx, event)) targets.add(encodeTarget(target));
  if (targets.size === 0) return;
  await tx.insert(searchOutbox).values([...targets].map((target) => ({ target })));
  const withdrawn = events.map(withdrawnBy).filter((condition): condition is SQL => condition !== null);
  if (withdrawn.length > 0) await tx.execute(sql`delete from ${searchDocuments} where ${or(...withdrawn)}`);
}

/**
 * Every document the database holds, as outbox rows (a full reindex). One statement per kind, so
 * that it costs seconds even for hundreds of thousands of rows.
 */
export async function enqueueEverything(db: Database | Transaction): Promise<number> {
  const statements = [
    sql`insert into ${searchOutbox} (target) select 'post:' || id from ${posts} where kind::text = any(${sql.param([...searchablePostKinds])}::text[]) order by created_at`,
    sql`insert into ${searchOutbox} (target) select 'reply:' || id from ${replies} where kind = 'answer' order by created_at`,
    sql`insert into ${searchOutbox} (target) select 'community:' || id from communities`,
    sql`insert into ${searchOutbox} (target) select 'person:' || id from users`,
    sql`insert into ${searchOutbox} (target) select 'expertise:' || user_id || ':' || community_id from ${communityMembers} where status = 'active'`,
  ];
  let count = 0;
  for (const statement of statements) count += affectedRows(await db.execute(statement));
  return count;
}

/** postgres.js answers `count`, PGlite `affectedRows`. */
export function affectedRows(result: unknown): number {
  const { count, affectedRows: affected } = result as { count?: number; affectedRows?: number };
  return Number(count ?? affected ?? 0);
}
