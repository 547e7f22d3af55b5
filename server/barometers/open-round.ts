import { and, eq } from "drizzle-orm";
import { newId } from "../../db/ids";
import { barometerRounds, communities } from "../../db/schema";
import { recordAudit } from "../audit/record";
import type { Guilde } from "../context";
import { write } from "../events";
import { Invalid } from "../errors";
import { ensureCan, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { openRoundSchema, type OpenRoundInput } from "./schemas";

/**
 * An administrator opens a barometer round, from now on: for the employees, or for the customers of an
 * open community. The people it asks find it on their home page (see list-rounds-to-answer.ts).
 */
export async function openRound(
  guilde: Guilde,
  { viewer, input, now = new Date() }: { viewer: Viewer; input: Untrusted<OpenRoundInput>; now?: Date },
): Promise<{ roundId: string }> {
  ensureCan(viewer, { action: "barometer.manage" }, "hide");
  const details = parseInput(openRoundSchema(now), input);
  return write(guilde, async (tx) => {
    if (details.communityId) {
      const [community] = await tx
        .select({ id: communities.id })
        .from(communities)
        .where(and(eq(communities.id, details.communityId), eq(communities.visibility, "open")));
      // Customers belong to open communities only, and an archived one takes no new activity.
      if (!community) throw new Invalid({ communityId: ["barometers.errors.communityNotOpen"] });
    }
    const roundId = newId();
    await tx.insert(barometerRounds).values({ id: roundId, ...details, opensAt: now, createdById: viewer.id });
    await recordAudit(tx, { actorId: viewer.id, action: "barometer.open", targetKind: "barometer", targetId: roundId, communityId: details.communityId });
    return { roundId };
  });
}
