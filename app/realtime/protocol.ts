/**
 * The contract between server/realtime and the browser: room names and what travels on the socket.
 * The one real-time module both sides import, so it holds types and pure functions only.
 *
 * Payloads say "something changed" with ids, scores and counts, never text: a page refetches what it
 * shows through its loader, which applies the policy to that viewer.
 */

export type RoomKind = "community" | "question" | "idea";

export const communityRoom = (communityId: string) => `community:${communityId}`;
export const questionRoom = (questionId: string) => `question:${questionId}`;
export const ideaRoom = (ideaId: string) => `idea:${ideaId}`;

/** Milliseconds since the epoch at which the write committed, for latency figures and ordering. */
type Committed = { committedAt: number };

export interface ServerToClientEvents {
  /** To `community:<id>`. */
  "question.asked": (event: { communityId: string; questionId: string } & Committed) => void;
  /** The rest, to `question:<id>`. */
  /** `change` is the domain's word for it ("edited", "deleted", "hidden"…): pages refetch whatever it is. */
  "question.changed": (event: { questionId: string; change: string } & Committed) => void;
  "reply.posted": (event: { questionId: string; replyId: string; kind: "answer" | "comment" } & Committed) => void;
  "reply.changed": (event: { questionId: string; replyId: string; change: string } & Committed) => void;
  "vote.changed": (event: { questionId: string; targetId: string; score: number } & Committed) => void;
  /** To `idea:<id>`: its votes, status, comments, a merge or an adoption changed. */
  "idea.changed": (event: { ideaId: string; change: string; voteCount: number | null } & Committed) => void;
  /** How many different people have the question open, on every node. */
  presence: (event: { questionId: string; viewers: number }) => void;
  /** To `user:<id>` only: that person's unread notifications. */
  "notifications.unread": (event: { unread: number }) => void;
}

export type RealtimeEvent = keyof ServerToClientEvents;

export type Acknowledgement = { ok: true } | { ok: false; status: number; error: string };

export interface ClientToServerEvents {
  /** Joins rooms (see communityRoom, questionRoom), each after the policy allowed it; all or none. */
  subscribe: (rooms: string[], acknowledge: (result: Acknowledgement) => void) => void;
  unsubscribe: (rooms: string[], acknowledge: (result: Acknowledgement) => void) => void;
}
