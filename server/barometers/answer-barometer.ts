import { eq } from "drizzle-orm";
import { newId } from "../../db/ids";
import { barometerAnswers, barometerRespondents, users } from "../../db/schema";
import type { Guilde } from "../context";
import { write } from "../events";
import { Conflict } from "../errors";
import { ensureCan, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { roundFor } from "./access";
import { answerSchema, type AnswerInput } from "./schemas";

/**
 * Someone the round asks answers it, once. The answer is stored without its author (docs/decisions/019):
 * who answered goes to `barometer_respondents`, whose primary key refuses a second answer in the same
 * transaction, so two submissions at once leave exactly one answer.
 */
export async function answerBarometer(
  guilde: Guilde,
  { viewer, roundId, input, now = new Date() }: { viewer: Viewer; roundId: string; input: Untrusted<AnswerInput>; now?: Date },
): Promise<void> {
  const answer = parseInput(answerSchema, input);
  await write(guilde, async (tx) => {
    const { round, access } = await roundFor(tx, viewer, roundId, { now, action: "barometer.view" });
    if (!access.open) throw new Conflict("barometers.errors.closed");
    ensureCan(viewer, { action: "barometer.answer", round: access });
    const inserted = await tx
      .insert(barometerRespondents)
      .values({ roundId, userId: viewer.id })
      .onConflictDoNothing()
      .returning({ roundId: barometerRespondents.roundId });
    if (inserted.length === 0) throw new Conflict("barometers.errors.alreadyAnswered");
    // The site the person works at now, not the one their session started with.
    const [person] = await tx.select({ siteId: users.siteId }).from(users).where(eq(users.id, viewer.id));
    await tx.insert(barometerAnswers).values({
      id: newId(),
      roundId,
      siteId: round.audience === "employees" ? (person?.siteId ?? null) : null,
      communityId: round.communityId,
      score: answer.score,
      comment: answer.comment,
    });
  });
}
