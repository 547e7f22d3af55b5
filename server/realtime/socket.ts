import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import type { SessionUser } from "../auth/sessions";
import type { Guilde } from "../context";

export interface SocketData {
  user: SessionUser;
  sessionId: string;
}

/** Socket.IO on the HTTP server: a handshake without a valid session cookie is refused. */
export function attachSocketServer(httpServer: HttpServer, guilde: Guilde): Server {
  const io = new Server<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>(httpServer, {
    serveClient: false,
    // Clients may only send small messages (presence, typing); anything larger is dropped.
    maxHttpBufferSize: 16 * 1024,
  });

  io.use(async (socket, next) => {
    try {
      const session = await guilde.sessions.validate(socket.request.headers.cookie);
      if (!session) return next(new Error("unauthorized"));
      socket.data.user = session.user;
      socket.data.sessionId = session.sessionId;
      next();
    } catch (error) {
      guilde.log.error("Socket handshake failed", error);
      next(new Error("unavailable"));
    }
  });

  io.on("connection", (socket) => {
    void socket.join(`user:${socket.data.user.id}`);
  });

  return io as unknown as Server;
}
