import type { Transaction } from "../../db/client";
import { newId } from "../../db/ids";
import { auditLog } from "../../db/schema";

export interface AuditEntry {
  actorId: string;
  action: string;
  targetKind: "community" | "member" | "question" | "answer" | "comment" | "site" | "user";
  targetId: string;
  communityId?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** Records a moderation or administration action, inside the transaction that performs it. */
export async function recordAudit(tx: Transaction, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({ id: newId(), ...entry, details: entry.details ?? {} });
}
