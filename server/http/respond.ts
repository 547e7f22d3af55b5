/**
 * Turns service outcomes into Remix responses, in one place: domain errors become their status,
 * field errors come back to the form with what the user typed, and nothing the user typed is a 500.
 */
import { data, redirect } from "@remix-run/node";
import type { SessionUser } from "../auth/sessions";
import { DomainError, Invalid, Conflict, RateLimited, type FieldErrors } from "../errors";

export interface FormFailure {
  ok: false;
  /** i18n key of the message for the whole form. */
  message: string;
  messageParams?: Record<string, number>;
  fieldErrors: FieldErrors;
  /** What the user typed, minus secrets, to fill the form again. */
  values: Record<string, string>;
}

const secretFields = new Set(["password", "token"]);

export async function readForm(request: Request): Promise<Record<string, string>> {
  const form = await request.formData().catch(() => new FormData());
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string") values[key] = value;
  return values;
}

/**
 * Runs an action's service call. A refusal that the form can show (invalid input, a conflict, a rate
 * limit) comes back as data with its status; not found and forbidden become error pages.
 */
export async function handleForm<T>(values: Record<string, string>, run: () => Promise<T>) {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error instanceof Invalid || error instanceof Conflict || error instanceof RateLimited) {
      const echoed = Object.fromEntries(Object.entries(values).filter(([key]) => !secretFields.has(key)));
      const failure: FormFailure = {
        ok: false,
        message: error.message,
        fieldErrors: "fieldErrors" in error ? error.fieldErrors : {},
        values: echoed,
      };
      const headers = new Headers();
      if (error instanceof RateLimited) {
        headers.set("Retry-After", String(error.retryAfterSeconds));
        failure.messageParams = { minutes: Math.ceil(error.retryAfterSeconds / 60) };
        failure.fieldErrors = { form: [error.message] };
      }
      return data(failure, { status: error.status, headers });
    }
    throw new Response(error.message, { status: error.status });
  }
}

/** Runs a loader's service call; domain refusals become error pages (404 hides what may not be seen). */
export async function handleLoad<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError) throw new Response(error.message, { status: error.status });
    throw error;
  }
}

/** Sends anonymous visitors to sign in, and back here afterwards. */
export function requireUser(request: Request, user: SessionUser | null): SessionUser {
  if (user) return user;
  const url = new URL(request.url);
  throw redirect(`/signin?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

/** Only same-site paths, so that a crafted link cannot send someone elsewhere after signing in. */
export function safeRedirectPath(target: string | null | undefined, fallback = "/"): string {
  if (!target || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return fallback;
  return target;
}
