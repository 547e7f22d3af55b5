/**
 * What Guilde's services announce after a write commits. Subscribers (real-time fan-out, the search
 * outbox worker's wake-up) react to them; a subscriber that fails is logged and never undoes the write.
 */
import type { Transaction } from "../db/client";
import type { Guilde } from "./context";
import type { Logger } from "./logger";
import { enqueueIndexChanges } from "./search/targets";
import { enqueueWebhookDeliveries } from "./webhooks/enqueue";

export type DomainEvent =
  | { type: "question.asked"; communityId: string; questionId: string; authorId: string }
  | {
      type: "question.changed";
      communityId: string;
      questionId: string;
      // Moderation: hidden and restored (a held question's approval is its `question.asked`), locked,
      // and moved (told once for the community it left and once for the one it joined).
      change: "edited" | "deleted" | "closed" | "reopened" | "pinned" | "unpinned" | "accepted" | "hidden" | "restored" | "locked" | "unlocked" | "moved";
    }
  | { type: "reply.posted"; communityId: string; questionId: string; replyId: string; kind: "answer" | "comment"; authorId: string }
  | { type: "reply.changed"; communityId: string; questionId: string; replyId: string; change: "edited" | "deleted" | "hidden" | "restored" }
  | { type: "vote.changed"; communityId: string; questionId: string; targetId: string; score: number }
  | { type: "notifications.created"; userIds: string[] }
  | { type: "membership.changed"; communityId: string; userId: string }
  | { type: "community.changed"; communityId: string }
  | { type: "person.changed"; userId: string }
  | { type: "idea.proposed"; communityId: string; ideaId: string; authorId: string }
  // An idea's status moved, its votes or comments changed, a duplicate was merged into it (or it into
  // another: "merged" is told for both), a site adopted it; its author edited or deleted it; a moderator hid or restored it.
  | {
      type: "idea.changed";
      communityId: string;
      ideaId: string;
      change: "status" | "vote" | "comment" | "merged" | "adopted" | "edited" | "deleted" | "hidden" | "restored";
      voteCount?: number;
    }
  // A tutorial's draft is its author's alone: only publishing tells anyone (and the search index).
  | { type: "tutorial.published"; communityId: string; tutorialId: string; authorId: string }
  | { type: "tutorial.changed"; communityId: string; tutorialId: string; change: "edited" | "helped" | "deleted" | "hidden" | "restored" };

export type Emit = (event: DomainEvent) => void;

/**
 * Leaves a statement to the very end of a write, after its outbox rows, just before the commit: one
 * that locks a row every concurrent write of the same thing waits for (a question's counters), so
 * that the lock is held for as few round trips as possible.
 */
export type Lastly = (statement: () => Promise<unknown>) => void;
type Listener = (event: DomainEvent) => void | Promise<void>;

export interface EventBus {
  publish(events: DomainEvent[]): void;
  subscribe(listener: Listener): () => void;
  /** Resolves once every subscriber has finished with what was published so far (shutdown, tests). */
  settled(): Promise<void>;
}

export function createEventBus(log: Logger): EventBus {
  const listeners = new Set<Listener>();
  const running = new Set<Promise<void>>();
  return {
    publish(events) {
      for (const event of events) {
        for (const listener of listeners) {
          const run: Promise<void> = Promise.resolve()
            .then(() => listener(event))
            .catch((error: unknown) => log.error(`An event subscriber failed on ${event.type}`, error))
            .finally(() => running.delete(run));
          running.add(run);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async settled() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}

/**
 * Runs a write in one transaction. Events emitted inside are published only once it has committed,
 * so nobody hears of a change that was rolled back. The search outbox rows and webhook deliveries the
 * events call for are written in the same transaction: they can lag behind a change, never miss it.
 * Statements left to `lastly` run after them, in the order given.
 */
export async function write<T>(guilde: Guilde, work: (tx: Transaction, emit: Emit, lastly: Lastly) => Promise<T>): Promise<T> {
  const events: DomainEvent[] = [];
  const result = await guilde.db.transaction(async (tx) => {
    const finishing: (() => Promise<unknown>)[] = [];
    const value = await work(
      tx,
      (event) => events.push(event),
      (statement) => finishing.push(statement),
    );
    await enqueueIndexChanges(tx, events);
    await enqueueWebhookDeliveries(tx, events, guilde.config.publicUrl);
    for (const statement of finishing) await statement();
    return value;
  });
  guilde.events.publish(events);
  return result;
}
