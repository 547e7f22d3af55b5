/**
 * What Guilde's services announce after a write commits. Subscribers (real-time fan-out, the search
 * outbox worker's wake-up) react to them; a subscriber that fails is logged and never undoes the write.
 */
import type { Transaction } from "../db/client";
import type { Guilde } from "./context";
import type { Logger } from "./logger";

export type DomainEvent =
  | { type: "question.asked"; communityId: string; questionId: string; authorId: string }
  | { type: "question.changed"; communityId: string; questionId: string; change: "edited" | "deleted" | "closed" | "reopened" | "pinned" | "unpinned" | "accepted" }
  | { type: "reply.posted"; communityId: string; questionId: string; replyId: string; kind: "answer" | "comment"; authorId: string }
  | { type: "reply.changed"; communityId: string; questionId: string; replyId: string; change: "edited" | "deleted" }
  | { type: "vote.changed"; communityId: string; questionId: string; targetId: string; score: number }
  | { type: "notifications.created"; userIds: string[] }
  | { type: "membership.changed"; communityId: string; userId: string }
  | { type: "community.changed"; communityId: string };

export type Emit = (event: DomainEvent) => void;
type Listener = (event: DomainEvent) => void | Promise<void>;

export interface EventBus {
  publish(events: DomainEvent[]): void;
  subscribe(listener: Listener): () => void;
}

export function createEventBus(log: Logger): EventBus {
  const listeners = new Set<Listener>();
  return {
    publish(events) {
      for (const event of events) {
        for (const listener of listeners) {
          Promise.resolve()
            .then(() => listener(event))
            .catch((error: unknown) => log.error(`An event subscriber failed on ${event.type}`, error));
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Runs a write in one transaction. Events emitted inside are published only once it has committed,
 * so nobody hears of a change that was rolled back.
 */
export async function write<T>(guilde: Guilde, work: (tx: Transaction, emit: Emit) => Promise<T>): Promise<T> {
  const events: DomainEvent[] = [];
  const result = await guilde.db.transaction((tx) => work(tx, (event) => events.push(event)));
  guilde.events.publish(events);
  return result;
}
