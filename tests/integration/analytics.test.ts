import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { posts, replies, tutorials, tutorialViews, type Site } from "../../db/schema";
import { exportAnalyticsCsv } from "../../server/analytics/export-analytics-csv";
import { getAnalytics } from "../../server/analytics/get-analytics";
import { answerBarometer } from "../../server/barometers/answer-barometer";
import { closeRound } from "../../server/barometers/close-round";
import { openRound } from "../../server/barometers/open-round";
import { Invalid, NotFound } from "../../server/errors";
import { acceptAnswer } from "../../server/questions/accept-answer";
import { vote } from "../../server/questions/vote";
import { peopleHelped } from "../../server/recognition/people-helped";
import { getTutorial } from "../../server/tutorials/get-tutorial";
import { markHelped } from "../../server/tutorials/mark-helped";
import { recordTutorialView } from "../../server/tutorials/record-tutorial-view";
import { writeTutorial } from "../../server/tutorials/write-tutorial";
import { admin, answer, community, customer, employee, membership, question, site } from "../support/factories";
import { useGuilde } from "../support/guilde";

const guilde = useGuilde();
const hours = (n: number) => n * 3_600_000;
const asked = new Date("2026-03-02T09:00:00Z");

/** Three questions at Lyon on fixed dates: answered from Lille after 2 h and 10 h (the first accepted), one never. */
async function dataSet() {
  const lyon = await site(guilde, { name: "Lyon" });
  const lille = await site(guilde, { name: "Lille" });
  const bikes = await community(guilde, { slug: "bikes", name: "Bikes" });
  const asker = await employee(guilde, { site: lyon });
  const monitor = await employee(guilde, { site: lille });
  const moderator = await employee(guilde, { site: lyon });
  await membership(guilde, bikes, asker);
  await membership(guilde, bikes, monitor, "monitor");
  await membership(guilde, bikes, moderator, "moderator");
  const questions = [];
  for (const [index, delay] of [2, 10, null].entries()) {
    const q = await question(guilde, { in: bikes, by: asker });
    const at = new Date(asked.getTime() + index * hours(1));
    await guilde.db.update(posts).set({ createdAt: at }).where(eq(posts.id, q.id));
    if (delay !== null) {
      const a = await answer(guilde, { to: q, by: monitor });
      await guilde.db.update(replies).set({ createdAt: new Date(at.getTime() + hours(delay)) }).where(eq(replies.id, a.id));
      if (index === 0) await acceptAnswer(guilde, { viewer: asker, questionId: q.id, answerId: a.id });
    }
    questions.push(q);
  }
  return { lyon, lille, bikes, asker, monitor, moderator, questions };
}

const range = { from: "2026-03-01", to: "2026-03-31" };

describe("analytics", () => {
  it("computes response times, cross-site share, the site matrix, the unanswered backlog and monitors' reach from the rows", async () => {
    const { lyon, lille, moderator, monitor } = await dataSet();
    const report = await getAnalytics(guilde, { viewer: moderator, communitySlug: "bikes", input: range });
    expect(report.responseTimes.overall).toMatchObject({ questions: 3, answered: 2, accepted: 1, crossSite: 2 });
    expect(report.responseTimes.overall.firstAnswerMedianHours).toBeCloseTo(6);
    expect(report.responseTimes.overall.firstAnswerP90Hours).toBeCloseTo(9.2);
    expect(report.responseTimes.overall.acceptedMedianHours).toBeCloseTo(2);
    expect(report.responseTimes.bySite).toEqual([expect.objectContaining({ key: lyon.id, questions: 3 })]);
    expect(report.responseTimes.byWeek.map((row) => row.key)).toEqual(["2026-03-02"]);
    expect(report.matrix).toEqual([{ answererSiteId: lille.id, askerSiteId: lyon.id, answers: 2, accepted: 1 }]);
    expect(report.unanswered.total).toBe(1);
    expect(report.monitors).toEqual([expect.objectContaining({ userId: monitor.id, answers: 2, accepted: 1, peopleHelped: 1, sitesHelped: 1 })]);
    expect(report.ideas.stages[0]).toMatchObject({ stage: "proposed", reached: 0 });
    expect(report.tutorials).toMatchObject({ published: 0, helpedInRange: 0 });
  });

  it("counts the people a monitor helped as the profile does: askers of their accepted or upvoted answers, at the askers' sites", async () => {
    const [lyon, paris, nantes] = [await site(guilde, { name: "Lyon" }), await site(guilde, { name: "Paris" }), await site(guilde, { name: "Nantes" })];
    const bikes = await community(guilde, { slug: "bikes" });
    const monitor = await employee(guilde);
    const moderator = await employee(guilde);
    await membership(guilde, bikes, monitor, "monitor");
    await membership(guilde, bikes, moderator, "moderator");
    const answerFor = async (asker: Awaited<ReturnType<typeof employee>>) => {
      await membership(guilde, bikes, asker);
      const asked = await question(guilde, { in: bikes, by: asker });
      return { asker, asked, reply: await answer(guilde, { to: asked, by: monitor }) };
    };
    const accepted = await answerFor(await employee(guilde, { site: lyon }));
    const upvoted = await answerFor(await employee(guilde, { site: paris }));
    await answerFor(await employee(guilde, { site: nantes }));
    await acceptAnswer(guilde, { viewer: accepted.asker, questionId: accepted.asked.id, answerId: accepted.reply.id });
    await vote(guilde, { viewer: moderator, targetId: upvoted.reply.id, input: { value: 1 } });

    const today = new Date().toISOString().slice(0, 10);
    const report = await getAnalytics(guilde, { viewer: moderator, communitySlug: "bikes", input: { from: today, to: today } });
    expect(report.monitors).toEqual([expect.objectContaining({ userId: monitor.id, answers: 3, accepted: 1, peopleHelped: 2, sitesHelped: 2 })]);
    expect(await peopleHelped(guilde.db, { helperId: monitor.id })).toEqual({ people: 2, sites: 2 });
  });

  it("refuses an end before the start, and anyone who does not moderate the community", async () => {
    const { bikes, asker } = await dataSet();
    const boss = await admin(guilde);
    await expect(getAnalytics(guilde, { viewer: boss, communitySlug: null, input: { from: "2026-03-10", to: "2026-03-01" } })).rejects.toMatchObject({
      fieldErrors: { to: ["errors.rangeEndBeforeStart"] },
    });
    await expect(getAnalytics(guilde, { viewer: boss, communitySlug: null, input: { from: "2026-03-10", to: "2026-03-01" } })).rejects.toBeInstanceOf(Invalid);
    await expect(getAnalytics(guilde, { viewer: asker, communitySlug: "bikes", input: range })).rejects.toBeInstanceOf(NotFound);
    await expect(getAnalytics(guilde, { viewer: asker, communitySlug: null, input: range })).rejects.toBeInstanceOf(NotFound);
    const guest = await customer(guilde, { invitedTo: bikes });
    await expect(getAnalytics(guilde, { viewer: guest, communitySlug: "bikes", input: range })).rejects.toBeInstanceOf(NotFound);
    const other = await community(guilde, { slug: "climbing" });
    const elsewhere = await employee(guilde);
    await membership(guilde, other, elsewhere, "moderator");
    await expect(getAnalytics(guilde, { viewer: elsewhere, communitySlug: "bikes", input: range })).rejects.toBeInstanceOf(NotFound);
    expect((await getAnalytics(guilde, { viewer: boss, communitySlug: null, input: range })).responseTimes.overall.questions).toBe(3);
  });

  it("counts a tutorial's readings once per reader and day, never its author's nor a draft's, and reports those of the range", async () => {
    const bikes = await community(guilde, { slug: "bikes" });
    const [author, moderator, lea, paul] = [await employee(guilde), await employee(guilde), await employee(guilde), await employee(guilde)];
    await membership(guilde, bikes, author, "monitor");
    await membership(guilde, bikes, moderator, "moderator");
    const write = (title: string, publish: boolean) =>
      writeTutorial(guilde, { viewer: author, communityId: bikes.id, input: { title, summary: "Twenty minutes, one tool, no spongy lever.", body: "1. Remove the wheel.", tags: "brakes", difficulty: "beginner", minutes: "20" }, publish });
    const { tutorialId } = await write("Bleed a disc brake", true);
    const { tutorialId: draftId } = await write("Tune a derailleur", false);
    const read = async (viewer: typeof lea, id: string, day: string) =>
      recordTutorialView(guilde, { viewer, tutorial: (await getTutorial(guilde, { viewer, tutorialId: id })).tutorial, now: new Date(`${day}T10:00:00Z`) });

    await read(lea, tutorialId, "2026-03-05");
    await read(lea, tutorialId, "2026-03-05");
    await Promise.all([read(paul, tutorialId, "2026-03-05"), read(paul, tutorialId, "2026-03-05")]);
    await read(lea, tutorialId, "2026-03-06");
    await read(lea, tutorialId, "2026-04-02");
    await read(author, tutorialId, "2026-03-05");
    await read(author, draftId, "2026-03-05");
    await markHelped(guilde, { viewer: lea, tutorialId, input: { helped: "true" } });

    expect(await guilde.db.select().from(tutorialViews).where(eq(tutorialViews.tutorialId, draftId))).toEqual([]);
    const [{ viewCount }] = await guilde.db.select({ viewCount: tutorials.viewCount }).from(tutorials).where(eq(tutorials.postId, tutorialId));
    expect(viewCount).toBe(4);
    expect((await getTutorial(guilde, { viewer: paul, tutorialId })).tutorial.viewCount).toBe(4);

    const march = await getAnalytics(guilde, { viewer: moderator, communitySlug: "bikes", input: range });
    expect(march.tutorials).toMatchObject({ published: 1, viewsInRange: 3 });
    expect(march.tutorials.top).toEqual([expect.objectContaining({ id: tutorialId, viewsInRange: 3, helpedTotal: 1 })]);
    const csv = await exportAnalyticsCsv(guilde, { viewer: moderator, communitySlug: "bikes", figure: "tutorials", input: range });
    expect(csv.content.split("\r\n")[0]).toBe("tutorial_id,title,views_in_range,helped_in_range,helped_total");
    expect(csv.content).toContain(`${tutorialId},Bleed a disc brake,3,0,1`);
  });

  describe("barometer trend", () => {
    const opened = new Date("2026-03-02T09:00:00Z");

    /** An employees' round opened on `day`, answered at each site with the scores given, then closed. */
    async function closedRound(by: Awaited<ReturnType<typeof admin>>, title: string, day: string, scoresBySite: [Site, number[]][]) {
      const at = new Date(`${day}T09:00:00Z`);
      const { roundId } = await openRound(guilde, { viewer: by, input: { title, subject: "Guilde", audience: "employees" }, now: at });
      for (const [where, scores] of scoresBySite)
        for (const score of scores) await answerBarometer(guilde, { viewer: await employee(guilde, { site: where }), roundId, input: { score: String(score) }, now: at });
      await closeRound(guilde, { viewer: by, roundId, now: at });
      return roundId;
    }

    it("shows administrators the score per site across the closed rounds of the range, with no figure for a site under the threshold", async () => {
      const boss = await admin(guilde, { site: await site(guilde, { name: "Siège" }) });
      const [lyon, lille, nantes] = [await site(guilde, { name: "Lyon" }), await site(guilde, { name: "Lille" }), await site(guilde, { name: "Nantes" })];
      const first = await closedRound(boss, "March", "2026-03-03", [
        [lyon, [10, 10, 9, 9, 3]],
        [lille, [8, 8, 8, 8, 8]],
        [nantes, [0, 10]],
      ]);
      const second = await closedRound(boss, "Late March", "2026-03-20", [
        [lyon, [10, 10, 10, 10, 10]],
        [lille, [2, 10, 10, 10, 10]],
      ]);
      await closedRound(boss, "April", "2026-04-02", [[lyon, [10, 10, 10, 10, 10]]]);
      await openRound(guilde, { viewer: boss, input: { title: "Still open", subject: "Guilde", audience: "employees" }, now: opened });

      const report = await getAnalytics(guilde, { viewer: boss, communitySlug: null, input: range, now: new Date("2026-04-10T09:00:00Z") });
      expect(report.barometers?.threshold).toBe(5);
      expect(report.barometers?.rounds.map((round) => [round.id, round.title, round.opensOn])).toEqual([
        [first, "March", "2026-03-03"],
        [second, "Late March", "2026-03-20"],
      ]);
      const [march, late] = report.barometers!.rounds;
      // Lyon: 4 promoters, 1 detractor of 5 → 60. Lille: all passives → 0. Nantes answered twice: no figure, and left out of the overall.
      expect(march.sites).toEqual(
        expect.arrayContaining([
          { siteId: lyon.id, figures: expect.objectContaining({ answers: 5, score: 60 }) },
          { siteId: lille.id, figures: expect.objectContaining({ answers: 5, score: 0 }) },
          { siteId: nantes.id, figures: null },
        ]),
      );
      expect(march.overall).toMatchObject({ answers: 10, score: 30 });
      expect(late.sites).toEqual(expect.arrayContaining([{ siteId: lille.id, figures: expect.objectContaining({ answers: 5, score: 60 }) }]));
      expect(late.overall).toMatchObject({ answers: 10, score: 80 });

      const atLille = await getAnalytics(guilde, { viewer: boss, communitySlug: null, input: { ...range, site: lille.id }, now: new Date("2026-04-10T09:00:00Z") });
      expect(atLille.barometers?.rounds.map((round) => round.sites)).toEqual([
        [{ siteId: lille.id, figures: expect.objectContaining({ score: 0 }) }],
        [{ siteId: lille.id, figures: expect.objectContaining({ score: 60 }) }],
      ]);
      const csv = await exportAnalyticsCsv(guilde, { viewer: boss, communitySlug: null, figure: "barometer", input: range, now: new Date("2026-04-10T09:00:00Z") });
      expect(csv.content.split("\r\n")).toEqual(
        expect.arrayContaining(["round,opened_on,site,answers,recommendation_score", "March,2026-03-03,(all sites),10,30", "March,2026-03-03,Lyon,5,60", "March,2026-03-03,Nantes,,"]),
      );
    });

    it("is left off one community's page and for moderators, and its CSV does not exist for them", async () => {
      const { moderator } = await dataSet();
      const boss = await admin(guilde);
      await closedRound(boss, "March", "2026-03-03", [[await site(guilde, { name: "Paris" }), [10, 10, 10, 10, 10]]]);
      expect((await getAnalytics(guilde, { viewer: moderator, communitySlug: "bikes", input: range })).barometers).toBeNull();
      expect((await getAnalytics(guilde, { viewer: boss, communitySlug: "bikes", input: range })).barometers).toBeNull();
      expect((await getAnalytics(guilde, { viewer: boss, communitySlug: null, input: { ...range, community: "bikes" } })).barometers).toBeNull();
      await expect(exportAnalyticsCsv(guilde, { viewer: moderator, communitySlug: "bikes", figure: "barometer", input: range })).rejects.toBeInstanceOf(NotFound);
      expect((await getAnalytics(guilde, { viewer: boss, communitySlug: null, input: range })).barometers?.rounds).toHaveLength(1);
    });
  });
});
