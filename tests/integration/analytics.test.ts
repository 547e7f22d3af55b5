import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { posts, replies } from "../../db/schema";
import { getAnalytics } from "../../server/analytics/get-analytics";
import { Invalid, NotFound } from "../../server/errors";
import { acceptAnswer } from "../../server/questions/accept-answer";
import { vote } from "../../server/questions/vote";
import { peopleHelped } from "../../server/recognition/people-helped";
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
});
