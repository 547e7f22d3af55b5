import { and, eq } from "drizzle-orm";
import { barometerRespondents } from "../../db/schema";
import type { Guilde } from "../context";
import type { Viewer } from "../policy";
import { roundFor } from "./access";

/** A round as the person it asks sees it: the question, whether it still takes answers, whether they answered. */
export async function getRoundToAnswer(guilde: Guilde, { viewer, roundId, now = new Date() }: { viewer: Viewer; roundId: string; now?: Date }) {
  const { round, access } = await roundFor(guilde.db, viewer, roundId, { now, action: "barometer.view" });
  const [mine] = await guilde.db
    .select({ roundId: barometerRespondents.roundId })
    .from(barometerRespondents)
    .where(and(eq(barometerRespondents.roundId, roundId), eq(barometerRespondents.userId, viewer?.id ?? "")));
  return { round: { id: round.id, title: round.title, subject: round.subject, closesAt: round.closesAt }, open: access.open, answered: Boolean(mine) };
}
