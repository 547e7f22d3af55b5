import { eq } from "drizzle-orm";
import { apiTokens } from "../../db/schema";
import type { Guilde } from "../context";
import { write } from "../events";
import { NotFound } from "../errors";
import { can, type Viewer } from "../policy";

/** The owner revokes a token: the next API request made with it is refused. Revoking twice changes nothing. */
export async function revokeApiToken(guilde: Guilde, { viewer, tokenId }: { viewer: Viewer; tokenId: string }): Promise<void> {
  await write(guilde, async (tx) => {
    const [token] = await tx
      .select({ userId: apiTokens.userId, revokedAt: apiTokens.revokedAt })
      .from(apiTokens)
      .where(eq(apiTokens.id, tokenId.slice(0, 64)))
      .for("update");
    // Someone else's token is not theirs to know of.
    if (!token || !can(viewer, { action: "apiToken.manage", ownerId: token.userId })) throw new NotFound();
    if (!token.revokedAt) await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, tokenId));
  });
}
