import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { barometerAnswers, barometerRespondents, type Community, type Site, type User } from "../../db/schema";
import { answerBarometer } from "../../server/barometers/answer-barometer";
import { barometerResults } from "../../server/barometers/barometer-results";
import { closeRound } from "../../server/barometers/close-round";
import { loadRound } from "../../server/barometers/access";
import { getRoundToAnswer } from "../../server/barometers/get-round";
import { roundsToAnswer } from "../../server/barometers/list-rounds";
import { openRound } from "../../server/barometers/open-round";
import { Conflict, Invalid, NotFound } from "../../server/errors";
import { can } from "../../server/policy";
import { admin, community, customer, employee, site } from "../support/factories";
import { useGuilde } from "../support/guilde";

const guilde = useGuilde();

const now = new Date("2026-12-01T09:00:00Z");

async function employeesRound(by: User, title = "December barometer") {
  return (await openRound(guilde, { viewer: by, input: { title, subject: "Guilde", audience: "employees" }, now })).roundId;
}

/** `scores` answered at `where`, each by a new employee of that site. */
async function answersAt(roundId: string, where: Site, scores: number[], comment?: string) {
  for (const score of scores) {
    const person = await employee(guilde, { site: where });
    await answerBarometer(guilde, { viewer: person, roundId, input: { score: String(score), comment }, now });
  }
}

const answerRows = (roundId: string) => guilde.db.select().from(barometerAnswers).where(eq(barometerAnswers.roundId, roundId));
const respondentRows = (roundId: string) => guilde.db.select().from(barometerRespondents).where(eq(barometerRespondents.roundId, roundId));

async function closedResults(ada: User, roundId: string) {
  await closeRound(guilde, { viewer: ada, roundId, now });
  return barometerResults(guilde, { viewer: ada, roundId, now });
}

describe("answering", () => {
  it("refuses a score outside 0–10 or missing with a field error, and writes nothing", async () => {
    const ada = await admin(guilde);
    const roundId = await employeesRound(ada);
    const lea = await employee(guilde);
    for (const score of ["11", "-1", "7.5", "", "ten", undefined]) {
      const refusal = await answerBarometer(guilde, { viewer: lea, roundId, input: { score, comment: "Great" }, now }).catch((error: unknown) => error);
      expect(refusal, String(score)).toBeInstanceOf(Invalid);
      expect(Object.keys((refusal as Invalid).fieldErrors)).toEqual(["score"]);
    }
    expect(await answerRows(roundId)).toEqual([]);
    expect(await respondentRows(roundId)).toEqual([]);
    await answerBarometer(guilde, { viewer: lea, roundId, input: { score: "10" }, now });
    expect(await answerRows(roundId)).toHaveLength(1);
  });

  it("takes one answer per person: a second one, even at the same moment, is refused and changes nothing", async () => {
    const ada = await admin(guilde);
    const roundId = await employeesRound(ada);
    const lea = await employee(guilde);
    const outcomes = await Promise.allSettled(
      [3, 9, 10].map((score) => answerBarometer(guilde, { viewer: lea, roundId, input: { score: String(score) }, now })),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    for (const outcome of outcomes.filter((each) => each.status === "rejected")) {
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(Conflict);
      expect(((outcome as PromiseRejectedResult).reason as Conflict).message).toBe("barometers.errors.alreadyAnswered");
    }
    expect(await answerRows(roundId)).toHaveLength(1);
    expect(await respondentRows(roundId)).toHaveLength(1);
    await expect(answerBarometer(guilde, { viewer: lea, roundId, input: { score: "4" }, now })).rejects.toThrow(Conflict);
    expect(await answerRows(roundId)).toHaveLength(1);
    expect((await getRoundToAnswer(guilde, { viewer: lea, roundId, now })).answered).toBe(true);
  });

  it("refuses answers to a closed round, whether closed by hand or past its last day", async () => {
    const ada = await admin(guilde);
    const lea = await employee(guilde);
    const closedByHand = await employeesRound(ada);
    await closeRound(guilde, { viewer: ada, roundId: closedByHand, now });
    await expect(answerBarometer(guilde, { viewer: lea, roundId: closedByHand, input: { score: "8" }, now })).rejects.toThrow("barometers.errors.closed");
    const { roundId: lapsed } = await openRound(guilde, { viewer: ada, input: { title: "Short one", subject: "Guilde", audience: "employees", closesOn: "2026-12-02" }, now });
    const afterItsLastDay = new Date("2026-12-03T00:00:01Z");
    await expect(answerBarometer(guilde, { viewer: lea, roundId: lapsed, input: { score: "8" }, now: afterItsLastDay })).rejects.toThrow(Conflict);
    expect([...(await answerRows(closedByHand)), ...(await answerRows(lapsed))]).toEqual([]);
    await expect(closeRound(guilde, { viewer: ada, roundId: closedByHand, now })).rejects.toThrow(Conflict);
  });

  it("a customers' round asks the active members of its open community only: others get 404", async () => {
    const ada = await admin(guilde);
    const kayak = await community(guilde, { visibility: "open" });
    const climbing = await community(guilde, { visibility: "open" });
    const { roundId } = await openRound(guilde, { viewer: ada, input: { title: "Kayak customers", subject: "our kayak advice", audience: "customers", communityId: kayak.id }, now });
    const anna = await customer(guilde, { invitedTo: kayak });
    const bob = await customer(guilde, { invitedTo: climbing });
    const lea = await employee(guilde);
    for (const refused of [bob, lea]) {
      await expect(answerBarometer(guilde, { viewer: refused, roundId, input: { score: "9" }, now })).rejects.toThrow(NotFound);
      await expect(getRoundToAnswer(guilde, { viewer: refused, roundId, now })).rejects.toThrow(NotFound);
    }
    // Nor does a customer answer the employees' rounds, or see them.
    const internal = await employeesRound(ada);
    await expect(answerBarometer(guilde, { viewer: anna, roundId: internal, input: { score: "9" }, now })).rejects.toThrow(NotFound);
    expect((await roundsToAnswer(guilde, { viewer: anna, now })).map((round) => round.id)).toEqual([roundId]);
    expect(await roundsToAnswer(guilde, { viewer: bob, now })).toEqual([]);
    await answerBarometer(guilde, { viewer: anna, roundId, input: { score: "9" }, now });
    expect(await answerRows(roundId)).toMatchObject([{ communityId: kayak.id, siteId: null, score: 9 }]);
    expect(await roundsToAnswer(guilde, { viewer: anna, now })).toEqual([]);
  });

  it("the home page invites each viewer to exactly the open rounds the policy lets them answer", async () => {
    const ada = await admin(guilde);
    const kayak = await community(guilde, { visibility: "open" });
    const climbing = await community(guilde, { visibility: "open" });
    const customersRound = (await openRound(guilde, { viewer: ada, input: { title: "Kayak customers", subject: "our advice", audience: "customers", communityId: kayak.id }, now })).roundId;
    const rounds = [customersRound, await employeesRound(ada)];
    const viewers = [ada, await employee(guilde), await customer(guilde, { invitedTo: kayak }), await customer(guilde, { invitedTo: climbing })];
    for (const viewer of viewers) {
      const allowed = [];
      for (const roundId of rounds) {
        const loaded = await loadRound(guilde.db, viewer, roundId, now);
        if (loaded && can(viewer, { action: "barometer.answer", round: loaded.access })) allowed.push(roundId);
      }
      const invited = (await roundsToAnswer(guilde, { viewer, now })).map((round) => round.id);
      expect(invited.toSorted(), viewer.displayName).toEqual(allowed.toSorted());
    }
  });

  it("opening a round checks its fields: a customers' round needs an open community", async () => {
    const ada = await admin(guilde);
    const internal = await community(guilde, { visibility: "internal" });
    await expect(openRound(guilde, { viewer: ada, input: { title: "Customers", subject: "us", audience: "customers" }, now })).rejects.toMatchObject({ fieldErrors: { communityId: ["barometers.errors.communityRequired"] } });
    await expect(openRound(guilde, { viewer: ada, input: { title: "Customers", subject: "us", audience: "customers", communityId: internal.id }, now })).rejects.toMatchObject({ fieldErrors: { communityId: ["barometers.errors.communityNotOpen"] } });
    await expect(openRound(guilde, { viewer: ada, input: { title: "Old", subject: "us", audience: "employees", closesOn: "2026-11-30" }, now })).rejects.toMatchObject({ fieldErrors: { closesOn: ["barometers.errors.closesInThePast"] } });
    await expect(openRound(guilde, { viewer: await employee(guilde), input: { title: "Mine", subject: "us", audience: "employees" }, now })).rejects.toThrow(NotFound);
  });
});

describe("results", () => {
  it("computes the recommendation score: 3 promoters, 1 passive, 1 detractor make 40", async () => {
    const ada = await admin(guilde);
    const lyon = await site(guilde, { name: "Lyon Part-Dieu" });
    const roundId = await employeesRound(ada);
    await answersAt(roundId, lyon, [9, 10, 10, 7, 6]);
    const { results } = await closedResults(ada, roundId);
    expect(results?.overall).toEqual({ answers: 5, score: 40, distribution: [0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 2] });
    expect(results?.groups).toMatchObject([{ name: "Lyon Part-Dieu", figures: { answers: 5, score: 40 } }]);
  });

  it("hides a site with 4 answers (no figure, no comment) and shows one with 5; the overall leaves the hidden one out", async () => {
    const ada = await admin(guilde);
    const lyon = await site(guilde, { name: "Lyon Part-Dieu" });
    const lille = await site(guilde, { name: "Lille Centre" });
    const roundId = await employeesRound(ada);
    await answersAt(roundId, lyon, [10, 10, 10, 10, 10], "The monitors answer fast");
    await answersAt(roundId, lille, [0, 0, 0, 0], "Nobody at Lille reads it");
    const { results } = await closedResults(ada, roundId);
    const byName = Object.fromEntries((results?.groups ?? []).map((group) => [group.name, group]));
    expect(byName["Lille Centre"]).toMatchObject({ figures: null, comments: [] });
    expect(byName["Lyon Part-Dieu"]).toMatchObject({ figures: { answers: 5, score: 100 } });
    expect(byName["Lyon Part-Dieu"].comments).toHaveLength(5);
    // Overall minus Lyon would be Lille: so Lille's answers are in no figure, and the overall says so.
    expect(results?.overall).toMatchObject({ answers: 5, score: 100 });
    expect(results?.leftOut).toBe(true);
    expect(results?.pooled).toBeNull();
    expect(JSON.stringify(results)).not.toContain("Nobody at Lille");
  });

  it("pools several small sites when together they reach the threshold, and counts them in the overall", async () => {
    const ada = await admin(guilde);
    const [lyon, lille, nantes] = [await site(guilde), await site(guilde), await site(guilde)];
    const roundId = await employeesRound(ada);
    await answersAt(roundId, lyon, [10, 10, 10, 10, 10]);
    await answersAt(roundId, lille, [0, 0, 0]);
    await answersAt(roundId, nantes, [8, 8]);
    const { results } = await closedResults(ada, roundId);
    expect(results?.groups.filter((group) => group.figures === null)).toHaveLength(2);
    expect(results?.pooled?.figures).toMatchObject({ answers: 5, score: -60 });
    expect(results?.overall).toMatchObject({ answers: 10, score: 20 });
    expect(results?.leftOut).toBe(false);
  });

  it("the threshold is configurable", async () => {
    const strict = { ...guilde, config: { ...guilde.config, barometerMinAnswers: 6 } };
    const ada = await admin(guilde);
    const roundId = await employeesRound(ada);
    await answersAt(roundId, await site(guilde), [9, 9, 9, 9, 9]);
    await closeRound(guilde, { viewer: ada, roundId, now });
    const { results, threshold } = await barometerResults(strict, { viewer: ada, roundId, now });
    expect(threshold).toBe(6);
    expect(results?.overall).toBeNull();
    expect(results?.groups[0].figures).toBeNull();
  });

  it("shows nothing but the number of answers while the round is open", async () => {
    const ada = await admin(guilde);
    const roundId = await employeesRound(ada);
    await answersAt(roundId, await site(guilde), [9, 9, 9, 9, 9, 9]);
    const page = await barometerResults(guilde, { viewer: ada, roundId, now });
    expect(page).toMatchObject({ answerCount: 6, results: null, trend: [] });
  });

  it("follows the score across rounds, per site", async () => {
    const ada = await admin(guilde);
    const lyon = await site(guilde, { name: "Lyon Part-Dieu" });
    const first = await employeesRound(ada, "November");
    await answersAt(first, lyon, [0, 0, 9, 9, 9]);
    await closeRound(guilde, { viewer: ada, roundId: first, now });
    const later = new Date(now.getTime() + 3600_000);
    const { roundId: second } = await openRound(guilde, { viewer: ada, input: { title: "December", subject: "Guilde", audience: "employees" }, now: later });
    for (const score of [10, 10, 10, 10, 8]) {
      await answerBarometer(guilde, { viewer: await employee(guilde, { site: lyon }), roundId: second, input: { score: String(score) }, now: later });
    }
    await closeRound(guilde, { viewer: ada, roundId: second, now: later });
    const { trend, groupNames } = await barometerResults(guilde, { viewer: ada, roundId: second, now: later });
    expect(trend.map((row) => [row.title, row.overall?.score, row.groups.find((group) => group.key === lyon.id)?.figures?.score])).toEqual([
      ["November", 20, 20],
      ["December", 80, 80],
    ]);
    expect(groupNames[lyon.id]).toBe("Lyon Part-Dieu");
  });

  it("never includes who answered", async () => {
    const ada = await admin(guilde);
    const lyon = await site(guilde);
    const roundId = await employeesRound(ada);
    const people: User[] = [];
    for (let n = 0; n < 5; n++) {
      const person = await employee(guilde, { site: lyon });
      people.push(person);
      await answerBarometer(guilde, { viewer: person, roundId, input: { score: "9", comment: `Comment ${n}` }, now });
    }
    const page = JSON.stringify(await closedResults(ada, roundId));
    for (const person of people) {
      expect(page).not.toContain(person.id);
      expect(page).not.toContain(person.displayName);
    }
    expect(Object.keys((await answerRows(roundId))[0]).sort()).toEqual(["comment", "communityId", "id", "roundId", "score", "siteId"]);
  });

  it("only administrators see results: others get 404", async () => {
    const ada = await admin(guilde);
    const kayak: Community = await community(guilde, { visibility: "open" });
    const roundId = await employeesRound(ada);
    await closeRound(guilde, { viewer: ada, roundId, now });
    for (const viewer of [await employee(guilde), await customer(guilde, { invitedTo: kayak }), null]) {
      await expect(barometerResults(guilde, { viewer, roundId, now })).rejects.toThrow(NotFound);
    }
  });
});
