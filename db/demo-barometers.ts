import { answerBarometer } from "../server/barometers/answer-barometer";
import { closeRound } from "../server/barometers/close-round";
import { openRound } from "../server/barometers/open-round";
import type { Guilde } from "../server/context";
import type { User } from "./schema";

const dayMs = 24 * 60 * 60 * 1000;

/** Each demo employee's answer to last month's barometer, by handle. */
const demoAnswers: { handle: string; score: number; comment?: string }[] = [
  { handle: "hugo.martin", score: 9, comment: "Les questions de Lyon arrivent chez nous en quelques minutes." },
  { handle: "lea.dubois", score: 10, comment: "J'ai eu ma réponse sur les freins en une heure, depuis Lille." },
  { handle: "karim.benali", score: 8 },
  { handle: "sophie.moreau", score: 7, comment: "Good, but I would like more video tutorials." },
  { handle: "thomas.petit", score: 9 },
  { handle: "emma.roux", score: 6, comment: "Hard to find the logistics questions among the others." },
  { handle: "lucas.garnier", score: 10 },
];

/**
 * A closed employees' barometer round from last month, answered by the demo's employees through the
 * real services, so that its results page and the analytics trend show something. With one or two
 * answers per site, no site reaches the privacy threshold: only the pool of all sites is shown.
 */
export async function seedDemoBarometers(guilde: Guilde, { admin, person }: { admin: User; person: (handle: string) => User }): Promise<void> {
  const opened = new Date(Date.now() - 30 * dayMs);
  const { roundId } = await openRound(guilde, {
    viewer: admin,
    input: { title: "Baromètre Guilde", subject: "Guilde", audience: "employees" },
    now: opened,
  });
  for (const { handle, score, comment } of demoAnswers) {
    await answerBarometer(guilde, { viewer: person(handle), roundId, input: { score: String(score), comment }, now: new Date(opened.getTime() + dayMs) });
  }
  await closeRound(guilde, { viewer: admin, roundId, now: new Date(opened.getTime() + 14 * dayMs) });
}
