import { and, count, eq, isNull } from "drizzle-orm";
import { newId } from "../../db/ids";
import { apiTokens, type ApiTokenScope } from "../../db/schema";
import type { Guilde } from "../context";
import { write } from "../events";
import { Conflict, NotFound } from "../errors";
import { can, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { apiTokenSchema, type ApiTokenInput } from "./schemas";
import { newApiToken } from "./tokens";

/** Enough for every script and integration a person runs; past it, old tokens should be revoked. */
export const maxActiveTokens = 20;

/**
 * Someone creates a personal access token for the API. The token itself is returned this once: only
 * its hash is stored, so it can never be shown again.
 */
export async function createApiToken(
  guilde: Guilde,
  { viewer, input }: { viewer: Viewer; input: Untrusted<ApiTokenInput> },
): Promise<{ tokenId: string; token: string; name: string; scope: ApiTokenScope }> {
  if (!viewer || !can(viewer, { action: "apiToken.manage", ownerId: viewer.id })) throw new NotFound();
  const data = parseInput(apiTokenSchema, input);
  const { token, tokenHash } = newApiToken();
  return write(guilde, async (tx) => {
    const [{ active }] = await tx
      .select({ active: count() })
      .from(apiTokens)
      .where(and(eq(apiTokens.userId, viewer.id), isNull(apiTokens.revokedAt)));
    if (active >= maxActiveTokens) throw new Conflict("errors.tooManyApiTokens", { name: ["errors.tooManyApiTokens"] });
    const tokenId = newId();
    await tx.insert(apiTokens).values({ id: tokenId, userId: viewer.id, name: data.name, scope: data.scope, tokenHash });
    return { tokenId, token, name: data.name, scope: data.scope };
  });
}
