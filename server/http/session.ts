import type { RequestHandler } from "express";
import type { SessionUser } from "../auth/sessions";
import type { Guilde } from "../context";

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      cspNonce: string;
      user: SessionUser | null;
      sessionId: string | null;
      requestStartedAt: number;
    }
  }
}

/** Validates the session cookie once per page request and keeps the browser's cookie current. */
export function loadSession(guilde: Guilde): RequestHandler {
  return async (req, res, next) => {
    try {
      const session = await guilde.sessions.validate(req.headers.cookie);
      res.locals.user = session?.user ?? null;
      res.locals.sessionId = session?.sessionId ?? null;
      if (session?.refreshedCookie) res.append("Set-Cookie", session.refreshedCookie.serialized);
      else if (!session && req.headers.cookie?.includes(`${guilde.sessions.cookieName}=`)) {
        res.append("Set-Cookie", guilde.sessions.blankCookie().serialized);
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}
