import express, { type ErrorRequestHandler, type RequestHandler, type Response } from "express";
import { authenticateApiToken } from "../api-tokens/authenticate-api-token";
import type { Guilde } from "../context";
import { DomainError } from "../errors";
import type { SignedInViewer } from "../policy";
import { sendApiError, sendDomainError } from "./errors";
import { openApiDocument } from "./openapi";
import { apiOperations, type ApiOperation } from "./operations";
import { apiRateLimiter } from "./rate-limit";

interface ApiLocals {
  apiViewer: SignedInViewer;
  apiScope: "read" | "write";
}

const bearer = /^Bearer\s+(\S+)$/i;
const challenge = { "WWW-Authenticate": 'Bearer realm="Guilde"' };

/** `/communities/{slug}` as Express writes it. */
const expressPath = (path: string) => path.replace(/\{(\w+)\}/g, ":$1");

const locals = (res: Response) => res.locals as unknown as ApiLocals;

/**
 * The JSON API under /api/v1, mounted ahead of the pages: a personal access token in the Authorization
 * header is the only credential it takes. Session cookies are ignored (a page's cookie must not make a
 * cross-site request an API call), which is also why the pages' Origin check does not apply here.
 */
export function apiRouter(guilde: Guilde): express.Router {
  const router = express.Router();
  const rateLimit = apiRateLimiter(guilde.config.apiRateLimitPerMinute);
  const document = openApiDocument();

  router.get("/openapi.json", (_req, res) => {
    res.json(document);
  });

  const authenticate: RequestHandler = async (req, res, next) => {
    try {
      const token = req.headers.authorization?.match(bearer)?.[1];
      if (!token) return sendApiError(res, 401, "unauthorized", "Send a personal access token: Authorization: Bearer guilde_pat_…", { headers: challenge });
      const check = await authenticateApiToken(guilde, token);
      if (!check.ok) {
        if (check.reason === "revoked") return sendApiError(res, 401, "token_revoked", "This token has been revoked.", { headers: challenge });
        if (check.reason === "blocked") return sendApiError(res, 403, "account_blocked", "The token's owner is suspended or deactivated.");
        return sendApiError(res, 401, "unauthorized", "This token is not valid.", { headers: challenge });
      }
      const retryAfter = rateLimit.take(check.token.id);
      if (retryAfter !== null) {
        return sendApiError(res, 429, "rate_limited", "Too many requests with this token: wait before trying again.", { headers: { "Retry-After": String(retryAfter) } });
      }
      locals(res).apiViewer = { id: check.user.id, role: check.user.role, siteId: check.user.siteId };
      locals(res).apiScope = check.token.scope;
      next();
    } catch (error) {
      next(error);
    }
  };
  router.use(authenticate, express.json({ limit: "200kb" }));

  for (const operation of apiOperations) router[operation.method](expressPath(operation.path), handle(guilde, operation));

  router.use((_req, res) => sendApiError(res, 404, "not_found", "No such API operation."));
  router.use(apiErrors(guilde));
  return router;
}

function handle(guilde: Guilde, operation: ApiOperation): RequestHandler {
  return async (req, res, next) => {
    try {
      const { apiViewer, apiScope } = locals(res);
      if (operation.scope === "write" && apiScope !== "write") {
        return sendApiError(res, 403, "insufficient_scope", "This token may only read: create a read-and-write token to post.");
      }
      const body = typeof req.body === "object" && req.body !== null && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};
      const result = await operation.run(guilde, { viewer: apiViewer, params: req.params, query: req.query, body });
      res.status(operation.status).json(result);
    } catch (error) {
      next(error);
    }
  };
}

function apiErrors(guilde: Guilde): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    if (error instanceof DomainError) return sendDomainError(res, error);
    // express.json's refusals carry their own status and type.
    const parse = error as { type?: string; status?: number };
    if (parse.type === "entity.parse.failed") return sendApiError(res, 400, "invalid_json", "The request body is not valid JSON.");
    if (parse.type === "entity.too.large") return sendApiError(res, 413, "payload_too_large", "The request body is too large.");
    if (parse.status === 400 || parse.status === 415) return sendApiError(res, 400, "invalid", "The request body could not be read.");
    guilde.log.error("API request failed", error);
    sendApiError(res, 500, "internal", "Something went wrong on Guilde's side.");
  };
}
