import { eq } from "drizzle-orm";
import { barometerRounds } from "../../db/schema";
import { recordAudit } from "../audit/record";
import type { Guilde } from "../context";
import { write } from "../events";
import { Conflict, NotFound } from "../errors";
import { ensureCan, type Viewer } from "../policy";
import { isOpen } from "./access";

/** An administrator closes a round before its closing day: it takes no more answers, and its results show. */
export async function closeRound(guilde: Guilde, { viewer, roundId, now = new Date() }: { viewer: Viewer; roundId: string; now?: Date }): Promise<void> {
  ensureCan(viewer, { action: "barometer.manage" }, "hide");
  await write(guilde, async (tx) => {
    const [round] = await tx.select().from(barometerRounds).where(eq(barometerRounds.id, roundId)).for("update");
    if (!round) throw new NotFound();
    if (!isOpen(round, now)) throw new Conflict("barometers.errors.alreadyClosed");
    await tx.update(barometerRounds).set({ closedAt: now }).where(eq(barometerRounds.id, roundId));
    await recordAudit(tx, { actorId: viewer.id, action: "barometer.close", targetKind: "barometer", targetId: roundId, communityId: round.communityId });
  });
}
