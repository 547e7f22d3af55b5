/**
 * The browser's one Socket.IO connection, for signed-in people, and the hooks pages use to follow rooms
 * and hear events. Everything here is an enhancement: without JavaScript, or while disconnected, pages
 * stay correct and reloading shows what changed.
 */
import { useRevalidator } from "@remix-run/react";
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import type { Socket } from "socket.io-client";
import type { ClientToServerEvents, RealtimeEvent, ServerToClientEvents } from "./protocol";

type GuildeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const SocketContext = createContext<GuildeSocket | null>(null);

/** The server takes at most this many rooms per subscription. */
const roomsPerSubscription = 50;

/**
 * Connects once the page has loaded, as the signed-in person (the session cookie goes with the
 * handshake), and reconnects as another person after a sign-in. After any reconnection the page's
 * loaders run again, so that what happened while disconnected is never missed.
 */
export function RealtimeProvider({ userId, children }: { userId: string | null; children: ReactNode }) {
  const [socket, setSocket] = useState<GuildeSocket | null>(null);
  const { revalidate } = useRevalidator();
  useEffect(() => {
    if (!userId) return;
    let stopped = false;
    let opened: GuildeSocket | undefined;
    // Loaded on demand: no page waits for the socket client, and visitors never download it.
    import("socket.io-client")
      .then(({ io }) => {
        if (stopped) return;
        // WebSocket first; long polling when a proxy refuses it (it then needs sticky sessions, see README).
        opened = io({ transports: ["websocket", "polling"], tryAllTransports: true });
        let connectedBefore = false;
        opened.on("connect", () => {
          if (connectedBefore) void revalidate();
          connectedBefore = true;
        });
        // The server closes a person's sockets when their sessions end: ask once more, which succeeds
        // only if this browser holds a new session (signed out everywhere else from this very tab).
        opened.on("disconnect", (reason) => {
          if (reason === "io server disconnect") opened?.connect();
        });
        setSocket(opened);
      })
      // A client that cannot load (an old cached page after a deploy) only loses live updates.
      .catch(() => {});
    return () => {
      stopped = true;
      opened?.close();
      setSocket(null);
    };
  }, [userId, revalidate]);
  return <SocketContext.Provider value={socket}>{children}</SocketContext.Provider>;
}

/**
 * Follows rooms while the component is shown: subscribes now and after every reconnection (rooms do not
 * survive one), unsubscribes on unmount. A refused room is simply not followed: the page itself already
 * answered with the same policy.
 */
export function useRooms(rooms: string[]) {
  const socket = useContext(SocketContext);
  const key = rooms.join(" ");
  useEffect(() => {
    if (!socket || !key) return;
    const names = key.split(" ");
    const batches = Array.from({ length: Math.ceil(names.length / roomsPerSubscription) }, (_, index) =>
      names.slice(index * roomsPerSubscription, (index + 1) * roomsPerSubscription),
    );
    const subscribe = () => {
      for (const batch of batches) socket.emit("subscribe", batch, () => {});
    };
    if (socket.connected) subscribe();
    socket.on("connect", subscribe);
    return () => {
      socket.off("connect", subscribe);
      if (socket.connected) for (const batch of batches) socket.emit("unsubscribe", batch, () => {});
    };
  }, [socket, key]);
}

/** Calls `listener` for each event of that name this tab's socket hears (from any room it is in). */
export function useRealtimeEvent<Event extends RealtimeEvent>(event: Event, listener: ServerToClientEvents[Event]) {
  const socket = useContext(SocketContext);
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => {
    if (!socket) return;
    const relay = ((...args: Parameters<ServerToClientEvents[Event]>) => (latest.current as (...args: unknown[]) => void)(...args)) as never;
    socket.on(event, relay);
    return () => {
      socket.off(event, relay);
    };
  }, [socket, event]);
}

/**
 * Runs the page's loaders again once after a burst of events, at a moment that differs per tab: the
 * hundreds of tabs of a busy room do not all ask the server in the same millisecond.
 */
export function useRefetchSoon(): () => void {
  const { revalidate } = useRevalidator();
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return useCallback(() => {
    if (timer.current !== undefined) return;
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      void revalidate();
    }, 100 + Math.random() * 400);
  }, [revalidate]);
}
