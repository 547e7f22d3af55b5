import { createHash, randomBytes } from "node:crypto";

/** Recognisable in logs and by secret scanners; what follows is 256 random bits. */
export const apiTokenPrefix = "guilde_pat_";

export function newApiToken(): { token: string; tokenHash: string } {
  const token = apiTokenPrefix + randomBytes(32).toString("base64url");
  return { token, tokenHash: hashApiToken(token) };
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A token has the shape newApiToken gives; anything else is refused before any lookup. */
export function isWellFormedApiToken(token: string): boolean {
  return /^guilde_pat_[A-Za-z0-9_-]{43}$/.test(token);
}
