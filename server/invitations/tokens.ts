import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, URL-safe: the link's secret. Only its hash is stored. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A token has the shape newInvitationToken gives; anything else is refused before any lookup. */
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

export function invitationLink(origin: string, token: string): string {
  return `${origin}/invitations/${token}`;
}
