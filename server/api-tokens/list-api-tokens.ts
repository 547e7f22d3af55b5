import { desc, eq } from "drizzle-orm";
import { apiTokens, type ApiTokenScope } from "../../db/schema";
import type { Guilde } from "../context";
import { NotFound } from "../errors";
import { can, type Viewer } from "../policy";
import { maxActiveTokens } from "./create-api-token";

export interface ApiTokenSummary {
  id: string;
  name: string;
  scope: ApiTokenScope;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** The viewer's own tokens, newest first, revoked ones included (bounded: a few past the active limit). */
export async function listApiTokens(guilde: Guilde, { viewer }: { viewer: Viewer }): Promise<ApiTokenSummary[]> {
  if (!viewer || !can(viewer, { action: "apiToken.manage", ownerId: viewer.id })) throw new NotFound();
  return guilde.db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scope: apiTokens.scope,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, viewer.id))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(maxActiveTokens * 3);
}
