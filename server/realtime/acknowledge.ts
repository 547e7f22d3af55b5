/**
 * Turns what a socket handler did into its acknowledgement, in one place, as server/http/respond.ts
 * does for HTTP: a domain refusal becomes its status and i18n key; anything else is logged and answered
 * as a server error, so that nothing a client sends leaves it waiting.
 */
import type { Acknowledgement } from "../../app/realtime/protocol";
import { DomainError } from "../errors";
import type { Logger } from "../logger";

export function refusal(error: unknown, log: Logger): Acknowledgement {
  if (error instanceof DomainError) return { ok: false, status: error.status, error: error.message };
  log.error("A socket event failed", error);
  return { ok: false, status: 500, error: "errors.serverError" };
}

/** Runs a handler and acknowledges its outcome; a client that asked for no acknowledgement gets none. */
export async function acknowledge(callback: unknown, log: Logger, run: () => Promise<void>): Promise<void> {
  let result: Acknowledgement;
  try {
    await run();
    result = { ok: true };
  } catch (error) {
    result = refusal(error, log);
  }
  if (typeof callback === "function") callback(result);
}
