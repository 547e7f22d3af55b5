import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { communityMembers, notifications, questionRoutingRecipients, questionRoutingSteps, type Community, type Post, type User } from "../../db/schema";
import { Forbidden, NotFound } from "../../server/errors";
import { homeFeed } from "../../server/questions/list-questions";
import { closeQuestion } from "../../server/questions/moderate-question";
import { vote } from "../../server/questions/vote";
import { declineQuestion } from "../../server/routing/decline-question";
import { escalateDueQuestions, startRoutingWorker } from "../../server/routing/escalate-questions";
import { getRouting } from "../../server/routing/get-routing";
import { listUnansweredForMe } from "../../server/routing/list-unanswered-for-me";
import { answer, community, customer, employee, membership, question, site } from "../support/factories";
import { useGuilde } from "../support/guilde";

// Two matching monitors at most in the first wave, so that who comes first shows.
const guilde = useGuilde({ ROUTING_FIRST_WAVE_SIZE: "2", ROUTING_ESCALATION_MINUTES: "120" });

const minutes = (count: number) => count * 60_000;
const later = (delay: number) => new Date(Date.now() + delay);

/**
 * Léa asks from Lyon in Cycling repair. Monitors: Lucas at Lyon and Karim at Lille declared brakes
 * ("freins"); Sophie at Bordeaux declared nothing but had an answer upvoted on a brake question; Thomas
 * at Nantes knows wheels. Hugo and Emma moderate; Colleague is a plain member.
 */
async function cyclingRepair({ visibility = "internal" }: { visibility?: Community["visibility"] } = {}) {
  const [lyon, lille, bordeaux, nantes] = await Promise.all(["Lyon", "Lille", "Bordeaux", "Nantes"].map((city) => site(guilde, { name: `Store ${city}`, city })));
  const cycling = await community(guilde, { name: "Cycling repair", visibility });
  const lea = await employee(guilde, { site: lyon, displayName: "Léa" });
  const lucas = await employee(guilde, { site: lyon, displayName: "Lucas" });
  const karim = await employee(guilde, { site: lille, displayName: "Karim" });
  const sophie = await employee(guilde, { site: bordeaux, displayName: "Sophie" });
  const thomas = await employee(guilde, { site: nantes, displayName: "Thomas" });
  const hugo = await employee(guilde, { site: lille, displayName: "Hugo" });
  const emma = await employee(guilde, { site: nantes, displayName: "Emma" });
  const colleague = await employee(guilde, { site: lyon, displayName: "Colleague" });
  await membership(guilde, cycling, lea);
  await membership(guilde, cycling, colleague);
  await membership(guilde, cycling, sophie);
  // Sophie earns her expertise before becoming a monitor: an upvoted answer on a brake question.
  const earlier = await question(guilde, { in: cycling, by: colleague, tags: ["freins"] });
  const sophiesAnswer = await answer(guilde, { to: earlier, by: sophie });
  await vote(guilde, { viewer: colleague, targetId: sophiesAnswer.id, input: { value: 1 } });
  await guilde.db.delete(notifications);
  await guilde.db.delete(questionRoutingRecipients);
  await guilde.db.delete(questionRoutingSteps);
  await guilde.db
    .update(communityMembers)
    .set({ role: "monitor", monitorSince: new Date() })
    .where(and(eq(communityMembers.communityId, cycling.id), eq(communityMembers.userId, sophie.id)));
  await membership(guilde, cycling, lucas, "monitor", { topics: ["freins"] });
  await membership(guilde, cycling, karim, "monitor", { topics: ["freins", "hydraulique"] });
  await membership(guilde, cycling, thomas, "monitor", { topics: ["roues"] });
  await membership(guilde, cycling, hugo, "moderator");
  await membership(guilde, cycling, emma, "moderator");
  return { cycling, lea, lucas, karim, sophie, thomas, hugo, emma, colleague };
}

const brakeQuestion = (cycling: Community, lea: User) => question(guilde, { in: cycling, by: lea, title: "Hydraulic brake feels spongy", tags: ["freins"] });

/** Who was told about a question, by kind of notification. */
async function toldAbout(post: Post, kind: "question_in_community" | "question_escalated"): Promise<string[]> {
  const rows = await guilde.db
    .select({ userId: notifications.userId })
    .from(notifications)
    .where(and(eq(notifications.postId, post.id), eq(notifications.kind, kind)));
  return rows.map((row) => row.userId).sort();
}

const ids = (...people: User[]) => people.map((person) => person.id).sort();

const stepsOf = (post: Post) =>
  guilde.db.select().from(questionRoutingSteps).where(eq(questionRoutingSteps.questionId, post.id)).orderBy(asc(questionRoutingSteps.wave));

describe("routing a new question", () => {
  it("goes first to the monitors whose expertise matches, other sites ahead of the asker's own", async () => {
    const { cycling, lea, lucas, karim, sophie, thomas } = await cyclingRepair();
    const asked = await brakeQuestion(cycling, lea);
    // Karim (Lille, declared) and Sophie (Bordeaux, upvoted answer) match from other sites; Lucas matches
    // from Léa's own site and comes after them; Thomas knows wheels, not brakes.
    expect(await toldAbout(asked, "question_in_community")).toEqual(ids(karim, sophie));
    expect(await toldAbout(asked, "question_in_community")).not.toContain(lucas.id);
    expect(await toldAbout(asked, "question_in_community")).not.toContain(thomas.id);
    const [first, second] = await stepsOf(asked);
    expect(first).toMatchObject({ wave: 1, audience: "matching_monitors", outcome: "sent", recipientCount: 2 });
    expect(second).toMatchObject({ wave: 2, doneAt: null });
    expect(second.dueAt.getTime() - first.doneAt!.getTime()).toBe(minutes(120));
  });

  it("the asker's own site is not left out: its matching monitor is called in when no other site's matches", async () => {
    const { lea, lucas, karim } = await cyclingRepair();
    const brakes = await community(guilde);
    await membership(guilde, brakes, lea);
    await membership(guilde, brakes, lucas, "monitor", { topics: ["freins"] });
    await membership(guilde, brakes, karim, "monitor", { topics: ["roues"] });
    const asked = await brakeQuestion(brakes, lea);
    expect(await toldAbout(asked, "question_in_community")).toEqual(ids(lucas));
  });

  it("when no monitor's expertise matches, every monitor is called in", async () => {
    const { cycling, lea, lucas, karim, sophie, thomas, hugo } = await cyclingRepair();
    const asked = await question(guilde, { in: cycling, by: lea, tags: ["éclairage"] });
    expect(await toldAbout(asked, "question_in_community")).toEqual(ids(lucas, karim, sophie, thomas));
    expect(await toldAbout(asked, "question_in_community")).not.toContain(hugo.id);
    expect((await stepsOf(asked))[0]).toMatchObject({ audience: "all_monitors", recipientCount: 4 });
  });

  it("a customer is never routed a question, even recorded as a monitor", async () => {
    const { cycling, lea, karim, sophie } = await cyclingRepair({ visibility: "open" });
    const bob = await customer(guilde);
    await membership(guilde, cycling, bob, "monitor", { topics: ["freins"] });
    const asked = await brakeQuestion(cycling, lea);
    expect(await toldAbout(asked, "question_in_community")).toEqual(ids(karim, sophie));
    await escalateDueQuestions(guilde, { now: later(minutes(121)) });
    await escalateDueQuestions(guilde, { now: later(minutes(242)) });
    const told = await guilde.db.select().from(notifications).where(eq(notifications.userId, bob.id));
    expect(told).toEqual([]);
    expect(await guilde.db.select().from(questionRoutingRecipients).where(eq(questionRoutingRecipients.userId, bob.id))).toEqual([]);
    // Nor does a customer see who was called in.
    expect(await getRouting(guilde, { viewer: bob, questionId: asked.id })).toBeNull();
  });
});

describe("escalation", () => {
  it("goes to the other monitors after the delay, then to the moderators, each step recorded", async () => {
    const { cycling, lea, lucas, thomas, hugo, emma } = await cyclingRepair();
    const asked = await brakeQuestion(cycling, lea);

    expect(await escalateDueQuestions(guilde, { now: later(minutes(119)) })).toBe(0);
    expect(await toldAbout(asked, "question_escalated")).toEqual([]);

    expect(await escalateDueQuestions(guilde, { now: later(minutes(121)) })).toBe(1);
    expect(await toldAbout(asked, "question_escalated")).toEqual(ids(lucas, thomas));

    expect(await escalateDueQuestions(guilde, { now: later(minutes(200)) })).toBe(0);
    expect(await escalateDueQuestions(guilde, { now: later(minutes(242)) })).toBe(1);
    expect(await toldAbout(asked, "question_escalated")).toEqual(ids(lucas, thomas, hugo, emma));
    expect(await escalateDueQuestions(guilde, { now: later(minutes(10_000)) })).toBe(0);

    const record = await getRouting(guilde, { viewer: lea, questionId: asked.id });
    expect(record?.waves.map(({ wave, audience, outcome, recipients }) => ({ wave, audience, outcome, recipients }))).toEqual([
      { wave: 1, audience: "matching_monitors", outcome: "sent", recipients: 2 },
      { wave: 2, audience: "other_monitors", outcome: "sent", recipients: 2 },
      { wave: 3, audience: "moderators", outcome: "sent", recipients: 2 },
    ]);
    expect(record?.nextDueAt).toBeNull();
  });

  it("the worker escalates on its clock, once, however many workers poll at the same time", async () => {
    const { cycling, lea, lucas, thomas } = await cyclingRepair();
    const questions = [await brakeQuestion(cycling, lea), await brakeQuestion(cycling, lea), await brakeQuestion(cycling, lea)];
    let clock = new Date();
    const [first, second] = [startRoutingWorker(guilde, { everyMs: 3_600_000, clock: () => clock }), startRoutingWorker(guilde, { everyMs: 3_600_000, clock: () => clock })];
    expect(await Promise.all([first.tick(), second.tick()])).toEqual([0, 0]);
    clock = later(minutes(121));
    const ran = await Promise.all([first.tick(), second.tick(), escalateDueQuestions(guilde, { now: clock })]);
    await Promise.all([first.stop(), second.stop()]);
    expect(ran.reduce((sum, count) => sum + count, 0)).toBe(3);
    for (const asked of questions) expect(await toldAbout(asked, "question_escalated")).toEqual(ids(lucas, thomas));
    const escalations = await guilde.db.select().from(notifications).where(eq(notifications.kind, "question_escalated"));
    expect(escalations).toHaveLength(6);
  });

  it.each([
    ["answered", async (asked: Post, people: { karim: User; hugo: User }) => void (await answer(guilde, { to: asked, by: people.karim }))],
    ["closed", async (asked: Post, people: { karim: User; hugo: User }) => closeQuestion(guilde, { viewer: people.hugo, questionId: asked.id, input: { reason: "resolved" } })],
  ])("stops once the question is %s", async (_case, settle) => {
    const { cycling, lea, karim, hugo } = await cyclingRepair();
    const asked = await brakeQuestion(cycling, lea);
    await settle(asked, { karim, hugo });
    expect(await escalateDueQuestions(guilde, { now: later(minutes(121)) })).toBe(1);
    expect(await escalateDueQuestions(guilde, { now: later(minutes(242)) })).toBe(0);
    expect(await toldAbout(asked, "question_escalated")).toEqual([]);
    expect((await stepsOf(asked)).map((step) => step.outcome)).toEqual(["sent", "stopped"]);
  });

  it("with no other monitor, the moderators are next at once, still after the delay", async () => {
    const { lea, hugo } = await cyclingRepair();
    const small = await community(guilde);
    const karim = await employee(guilde);
    await membership(guilde, small, lea);
    await membership(guilde, small, karim, "monitor");
    await membership(guilde, small, hugo, "moderator");
    const asked = await question(guilde, { in: small, by: lea });
    expect(await toldAbout(asked, "question_in_community")).toEqual(ids(karim));
    expect(await escalateDueQuestions(guilde, { now: later(minutes(121)) })).toBe(1);
    expect(await toldAbout(asked, "question_escalated")).toEqual(ids(hugo));
    expect((await stepsOf(asked)).map((step) => [step.audience, step.outcome])).toEqual([
      ["all_monitors", "sent"],
      ["other_monitors", "nobody"],
      ["moderators", "sent"],
    ]);
  });
});

describe("declining", () => {
  it("a recipient declines; once all of the wave have, it escalates at once", async () => {
    const { cycling, lea, karim, sophie, lucas, thomas } = await cyclingRepair();
    const asked = await brakeQuestion(cycling, lea);
    expect((await listUnansweredForMe(guilde, { viewer: karim })).items.map((item) => item.id)).toEqual([asked.id]);

    expect(await declineQuestion(guilde, { viewer: karim, questionId: asked.id })).toEqual({ escalated: false });
    expect((await listUnansweredForMe(guilde, { viewer: karim })).items).toEqual([]);
    expect(await toldAbout(asked, "question_escalated")).toEqual([]);
    expect((await getRouting(guilde, { viewer: karim, questionId: asked.id }))?.mine).toEqual({ sent: true, declined: true, mayDecline: false });
    await expect(declineQuestion(guilde, { viewer: karim, questionId: asked.id })).rejects.toThrow(Forbidden);

    expect(await declineQuestion(guilde, { viewer: sophie, questionId: asked.id })).toEqual({ escalated: true });
    expect(await toldAbout(asked, "question_escalated")).toEqual(ids(lucas, thomas));
    const record = await getRouting(guilde, { viewer: lea, questionId: asked.id });
    expect(record?.waves[0]).toMatchObject({ wave: 1, declined: 2 });
    expect(record?.waves[1]).toMatchObject({ wave: 2, audience: "other_monitors", hastened: true, recipients: 2 });
    // The moderators' wave is due after the delay from now, and runs once.
    expect(record?.nextDueAt).not.toBeNull();
    expect(await escalateDueQuestions(guilde, { now: later(minutes(121)) })).toBe(1);
    expect(await escalateDueQuestions(guilde, { now: later(minutes(121)) })).toBe(0);
  });

  it("someone it was not sent to cannot decline it; someone who cannot see it gets a 404", async () => {
    const { cycling, lea, lucas, colleague } = await cyclingRepair();
    const asked = await brakeQuestion(cycling, lea);
    await expect(declineQuestion(guilde, { viewer: lucas, questionId: asked.id })).rejects.toThrow(Forbidden);
    await expect(declineQuestion(guilde, { viewer: colleague, questionId: asked.id })).rejects.toThrow(Forbidden);
    await expect(declineQuestion(guilde, { viewer: lea, questionId: asked.id })).rejects.toThrow(Forbidden);
    const secret = await community(guilde, { visibility: "private" });
    await membership(guilde, secret, lea);
    const hidden = await question(guilde, { in: secret, by: lea });
    await expect(declineQuestion(guilde, { viewer: lucas, questionId: hidden.id })).rejects.toThrow(NotFound);
    await expect(declineQuestion(guilde, { viewer: null, questionId: asked.id })).rejects.toThrow(NotFound);
    expect((await guilde.db.select().from(questionRoutingRecipients)).every((row) => row.declinedAt === null)).toBe(true);
  });
});

describe("unanswered for me", () => {
  it("lists the questions routed to me that wait for an answer, a page at a time, and heads the home page", async () => {
    const { cycling, lea, karim, colleague } = await cyclingRepair();
    const asked = [await brakeQuestion(cycling, lea), await brakeQuestion(cycling, lea), await brakeQuestion(cycling, lea)];
    await answer(guilde, { to: asked[1], by: colleague });
    const first = await listUnansweredForMe(guilde, { viewer: karim, limit: 1 });
    const second = await listUnansweredForMe(guilde, { viewer: karim, limit: 1, cursor: first.nextCursor });
    expect(first.items.map((item) => item.id)).toEqual([asked[2].id]);
    expect(second.items.map((item) => item.id)).toEqual([asked[0].id]);
    expect(second.nextCursor).toBeNull();
    expect((await homeFeed(guilde, { viewer: karim })).unansweredForMonitor.map((item) => item.id)).toEqual([asked[2].id, asked[0].id]);
    expect((await listUnansweredForMe(guilde, { viewer: colleague })).items).toEqual([]);
    await expect(listUnansweredForMe(guilde, { viewer: null })).rejects.toThrow(NotFound);
  });
});
