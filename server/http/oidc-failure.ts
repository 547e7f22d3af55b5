import { data } from "@remix-run/node";
import { AccountBlocked } from "../auth/account-status";
import { DomainError, NotFound } from "../errors";

export interface SignInFailure {
  /** i18n key saying what went wrong. */
  message: string;
  blocked: { until: Date | null; reason: string | null } | null;
}

/**
 * A single sign-on leg that did not end in a session becomes a page of its own, with its status and
 * what to do next, rather than the generic error page. Single sign-on left unconfigured is a 404.
 */
export function oidcFailure(error: unknown, headers?: HeadersInit) {
  if (error instanceof NotFound) throw new Response(error.message, { status: 404 });
  if (!(error instanceof DomainError)) throw error;
  const blocked = error instanceof AccountBlocked && error.block.kind === "suspended" ? { until: error.block.until, reason: error.block.reason } : null;
  const failure: SignInFailure = { message: error.message, blocked };
  return data({ failure }, { status: error.status, headers });
}
