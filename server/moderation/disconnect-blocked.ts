import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { accountBlock } from "../auth/account-status";
import type { Guilde } from "../context";

/**
 * Disconnects, on every node, the sockets of an account that was just suspended or deactivated (its
 * sessions ended with the change, so its browser cannot connect again). Answers the unsubscriber.
 */
export function disconnectBlockedAccounts(guilde: Guilde, realtime: { disconnectUser(userId: string): void }): () => void {
  return guilde.events.subscribe(async (event) => {
    if (event.type !== "person.changed") return;
    const [account] = await guilde.db
      .select({
        suspendedAt: users.suspendedAt,
        suspendedUntil: users.suspendedUntil,
        suspensionReason: users.suspensionReason,
        deactivatedAt: users.deactivatedAt,
      })
      .from(users)
      .where(eq(users.id, event.userId));
    if (account && accountBlock(account)) realtime.disconnectUser(event.userId);
  });
}
