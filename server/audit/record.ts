import type { Transaction } from "../../db/client";
import { newId } from "../../db/ids";
import { auditLog } from "../../db/schema";

export const auditTargetKinds = ["community", "member", "question", "answer", "comment", "site", "user", "invitation", "tutorial", "idea", "barometer"] as const;
export type AuditTargetKind = (typeof auditTargetKinds)[number];

export interface AuditEntry {
  actorId: string;
  action: string;
  targetKind: AuditTargetKind;
  targetId: string;
  communityId?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** Records a moderation or administration action, inside the transaction that performs it. */
export async function recordAudit(tx: Transaction, entry: AuditEntry): Promise<void> {
  // The time in milliseconds, as the log's keyset cursor carries it (the database's default has microseconds).
  await tx.insert(auditLog).values({ id: newId(), ...entry, details: entry.details ?? {}, createdAt: new Date() });
}
