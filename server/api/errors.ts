/**
 * The API's one error shape, `{ error: { code, message, fields } }`: domain errors from the services are
 * mapped here once, as server/http/respond.ts does for pages. Messages are the English text of the
 * services' i18n keys; `fields` keeps each key, for clients that translate.
 */
import type { Response } from "express";
import { en } from "../../app/i18n/en";
import { DomainError, Invalid, Conflict, RateLimited, type FieldErrors } from "../errors";

export type ApiErrorCode =
  | "unauthorized"
  | "token_revoked"
  | "account_blocked"
  | "insufficient_scope"
  | "not_found"
  | "forbidden"
  | "invalid"
  | "invalid_json"
  | "payload_too_large"
  | "conflict"
  | "rate_limited"
  | "unavailable"
  | "internal";

export interface ApiFieldError {
  code: string;
  message: string;
}

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; fields: Record<string, ApiFieldError[]> };
}

const codeOfStatus: Record<DomainError["status"], ApiErrorCode> = {
  400: "invalid",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  429: "rate_limited",
  503: "unavailable",
};

/** The pages' generic texts speak of pages and highlighted fields; the API says it in its own terms. */
const apiMessages: Record<string, string> = {
  "errors.notFound": "Not found, or not visible to this token's owner.",
  "errors.invalid": "Some fields are invalid: see `fields`.",
};

function messageOf(key: string): string {
  if (apiMessages[key]) return apiMessages[key];
  return (en as Record<string, string>)[key]?.replace(/\{\w+\}/g, "").trim() ?? key;
}

function fieldsOf(fieldErrors: FieldErrors): Record<string, ApiFieldError[]> {
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, keys]) => [field, keys.map((code) => ({ code, message: messageOf(code) }))]));
}

export function sendApiError(
  res: Response,
  status: number,
  code: ApiErrorCode,
  message: string,
  { fields = {}, headers = {} }: { fields?: Record<string, ApiFieldError[]>; headers?: Record<string, string> } = {},
) {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  const body: ApiErrorBody = { error: { code, message, fields } };
  res.status(status).json(body);
}

/** A service's refusal as the API answers it; anything else is the caller's to treat as a 500. */
export function sendDomainError(res: Response, error: DomainError) {
  const fields = error instanceof Invalid || error instanceof Conflict ? fieldsOf(error.fieldErrors) : {};
  const headers: Record<string, string> = error instanceof RateLimited ? { "Retry-After": String(Math.max(1, Math.ceil(error.retryAfterSeconds))) } : {};
  sendApiError(res, error.status, codeOfStatus[error.status], messageOf(error.message), { fields, headers });
}
