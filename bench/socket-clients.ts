/**
 * Many socket.io clients in one process, separate from the servers measured, driven by the real-time
 * benchmarks over IPC (see startSocketClients in ./realtime-support.ts). Each client connects with the
 * given session cookie, optionally subscribes to rooms, and stamps every "reply.posted" it hears with
 * its delay since the commit.
 */
import { io, type Socket } from "socket.io-client";

export type ClientCommand =
  | { type: "connect"; url: string; cookie: string; count: number; rooms: string[] }
  | { type: "latencies" }
  | { type: "close" };

export type ClientReport =
  | { type: "connected"; open: number; failed: number; firstError: string | null; seconds: number }
  | { type: "latencies"; milliseconds: number[] }
  | { type: "closed" };

/** Handshakes in flight at once: enough to keep the server busy, not so many that they time out. */
const concurrentHandshakes = 100;

const sockets: Socket[] = [];
const latencies: number[] = [];

function report(message: ClientReport) {
  process.send!(message);
}

/** Connects one client and, once connected, subscribes; resolves with the error if either fails. */
function openClient(url: string, cookie: string, rooms: string[]): Promise<string | null> {
  const socket = io(url, { transports: ["websocket"], reconnection: false, forceNew: true, extraHeaders: { Cookie: cookie } });
  sockets.push(socket);
  socket.on("reply.posted", (event: { committedAt: number }) => latencies.push(Date.now() - event.committedAt));
  return new Promise((resolve) => {
    socket.once("connect_error", (error) => resolve(error.message));
    socket.once("connect", () => {
      if (rooms.length === 0) return resolve(null);
      socket.emit("subscribe", rooms, (result: { ok: boolean; error?: string }) => resolve(result.ok ? null : `subscribe: ${result.error}`));
    });
  });
}

async function connect({ url, cookie, count, rooms }: Extract<ClientCommand, { type: "connect" }>) {
  const started = performance.now();
  let next = 0;
  let failed = 0;
  let firstError: string | null = null;
  await Promise.all(
    Array.from({ length: concurrentHandshakes }, async () => {
      while (next < count) {
        next++;
        const error = await openClient(url, cookie, rooms);
        if (error) {
          failed++;
          firstError ??= error;
        }
      }
    }),
  );
  report({ type: "connected", open: sockets.filter((socket) => socket.connected).length, failed, firstError, seconds: (performance.now() - started) / 1000 });
}

process.on("message", (command: ClientCommand) => {
  switch (command.type) {
    case "connect":
      void connect(command);
      return;
    case "latencies":
      report({ type: "latencies", milliseconds: latencies.splice(0) });
      return;
    case "close":
      for (const socket of sockets) socket.close();
      report({ type: "closed" });
      process.disconnect();
      return;
  }
});
