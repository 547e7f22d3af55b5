import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { kudos, notifications } from "../../db/schema";
import { Invalid, NotFound, Conflict } from "../../server/errors";
import { listNotifications } from "../../server/notifications/list-notifications";
import { acceptAnswer } from "../../server/questions/accept-answer";
import { vote } from "../../server/questions/vote";
import { giveKudos } from "../../server/recognition/give-kudos";
import { peopleHelped } from "../../server/recognition/people-helped";
import { recognitionSummary } from "../../server/recognition/recognition-summary";
import { answer, community, customer, employee, membership, question, site } from "../support/factories";
import { useGuilde } from "../support/guilde";

describe("peer recognition", () => {
  const guilde = useGuilde();

  it("refuses kudos to oneself with a clear error, and writes nothing", async () => {
    const lyon = await site(guilde);
    const lea = await employee(guilde, { site: lyon });
    const bikes = await community(guilde);
    const asked = await question(guilde, { in: bikes, by: await employee(guilde) });
    const own = await answer(guilde, { to: asked, by: lea });

    await expect(giveKudos(guilde, { viewer: lea, target: { kind: "person", id: lea.id }, input: {} })).rejects.toThrow(Invalid);
    await expect(giveKudos(guilde, { viewer: lea, target: { kind: "answer", id: own.id }, input: { note: "Me!" } })).rejects.toMatchObject({
      fieldErrors: { form: ["errors.kudosSelf"] },
    });
    expect(await guilde.db.select().from(kudos)).toEqual([]);
  });

  it("notifies the receiver of thanks for their answer, once per giver and answer", async () => {
    const bikes = await community(guilde);
    const hugo = await employee(guilde);
    const lea = await employee(guilde);
    const asked = await question(guilde, { in: bikes, by: hugo, title: "How do I true a rear wheel?" });
    const helpful = await answer(guilde, { to: asked, by: lea });

    await giveKudos(guilde, { viewer: hugo, target: { kind: "answer", id: helpful.id }, input: { note: "Saved my Saturday." } });
    const { items } = await listNotifications(guilde, { viewer: lea });
    const thanks = items.find((item) => item.kind === "kudos_received");
    expect(thanks).toMatchObject({ actor: { id: hugo.id }, postId: asked.id, replyId: helpful.id, summary: { title: "How do I true a rear wheel?", note: "Saved my Saturday." } });

    await expect(giveKudos(guilde, { viewer: hugo, target: { kind: "answer", id: helpful.id }, input: { note: "Again" } })).rejects.toThrow(Conflict);
    expect(await guilde.db.select().from(kudos)).toHaveLength(1);

    await expect(giveKudos(guilde, { viewer: hugo, target: { kind: "answer", id: helpful.id }, input: { note: "x".repeat(281) } })).rejects.toMatchObject({
      fieldErrors: { note: ["errors.kudosNoteTooLong"] },
    });
  });

  it("notifies a person thanked for who they are", async () => {
    const hugo = await employee(guilde);
    const lea = await employee(guilde);
    await giveKudos(guilde, { viewer: hugo, target: { kind: "person", id: lea.id }, input: {} });
    const { items } = await listNotifications(guilde, { viewer: lea });
    expect(items.map((item) => [item.kind, item.actor?.id, item.postId])).toEqual([["kudos_received", hugo.id, null]]);
  });

  it("a customer or a non-member cannot thank an answer in a private or internal community: not found, nothing written", async () => {
    const secret = await community(guilde, { visibility: "private" });
    const internal = await community(guilde, { visibility: "internal" });
    const open = await community(guilde, { visibility: "open" });
    const lea = await employee(guilde);
    await membership(guilde, secret, lea);
    const inSecret = await answer(guilde, { to: await question(guilde, { in: secret, by: lea }), by: await member(secret) });
    const inInternal = await answer(guilde, { to: await question(guilde, { in: internal, by: lea }), by: await employee(guilde) });
    const outsider = await employee(guilde);
    const client = await customer(guilde, { invitedTo: open });

    for (const [viewer, target] of [
      [outsider, inSecret],
      [client, inSecret],
      [client, inInternal],
    ] as const) {
      await expect(giveKudos(guilde, { viewer, target: { kind: "answer", id: target.id }, input: {} })).rejects.toThrow(NotFound);
    }
    expect(await guilde.db.select().from(kudos)).toEqual([]);

    const inOpen = await answer(guilde, { to: await question(guilde, { in: open, by: outsider }), by: lea });
    await giveKudos(guilde, { viewer: client, target: { kind: "answer", id: inOpen.id }, input: { note: "Merci" } });
    expect(await guilde.db.select({ receiverId: kudos.receiverId }).from(kudos)).toEqual([{ receiverId: lea.id }]);

    async function member(of: typeof secret) {
      const person = await employee(guilde);
      await membership(guilde, of, person);
      return person;
    }
  });

  it("counts people and sites helped: accepted or upvoted answers, each asker once, their own questions left out", async () => {
    const bikes = await community(guilde);
    const [lyon, lille, nantes] = [await site(guilde), await site(guilde), await site(guilde)];
    const lea = await employee(guilde, { site: lyon });
    const hugo = await employee(guilde, { site: lille });
    const karim = await employee(guilde, { site: lille });
    const thomas = await employee(guilde, { site: nantes });
    const sophie = await employee(guilde, { site: nantes });

    // Hugo is helped twice (accepted, then upvoted): counted once.
    const first = await question(guilde, { in: bikes, by: hugo });
    await acceptAnswer(guilde, { viewer: hugo, questionId: first.id, answerId: (await answer(guilde, { to: first, by: lea })).id });
    const second = await question(guilde, { in: bikes, by: hugo });
    await vote(guilde, { viewer: karim, targetId: (await answer(guilde, { to: second, by: lea })).id, input: { value: 1 } });
    // Thomas, at another site: upvoted by Sophie.
    const third = await question(guilde, { in: bikes, by: thomas });
    await vote(guilde, { viewer: sophie, targetId: (await answer(guilde, { to: third, by: lea })).id, input: { value: 1 } });
    // Karim's answer went unnoticed; a downvote is no help.
    await answer(guilde, { to: await question(guilde, { in: bikes, by: karim }), by: lea });
    const fifth = await question(guilde, { in: bikes, by: sophie });
    await vote(guilde, { viewer: hugo, targetId: (await answer(guilde, { to: fifth, by: lea })).id, input: { value: -1 } });
    // Her own question, upvoted and accepted: not helping anyone else.
    const own = await question(guilde, { in: bikes, by: lea });
    const ownAnswer = await answer(guilde, { to: own, by: lea });
    await acceptAnswer(guilde, { viewer: lea, questionId: own.id, answerId: ownAnswer.id });
    await vote(guilde, { viewer: hugo, targetId: ownAnswer.id, input: { value: 1 } });

    expect(await peopleHelped(guilde.db, { helperId: lea.id })).toEqual({ people: 2, sites: 2 });
    const summary = await recognitionSummary(guilde, { viewer: hugo, profile: lea });
    expect(summary).toMatchObject({ peopleHelped: 2, sitesHelped: 2 });
  });

  it("computes reputation from votes, accepted answers and thanks, never below zero", async () => {
    const bikes = await community(guilde);
    const lea = await employee(guilde);
    const [hugo, karim, thomas] = [await employee(guilde), await employee(guilde), await employee(guilde)];
    const asked = await question(guilde, { in: bikes, by: hugo });
    const helpful = await answer(guilde, { to: asked, by: lea });
    await vote(guilde, { viewer: hugo, targetId: helpful.id, input: { value: 1 } });
    await vote(guilde, { viewer: karim, targetId: helpful.id, input: { value: 1 } });
    await vote(guilde, { viewer: thomas, targetId: helpful.id, input: { value: -1 } });
    await acceptAnswer(guilde, { viewer: hugo, questionId: asked.id, answerId: helpful.id });
    const hers = await question(guilde, { in: bikes, by: lea });
    await vote(guilde, { viewer: karim, targetId: hers.id, input: { value: 1 } });
    await giveKudos(guilde, { viewer: hugo, target: { kind: "answer", id: helpful.id }, input: {} });
    await giveKudos(guilde, { viewer: thomas, target: { kind: "person", id: lea.id }, input: {} });

    // 2 answer upvotes × 10 + 1 question upvote × 5 − 1 downvote × 2 + 1 accepted × 15 + 2 kudos × 5
    expect(await recognitionSummary(guilde, { viewer: karim, profile: lea })).toMatchObject({
      reputation: 20 + 5 - 2 + 15 + 10,
      acceptedAnswers: 1,
      kudosReceived: 2,
    });

    const grumpy = await question(guilde, { in: bikes, by: thomas });
    await vote(guilde, { viewer: lea, targetId: grumpy.id, input: { value: -1 } });
    expect((await recognitionSummary(guilde, { viewer: lea, profile: thomas })).reputation).toBe(0);
  });

  it("hides kudos on private content from profile viewers who cannot read it", async () => {
    const secret = await community(guilde, { visibility: "private" });
    const lea = await employee(guilde);
    const hugo = await employee(guilde);
    await membership(guilde, secret, lea);
    await membership(guilde, secret, hugo);
    const helpful = await answer(guilde, { to: await question(guilde, { in: secret, by: hugo, title: "The confidential supplier question" }), by: lea });
    await giveKudos(guilde, { viewer: hugo, target: { kind: "answer", id: helpful.id }, input: { note: "Thanks for the supplier list" } });
    await giveKudos(guilde, { viewer: hugo, target: { kind: "person", id: lea.id }, input: { note: "Always helpful" } });

    const insider = await recognitionSummary(guilde, { viewer: hugo, profile: lea });
    expect(insider.latestKudos.map((item) => item.note)).toEqual(["Always helpful", "Thanks for the supplier list"]);
    expect(insider.latestKudos[1].about).toMatchObject({ kind: "answer", title: "The confidential supplier question" });

    const outsider = await recognitionSummary(guilde, { viewer: await employee(guilde), profile: lea });
    expect(outsider.latestKudos.map((item) => item.note)).toEqual(["Always helpful"]);
    expect(outsider).toMatchObject({ kudosReceived: 1, peopleHelped: 0 });
    expect(JSON.stringify(outsider)).not.toContain("supplier");
    expect(await guilde.db.select().from(notifications).where(eq(notifications.userId, lea.id))).toHaveLength(2);
  });
});
