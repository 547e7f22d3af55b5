import type { User } from "../../db/schema";
import { Forbidden } from "../errors";

/** Why an account may not be used right now. */
export type AccountBlock = { kind: "deactivated" } | { kind: "suspended"; until: Date | null; reason: string | null };

type AccountState = Pick<User, "suspendedAt" | "suspendedUntil" | "suspensionReason" | "deactivatedAt">;

/** Null while the account may sign in; a suspension with an end date lapses by itself. */
export function accountBlock(account: AccountState, now = new Date()): AccountBlock | null {
  if (account.deactivatedAt) return { kind: "deactivated" };
  if (account.suspendedAt && (account.suspendedUntil === null || account.suspendedUntil > now)) {
    return { kind: "suspended", until: account.suspendedUntil, reason: account.suspensionReason };
  }
  return null;
}

/** Sign-in refused to a suspended or deactivated account: the form says why, and until when. */
export class AccountBlocked extends Forbidden {
  constructor(readonly block: AccountBlock) {
    super(block.kind === "deactivated" ? "errors.accountDeactivated" : block.until ? "errors.accountSuspendedUntil" : "errors.accountSuspended");
  }
}
