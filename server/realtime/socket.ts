import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents } from "../../app/realtime/protocol";
import { isSameOriginRequest } from "../auth/sessions";
import type { Guilde } from "../context";
import { RateLimited } from "../errors";
import type { SignedInViewer } from "../policy";
import { acknowledge, refusal } from "./acknowledge";
import { crossNodeAdapter } from "./adapter";
import { fanOut } from "./fan-out";
import { createPresence } from "./presence";
import { tokenBucket } from "./rate-limit";
import { ensureMayJoin, parseRooms, readersRoom, recheckRooms, userRoom, type JoinedSocket, type RecheckRequest } from "./rooms";

export interface SocketData {
  /** The policy's viewer, from the session the handshake carried. Nothing more: remote nodes receive it. */
  viewer: SignedInViewer;
}

/** Between nodes: "re-check the rooms of your sockets in `room`" (see recheckRooms). */
interface InterServerEvents {
  recheck: (request: RecheckRequest) => void;
}

export type GuildeServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export interface Realtime {
  io: GuildeServer;
  /**
   * Disconnects every socket of a person, on every node. With their sessions ended first, their
   * browser cannot connect again (suspension, "sign out everywhere").
   */
  disconnectUser(userId: string): void;
  close(): Promise<void>;
}

/** Client events: a page subscribes on load and unsubscribes on leave, so a burst of 30 and 3 a second is plenty. */
const clientEventLimit = { capacity: 30, refillPerSecond: 3 };

/**
 * Socket.IO on the HTTP server: a handshake without a valid session cookie is refused, rooms are joined
 * only as the policy allows, and domain events reach the rooms after commit. With PostgreSQL the rooms
 * span every node sharing the database.
 */
export async function attachRealtime(httpServer: HttpServer, guilde: Guilde): Promise<Realtime> {
  const { log, config } = guilde;
  const adapter = await crossNodeAdapter(guilde);
  const io: GuildeServer = new Server(httpServer, {
    serveClient: false,
    // Clients only send subscriptions; anything larger closes the connection.
    maxHttpBufferSize: 16 * 1024,
    // A browser always sends its Origin on the handshake: another site's page may not open a socket
    // with our visitor's cookie. Clients without one (other programs) still need a session.
    allowRequest: (request, callback) => {
      const { origin, host } = request.headers;
      callback(null, !origin || isSameOriginRequest({ origin, host, fetchSite: request.headers["sec-fetch-site"] }, config.trustedOrigins));
    },
    // No connection state recovery: Socket.IO replays the missed events while it recreates the socket,
    // before the session check and the rooms' policy check could run. A reconnecting page refetches
    // its data instead, which misses nothing (docs/decisions/005-realtime.md).
    ...(adapter ? { adapter: adapter.adapter } : {}),
  });

  io.use(async (socket, next) => {
    try {
      const session = await guilde.sessions.validate(socket.request.headers.cookie);
      if (!session) return next(new Error("unauthorized"));
      const { id, role, siteId } = session.user;
      socket.data.viewer = { id, role, siteId };
      next();
    } catch (error) {
      log.error("Socket handshake failed", error);
      next(new Error("unavailable"));
    }
  });

  const presence = createPresence(io, log);
  // Counts re-checks, so that a subscription whose policy check raced one can tell it must check again.
  let rechecks = 0;
  const recheck = async (sockets: JoinedSocket[], only?: string) => {
    rechecks++;
    for (const left of await recheckRooms(guilde, sockets, only)) presence.changed(left);
  };
  // Each node re-checks its own sockets: the request travels between nodes, the sockets never do, and a
  // node that stopped answering cannot hold the others' re-checks back.
  const recheckHere = async ({ room, only }: RecheckRequest) => recheck(await io.in(room).local.fetchSockets(), only);
  io.on("recheck", (request) => void recheckHere(request).catch((error: unknown) => log.error(`Re-checking ${request.room} failed`, error)));
  const stopFanOut = fanOut(guilde, io, {
    recheck(request) {
      if (adapter) io.serverSideEmit("recheck", request);
      return recheckHere(request);
    },
  });

  io.on("connection", (socket) => {
    const { viewer } = socket.data;
    void socket.join(userRoom(viewer.id));

    const bucket = tokenBucket(clientEventLimit);
    socket.use(([, ...args], next) => {
      if (bucket.take()) return next();
      const callback = args.at(-1);
      if (typeof callback === "function") callback(refusal(new RateLimited(1), log));
    });

    socket.on("subscribe", (input, callback) =>
      acknowledge(callback, log, async () => {
        const rooms = parseRooms(input);
        const seen = rechecks;
        const allowed = await Promise.all(rooms.map((room) => ensureMayJoin(guilde, viewer, room)));
        if (socket.disconnected) return;
        socket.join([...rooms.map((room) => room.name), ...allowed.map(({ communityId }) => readersRoom(communityId))]);
        for (const room of rooms) presence.changed(room.name);
        if (rechecks !== seen) await recheck([socket]);
      }),
    );
    socket.on("unsubscribe", (input, callback) =>
      acknowledge(callback, log, async () => {
        for (const room of parseRooms(input)) {
          socket.leave(room.name);
          presence.changed(room.name);
        }
      }),
    );
    socket.on("disconnecting", () => {
      for (const room of socket.rooms) presence.changed(room);
    });
  });

  return {
    io,
    disconnectUser(userId) {
      io.in(userRoom(userId)).disconnectSockets(true);
    },
    async close() {
      stopFanOut();
      presence.close();
      await io.close();
      await adapter?.close();
    },
  };
}
