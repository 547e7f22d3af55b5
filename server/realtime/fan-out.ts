/**
 * Hears the domain events after commit and tells the rooms concerned. What goes to a community or
 * question room is what every socket in it may see (they all passed `community.read` or `post.view`):
 * ids, kinds, scores, never text or authors. Per-person data (unread counts) goes to `user:` rooms only.
 * Emitting through the adapter reaches the sockets of every node, so only the node where the write
 * happened does this work; re-checks are asked of every node, each for its own sockets.
 */
import { inArray } from "drizzle-orm";
import { communityRoom, ideaRoom, questionRoom } from "../../app/realtime/protocol";
import { users } from "../../db/schema";
import type { Guilde } from "../context";
import type { DomainEvent } from "../events";
import { unreadCount } from "../notifications/list-notifications";
import { readersRoom, userRoom, type RecheckRequest } from "./rooms";
import type { SignedInViewer } from "../policy";
import type { GuildeServer } from "./socket";

type QuestionChange = Extract<DomainEvent, { type: "question.changed" }>["change"];

/** Changes to a question after which whoever could view it still can; any other is re-checked. */
const keepsReaders = new Set<QuestionChange>(["edited", "closed", "reopened", "pinned", "unpinned", "accepted", "locked", "unlocked"]);

export interface FanOutHooks {
  /** Re-checks, on every node, the rooms of the sockets in a room (see recheckRooms). */
  recheck(request: RecheckRequest): Promise<void>;
}

export function fanOut(guilde: Guilde, io: GuildeServer, { recheck }: FanOutHooks): () => void {
  const sendUnreadCounts = unreadCountSender(guilde, io);
  return guilde.events.subscribe(async (event: DomainEvent) => {
    // Published right after the commit, so this is the commit time within a few microseconds.
    const committedAt = Date.now();
    switch (event.type) {
      case "question.asked":
        io.to(communityRoom(event.communityId)).emit("question.asked", { communityId: event.communityId, questionId: event.questionId, committedAt });
        return;
      case "question.changed": {
        const room = questionRoom(event.questionId);
        io.to(room).emit("question.changed", { questionId: event.questionId, change: event.change, committedAt });
        // Deleted, hidden or moved, the question may no longer be for everyone in its room.
        if (!keepsReaders.has(event.change)) await recheck({ room, only: room });
        return;
      }
      case "reply.posted":
        io.to(questionRoom(event.questionId)).emit("reply.posted", { questionId: event.questionId, replyId: event.replyId, kind: event.kind, committedAt });
        return;
      case "reply.changed":
        io.to(questionRoom(event.questionId)).emit("reply.changed", { questionId: event.questionId, replyId: event.replyId, change: event.change, committedAt });
        return;
      case "vote.changed":
        io.to(questionRoom(event.questionId)).emit("vote.changed", { questionId: event.questionId, targetId: event.targetId, score: event.score, committedAt });
        return;
      case "idea.changed": {
        const room = ideaRoom(event.ideaId);
        io.to(room).emit("idea.changed", { ideaId: event.ideaId, change: event.change, voteCount: event.voteCount ?? null, committedAt });
        // Hidden or deleted, the idea is no longer for everyone in its room.
        if (event.change === "hidden" || event.change === "deleted") await recheck({ room, only: room });
        return;
      }
      case "notifications.created":
        await sendUnreadCounts(event.userIds);
        return;
      case "membership.changed":
        await recheck({ room: userRoom(event.userId) });
        return;
      case "community.changed":
        await recheck({ room: readersRoom(event.communityId) });
        return;
    }
  });
}

/**
 * Sends each person their unread count as the bell shows it (the policy filters what still counts), to
 * them only. A person is counted once at a time: notifications that arrive meanwhile (a burst of answers
 * to a question they follow) are counted together once it ends, so the count sent last is always the
 * latest, and counting does not cost the database once per notification.
 */
function unreadCountSender(guilde: Guilde, io: GuildeServer) {
  // The people being counted, each with whether more notifications came since their count began.
  const counting = new Map<string, { again: boolean }>();
  const countFor = async (viewer: SignedInViewer, state: { again: boolean }) => {
    try {
      do {
        state.again = false;
        io.to(userRoom(viewer.id)).emit("notifications.unread", { unread: await unreadCount(guilde, { viewer }) });
      } while (state.again);
    } finally {
      counting.delete(viewer.id);
    }
  };
  return async (userIds: string[]) => {
    const starting = new Map<string, { again: boolean }>();
    for (const id of userIds) {
      const state = counting.get(id);
      if (state) state.again = true;
      else if (!starting.has(id)) starting.set(id, { again: false });
    }
    if (starting.size === 0) return;
    for (const [id, state] of starting) counting.set(id, state);
    let viewers: SignedInViewer[] = [];
    try {
      viewers = await guilde.db
        .select({ id: users.id, role: users.role, siteId: users.siteId })
        .from(users)
        .where(inArray(users.id, [...starting.keys()]));
    } finally {
      const found = new Set(viewers.map((viewer) => viewer.id));
      for (const id of starting.keys()) if (!found.has(id)) counting.delete(id);
    }
    await Promise.all(viewers.map((viewer) => countFor(viewer, starting.get(viewer.id)!)));
  };
}
