import type { RequestHandler } from "express";
import type { Guilde } from "../context";

/** GET /healthz: 200 when the database answers, 503 with the reason otherwise. */
export function health(guilde: Guilde): RequestHandler {
  return async (_req, res) => {
    const body = { database: guilde.database.kind, search: guilde.config.search.kind };
    try {
      await withTimeout(guilde.database.ping(), 3000);
      res.set("Cache-Control", "no-store").json({ status: "ok", ...body });
    } catch (error) {
      guilde.log.error("Health check: database unreachable", error);
      res.status(503).set("Cache-Control", "no-store").json({ status: "unavailable", reason: "database unreachable", ...body });
    }
  };
}

function withTimeout<T>(promise: Promise<T>, milliseconds: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${milliseconds} ms`)), milliseconds);
    }),
  ]).finally(() => clearTimeout(timer));
}
