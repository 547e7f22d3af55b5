/**
 * "N colleagues are viewing": how many different people have a question open, counted over the
 * sockets in its room on every node. A burst of arrivals and departures makes one count, not one each.
 */
import type { Logger } from "../logger";
import { parseRoom } from "./rooms";
import type { GuildeServer } from "./socket";

export interface Presence {
  /** Someone arrived in or left this room: recount it shortly. */
  changed(room: string): void;
  close(): void;
}

export function createPresence(io: GuildeServer, log: Logger, { settleMs = 200 }: { settleMs?: number } = {}): Presence {
  const scheduled = new Map<string, NodeJS.Timeout>();

  async function announce(room: string, questionId: string) {
    const sockets = await io.in(room).fetchSockets();
    const viewers = new Set(sockets.map((socket) => socket.data.viewer.id)).size;
    io.to(room).emit("presence", { questionId, viewers });
  }

  return {
    changed(room) {
      const question = parseRoom(room);
      if (question?.kind !== "question" || scheduled.has(room)) return;
      const timer = setTimeout(() => {
        scheduled.delete(room);
        announce(room, question.id).catch((error: unknown) => log.error(`Counting the viewers of ${room} failed`, error));
      }, settleMs);
      scheduled.set(room, timer);
    },
    close() {
      for (const timer of scheduled.values()) clearTimeout(timer);
      scheduled.clear();
    },
  };
}
