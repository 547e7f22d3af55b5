import { randomBytes } from "node:crypto";
import type { RequestHandler } from "express";
import helmet from "helmet";
import { isSameOriginRequest } from "../auth/sessions";

/** A fresh nonce per response, for the inline scripts Remix renders. */
export const cspNonce: RequestHandler = (_req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
};

export function securityHeaders({ development }: { development: boolean }): RequestHandler {
  return helmet({
    // Vite's dev server injects inline scripts of its own; the policy applies to built pages.
    contentSecurityPolicy: development
      ? false
      : {
          useDefaults: true,
          directives: {
            scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as unknown as { locals: { cspNonce: string } }).locals.cspNonce}'`],
            imgSrc: ["'self'", "data:", "https:"],
            connectSrc: ["'self'"],
            upgradeInsecureRequests: null,
          },
        },
    crossOriginEmbedderPolicy: false,
    // With helmet's default (no-referrer), browsers send `Origin: null` on plain form posts, which the
    // CSRF check below would refuse: forms must work without JavaScript.
    referrerPolicy: { policy: "same-origin" },
  });
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/** Refuses cross-site form posts (CSRF): a state-changing request must come from our own origin. */
export function sameOriginPosts(trustedOrigins: string[]): RequestHandler {
  return (req, res, next) => {
    if (safeMethods.has(req.method)) return next();
    // RFC 8058 one-click unsubscribe comes from the mail provider, not our pages; the signed link, not the session, authorises it.
    if (req.path.startsWith("/unsubscribe/")) return next();
    const { origin, referer, host } = req.headers;
    const fetchSite = req.headers["sec-fetch-site"];
    if (isSameOriginRequest({ origin, referer, host, fetchSite }, trustedOrigins)) return next();
    res.status(403).type("text/plain").send("Cross-site request refused.");
  };
}
