/**
 * The real-time benchmarks' baseline: the least a Socket.IO server can do for the same clients. No
 * session, no policy, no database; "subscribe" joins the rooms asked for, and POST /emit?room=… sends
 * that room the event a Guilde answer would, stamped with the time of the request.
 */
import { createServer } from "node:http";
import { Server } from "socket.io";

const httpServer = createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://localhost");
  if (request.method === "POST" && url.pathname === "/emit") {
    io.to(url.searchParams.get("room") ?? "").emit("reply.posted", { questionId: "bench", replyId: "bench", kind: "answer", committedAt: Date.now() });
    response.writeHead(204).end();
    return;
  }
  response.writeHead(url.pathname === "/healthz" ? 200 : 404).end();
});
const io = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 16 * 1024 });
io.on("connection", (socket) => {
  socket.on("subscribe", (rooms: string[], acknowledge: (result: { ok: true }) => void) => {
    void socket.join(rooms);
    acknowledge({ ok: true });
  });
});
httpServer.listen(Number(process.env.PORT), "127.0.0.1");
