import { eq } from "drizzle-orm";
import { apiTokens, users, type ApiTokenScope } from "../../db/schema";
import { accountBlock, type AccountBlock } from "../auth/account-status";
import type { SessionUser } from "../auth/sessions";
import type { Guilde } from "../context";
import { hashApiToken, isWellFormedApiToken } from "./tokens";

/** How recent "last used" is kept: to the minute, so that a busy script does not write on every request. */
const lastUsedPrecisionMs = 60_000;

export type ApiTokenCheck =
  | { ok: true; user: SessionUser; token: { id: string; scope: ApiTokenScope } }
  | { ok: false; reason: "malformed" | "unknown" | "revoked" }
  | { ok: false; reason: "blocked"; block: AccountBlock };

/** Who an API request acts as: the owner of a live token, whose account may be used right now. */
export async function authenticateApiToken(guilde: Guilde, token: string): Promise<ApiTokenCheck> {
  if (!isWellFormedApiToken(token)) return { ok: false, reason: "malformed" };
  const [row] = await guilde.db
    .select({
      tokenId: apiTokens.id,
      scope: apiTokens.scope,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
      user: {
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        role: users.role,
        siteId: users.siteId,
        locale: users.locale,
        suspendedAt: users.suspendedAt,
        suspendedUntil: users.suspendedUntil,
        suspensionReason: users.suspensionReason,
        deactivatedAt: users.deactivatedAt,
      },
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, hashApiToken(token)));
  if (!row) return { ok: false, reason: "unknown" };
  if (row.revokedAt) return { ok: false, reason: "revoked" };
  const block = accountBlock(row.user);
  if (block) return { ok: false, reason: "blocked", block };

  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > lastUsedPrecisionMs) {
    await guilde.db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId));
  }
  const { id, email, displayName, role, siteId, locale } = row.user;
  return { ok: true, user: { id, email, displayName, role, siteId, locale }, token: { id: row.tokenId, scope: row.scope } };
}
