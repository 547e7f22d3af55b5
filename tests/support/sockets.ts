import { io, type Socket } from "socket.io-client";
import { afterEach } from "vitest";
import type { Acknowledgement, ClientToServerEvents, RealtimeEvent, ServerToClientEvents } from "../../app/realtime/protocol";
import type { Guilde } from "../../server/context";

type Payload<Event extends RealtimeEvent> = Parameters<ServerToClientEvents[Event]>[0];

/** A socket.io-client connection as a test drives it: what it heard, in order, and ways to wait for more. */
export interface TestSocket {
  socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  heard: { event: string; payload: unknown }[];
  subscribe(...rooms: string[]): Promise<Acknowledgement>;
  unsubscribe(...rooms: string[]): Promise<Acknowledgement>;
  /** The first event of that name (already heard or to come) that matches; fails after `timeoutMs`. */
  next<Event extends RealtimeEvent>(event: Event, matching?: (payload: Payload<Event>) => boolean, timeoutMs?: number): Promise<Payload<Event>>;
  /** Forgets what was heard so far: `next` then waits for what comes after. */
  forget(): void;
  /** Resolves with the reason once the server or the network ends the connection. */
  disconnected(): Promise<string>;
  close(): void;
}

/** The Cookie header of a fresh session for this person, as a browser would send it. */
export async function sessionCookie(guilde: Guilde, userId: string): Promise<string> {
  const cookie = await guilde.sessions.start(userId);
  return `${cookie.name}=${cookie.value}`;
}

/** Opens sockets that are closed after each test. */
export function useSockets() {
  const open = new Set<Socket>();
  afterEach(() => {
    for (const socket of open) socket.close();
    open.clear();
  });

  function raw(url: string, headers: Record<string, string>) {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
      transports: ["websocket"],
      reconnection: false,
      extraHeaders: headers,
      forceNew: true,
    });
    open.add(socket);
    return socket;
  }

  return {
    /** Connects with this Cookie header; fails with the server's refusal. */
    async connect(url: string, cookie: string): Promise<TestSocket> {
      const socket = raw(url, { Cookie: cookie });
      const heard: TestSocket["heard"] = [];
      const waiters = new Set<() => void>();
      socket.onAny((event: string, payload: unknown) => {
        heard.push({ event, payload });
        for (const waiter of waiters) waiter();
      });
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", resolve);
        socket.once("connect_error", reject);
      });
      const ask = (event: "subscribe" | "unsubscribe", rooms: string[]) =>
        new Promise<Acknowledgement>((resolve) => socket.emit(event, rooms, resolve));
      return {
        socket,
        heard,
        subscribe: (...rooms) => ask("subscribe", rooms),
        unsubscribe: (...rooms) => ask("unsubscribe", rooms),
        next: (event, matching = () => true, timeoutMs = 5000) =>
          new Promise((resolve, reject) => {
            const check = () => {
              const found = heard.find((entry) => entry.event === event && matching(entry.payload as Payload<typeof event>));
              if (!found) return false;
              waiters.delete(waiter);
              clearTimeout(timer);
              resolve(found.payload as Payload<typeof event>);
              return true;
            };
            const waiter = () => void check();
            const timer = setTimeout(() => {
              waiters.delete(waiter);
              reject(new Error(`No "${event}" within ${timeoutMs} ms; heard: ${JSON.stringify(heard)}`));
            }, timeoutMs);
            if (!check()) waiters.add(waiter);
          }),
        forget: () => void heard.splice(0),
        disconnected: () =>
          new Promise((resolve) => {
            if (socket.disconnected) resolve("already disconnected");
            else socket.once("disconnect", (reason) => resolve(reason));
          }),
        close: () => socket.close(),
      };
    },

    /** Tries to connect and answers the server's refusal; fails if the connection is accepted. */
    async refusal(url: string, headers: Record<string, string> = {}): Promise<string> {
      const socket = raw(url, headers);
      return new Promise((resolve, reject) => {
        socket.once("connect", () => reject(new Error("The connection was accepted.")));
        socket.once("connect_error", (error) => resolve(error.message));
      });
    },
  };
}
