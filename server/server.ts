import { createServer, type Server as HttpServer } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { apiRouter } from "./api/router";
import type { Guilde } from "./context";
import { health } from "./http/health";
import { cspNonce, sameOriginPosts, securityHeaders } from "./http/security";
import { loadSession } from "./http/session";
import { projectRoot } from "./paths";
import { disconnectBlockedAccounts } from "./moderation/disconnect-blocked";
import { attachRealtime, type Realtime } from "./realtime/socket";
import { serveUploads } from "./storage/serve-file";

export interface RunningServer {
  httpServer: HttpServer;
  realtime: Realtime;
  url: string;
  /** Stops accepting, lets in-flight requests finish, closes sockets. The database is the caller's to close. */
  close(): Promise<void>;
}

/** One HTTP server for the Remix app and Socket.IO. */
export async function startServer(guilde: Guilde, { port, host }: { port: number; host: string }): Promise<RunningServer> {
  const { config } = guilde;
  const app = express();
  app.disable("x-powered-by");
  const httpServer = createServer(app);
  const realtime = await attachRealtime(httpServer, guilde);
  const { io } = realtime;
  // A suspended or deactivated account's open pages are disconnected once the change commits.
  const stopDisconnecting = disconnectBlockedAccounts(guilde, realtime);

  let closing = false;
  // While shutting down, every response closes its connection, so that keep-alive clients let go.
  app.use((_req, res, next) => {
    res.locals.requestStartedAt = performance.now();
    if (closing) res.setHeader("Connection", "close");
    next();
  });
  app.use(compression());
  app.use(cspNonce, securityHeaders({ development: config.development }));
  app.get("/healthz", health(guilde));
  // Before the pages' Origin check and session cookie: the API takes bearer tokens only (server/api/router.ts).
  app.use("/api/v1", apiRouter(guilde));

  let build: ServerBuild | (() => Promise<ServerBuild>);
  let closeVite = async () => {};
  if (config.development) {
    const vite = await import("vite").then((module) =>
      module.createServer({ root: projectRoot, server: { middlewareMode: true, hmr: { server: httpServer } } }),
    );
    app.use(vite.middlewares);
    build = () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
    closeVite = () => vite.close();
  } else {
    const clientDir = path.join(projectRoot, "build", "client");
    // Hashed file names never change content: cache them for a year.
    app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(clientDir, { maxAge: "1h" }));
    build = (await import(pathToFileURL(path.join(projectRoot, "build", "server", "index.js")).href)) as ServerBuild;
  }

  app.use(sameOriginPosts(config.trustedOrigins), loadSession(guilde));
  // Uploaded videos, streamed with Range support after the policy check (not through Remix: no page to render).
  app.get("/files/:uploadId", serveUploads(guilde));
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: config.development ? "development" : "production",
      getLoadContext: (req, res) => ({
        guilde,
        io,
        cspNonce: res.locals.cspNonce,
        clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
        user: res.locals.user,
        sessionId: res.locals.sessionId,
        requestStartedAt: res.locals.requestStartedAt,
      }),
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(port, host, resolve);
  });
  const address = httpServer.address();
  const boundPort = typeof address === "object" && address ? address.port : port;
  const url = `http://${host === "0.0.0.0" || host === "::" ? "localhost" : host}:${boundPort}`;

  return {
    httpServer,
    realtime,
    url,
    close: async () => {
      closing = true;
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      // A connection whose request was in flight becomes idle once answered: close it then, not at its keep-alive timeout.
      const sweep = setInterval(() => httpServer.closeIdleConnections(), 50);
      httpServer.closeIdleConnections();
      // Disconnects every socket and closes the HTTP server; in-flight requests still finish.
      stopDisconnecting();
      const realtimeClosed = realtime.close();
      await closeVite();
      await closed;
      await realtimeClosed;
      clearInterval(sweep);
    },
  };
}
