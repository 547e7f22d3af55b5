import { and, count, desc, eq, isNull, lte, or, gt, notExists, sql } from "drizzle-orm";
import { barometerAnswers, barometerRespondents, barometerRounds, communities } from "../../db/schema";
import type { Guilde } from "../context";
import { ensureCan, type SignedInViewer, type Viewer } from "../policy";
import { roundsAskingViewer } from "../policy/scopes";
import { isOpen } from "./access";

/** The latest rounds an administrator manages, with how many answered each. */
const listedRounds = 50;

export async function listRounds(guilde: Guilde, { viewer, now = new Date() }: { viewer: Viewer; now?: Date }) {
  ensureCan(viewer, { action: "barometer.manage" }, "hide");
  const answers = guilde.db
    .select({ roundId: barometerAnswers.roundId, answers: count().as("answers") })
    .from(barometerAnswers)
    .groupBy(barometerAnswers.roundId)
    .as("answer_counts");
  const rows = await guilde.db
    .select({ round: barometerRounds, communityName: communities.name, answers: answers.answers })
    .from(barometerRounds)
    .leftJoin(communities, eq(communities.id, barometerRounds.communityId))
    .leftJoin(answers, eq(answers.roundId, barometerRounds.id))
    .orderBy(desc(barometerRounds.opensAt), desc(barometerRounds.id))
    .limit(listedRounds);
  const openCommunities = await guilde.db
    .select({ id: communities.id, name: communities.name })
    .from(communities)
    .where(and(eq(communities.visibility, "open"), isNull(communities.archivedAt)))
    .orderBy(communities.name);
  return {
    rounds: rows.map(({ round, communityName, answers: answered }) => ({
      id: round.id,
      title: round.title,
      subject: round.subject,
      audience: round.audience,
      communityName,
      opensAt: round.opensAt,
      closesAt: round.closesAt,
      open: isOpen(round, now),
      answers: Number(answered ?? 0),
    })),
    openCommunities,
  };
}

/**
 * The open rounds that ask the viewer and they have not answered yet: the invitation on their home page.
 * `barometer.answer` as SQL: a round that asks them, and is open.
 */
export async function roundsToAnswer(guilde: Guilde, { viewer, now = new Date() }: { viewer: SignedInViewer; now?: Date }) {
  return guilde.db
    .select({ id: barometerRounds.id, title: barometerRounds.title, subject: barometerRounds.subject })
    .from(barometerRounds)
    .where(
      and(
        roundsAskingViewer(viewer),
        lte(barometerRounds.opensAt, now),
        isNull(barometerRounds.closedAt),
        or(isNull(barometerRounds.closesAt), gt(barometerRounds.closesAt, now)),
        notExists(
          guilde.db
            .select({ one: sql`1` })
            .from(barometerRespondents)
            .where(and(eq(barometerRespondents.roundId, barometerRounds.id), eq(barometerRespondents.userId, viewer.id))),
        ),
      ),
    )
    .orderBy(desc(barometerRounds.opensAt))
    .limit(5);
}
