import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { communityRoom, questionRoom } from "../../app/realtime/protocol";
import { leaveCommunity } from "../../server/communities/memberships";
import { updateCommunity } from "../../server/communities/update-community";
import { askQuestion } from "../../server/questions/ask-question";
import { deleteQuestion } from "../../server/questions/delete";
import { answer, community, customer, employee, membership, question } from "../support/factories";
import { useGuilde } from "../support/guilde";
import { HttpClient } from "../support/http";
import { sessionCookie, useSockets, type TestSocket } from "../support/sockets";

const guilde = useGuilde();
const sockets = useSockets();

async function connectAs(user: { id: string }) {
  const server = await guilde.serve();
  return sockets.connect(server.url, await sessionCookie(guilde, user.id));
}

async function browserOf(user: { id: string }) {
  const server = await guilde.serve();
  const browser = new HttpClient(server.url);
  browser.setCookieHeader(await sessionCookie(guilde, user.id));
  return browser;
}

/** The rooms the server has this client's socket in. */
async function roomsOf(client: TestSocket): Promise<string[]> {
  const server = await guilde.serve();
  return [...(server.realtime.io.sockets.sockets.get(client.socket.id ?? "")?.rooms ?? [])];
}

/**
 * Asserts that `silent` heard nothing new while `control`, in the same room or a sibling one, heard the
 * event: the same broadcast would have reached both, so the positive control bounds the wait.
 */
async function expectSilence(silent: TestSocket, control: Promise<unknown>, since = silent.heard.length) {
  await control;
  await sleep(100);
  expect(silent.heard.slice(since)).toEqual([]);
}

const refused = { ok: false, status: 404, error: "errors.notFound" };

describe("real-time rooms", () => {
  it("refuses a socket without a session, and one opened from another site's page with a valid cookie", async () => {
    const server = await guilde.serve();
    const lea = await employee(guilde);
    expect(await sockets.refusal(server.url)).toBe("unauthorized");
    const cookie = await sessionCookie(guilde, lea.id);
    expect(await sockets.refusal(server.url, { Cookie: cookie, Origin: "https://evil.example" })).toBe("websocket error");
    const sameSite = await sockets.connect(server.url, cookie);
    expect(sameSite.socket.connected).toBe(true);
  });

  it("an employee cannot join the room of a private community they are not a member of", async () => {
    const hr = await community(guilde, { visibility: "private" });
    const [paul, nadia] = [await employee(guilde), await employee(guilde)];
    await membership(guilde, hr, nadia);
    const outsider = await connectAs(paul);
    const member = await connectAs(nadia);

    expect(await outsider.subscribe(communityRoom(hr.id))).toEqual(refused);
    expect(await member.subscribe(communityRoom(hr.id))).toEqual({ ok: true });
    expect(await roomsOf(outsider)).not.toContain(communityRoom(hr.id));

    const asked = await question(guilde, { in: hr, by: nadia });
    await expectSilence(outsider, member.next("question.asked", (event) => event.questionId === asked.id));
  });

  it("a customer cannot join an internal community's room, even as a member", async () => {
    const workshop = await community(guilde, { visibility: "internal" });
    const [client, staff] = [await customer(guilde), await employee(guilde)];
    await membership(guilde, workshop, client);
    const customerSocket = await connectAs(client);
    const employeeSocket = await connectAs(staff);

    expect(await customerSocket.subscribe(communityRoom(workshop.id))).toEqual(refused);
    expect(await employeeSocket.subscribe(communityRoom(workshop.id))).toEqual({ ok: true });
    const asked = await question(guilde, { in: workshop, by: staff });
    await expectSilence(customerSocket, employeeSocket.next("question.asked", (event) => event.questionId === asked.id));
  });

  it("refuses a private community's question room to a non-member, and says no more than for a question that does not exist", async () => {
    const hr = await community(guilde, { visibility: "private" });
    const [paul, nadia, karim] = [await employee(guilde), await employee(guilde), await employee(guilde)];
    await membership(guilde, hr, nadia);
    await membership(guilde, hr, karim);
    const asked = await question(guilde, { in: hr, by: nadia });
    const outsider = await connectAs(paul);
    const member = await connectAs(nadia);

    expect(await outsider.subscribe(questionRoom(asked.id))).toEqual(refused);
    expect(await outsider.subscribe(questionRoom("nosuchquestion"))).toEqual(refused);
    expect(await member.subscribe(questionRoom(asked.id))).toEqual({ ok: true });

    const given = await answer(guilde, { to: asked, by: karim });
    await expectSilence(outsider, member.next("reply.posted", (event) => event.replyId === given.id));
  });

  it("refuses malformed subscriptions and rooms only the server may join", async () => {
    const lea = await employee(guilde);
    const client = await connectAs(lea);
    for (const rooms of [[`user:${lea.id}`], ["readers:abc"], [], "question:abc", Array.from({ length: 51 }, (_, n) => questionRoom(`q${n}`))]) {
      const acknowledgement = await new Promise((resolve) => client.socket.emit("subscribe", rooms as string[], resolve));
      expect(acknowledgement).toEqual({ ok: false, status: 400, error: "errors.invalid" });
    }
  });

  it("leaving a private community makes the open socket leave its rooms", async () => {
    const hr = await community(guilde, { visibility: "private" });
    const [paul, nadia, karim] = [await employee(guilde), await employee(guilde), await employee(guilde)];
    for (const person of [paul, nadia, karim]) await membership(guilde, hr, person);
    const asked = await question(guilde, { in: hr, by: nadia });
    const leaver = await connectAs(paul);
    const stayer = await connectAs(nadia);
    expect(await leaver.subscribe(communityRoom(hr.id), questionRoom(asked.id))).toEqual({ ok: true });
    expect(await stayer.subscribe(communityRoom(hr.id), questionRoom(asked.id))).toEqual({ ok: true });

    await leaveCommunity(guilde, { viewer: paul, communityId: hr.id });
    await expect.poll(() => roomsOf(leaver)).toEqual([leaver.socket.id, `user:${paul.id}`, `readers:${hr.id}`]);

    const since = leaver.heard.length;
    const given = await answer(guilde, { to: asked, by: karim });
    await stayer.next("reply.posted", (event) => event.replyId === given.id);
    const { questionId } = await askQuestion(guilde, {
      viewer: karim,
      communityId: hr.id,
      input: { title: "Who approves the new shift rota?", body: "The planning changes next month.", tags: [] },
    });
    await expectSilence(leaver, stayer.next("question.asked", (event) => event.questionId === questionId), since);
  });

  it("a community turning private makes the sockets of those who are not members leave its rooms", async () => {
    const workshop = await community(guilde, { visibility: "internal" });
    const [moderator, visitor] = [await employee(guilde), await employee(guilde)];
    await membership(guilde, workshop, moderator, "moderator");
    const asked = await question(guilde, { in: workshop, by: moderator });
    const visitorSocket = await connectAs(visitor);
    const moderatorSocket = await connectAs(moderator);
    expect(await visitorSocket.subscribe(questionRoom(asked.id))).toEqual({ ok: true });
    expect(await moderatorSocket.subscribe(questionRoom(asked.id))).toEqual({ ok: true });

    await updateCommunity(guilde, {
      viewer: moderator,
      communityId: workshop.id,
      input: { name: workshop.name, slug: workshop.slug, visibility: "private" },
    });
    await expect.poll(() => roomsOf(visitorSocket)).not.toContain(questionRoom(asked.id));
    expect(await roomsOf(moderatorSocket)).toContain(questionRoom(asked.id));
  });

  it("a deleted question's room keeps its moderators only", async () => {
    const workshop = await community(guilde);
    const [moderator, reader, author] = [await employee(guilde), await employee(guilde), await employee(guilde)];
    await membership(guilde, workshop, moderator, "moderator");
    const asked = await question(guilde, { in: workshop, by: author });
    const readerSocket = await connectAs(reader);
    const moderatorSocket = await connectAs(moderator);
    await readerSocket.subscribe(questionRoom(asked.id));
    await moderatorSocket.subscribe(questionRoom(asked.id));

    await deleteQuestion(guilde, { viewer: moderator, questionId: asked.id });
    expect(await readerSocket.next("question.changed")).toMatchObject({ questionId: asked.id, change: "deleted" });
    await expect.poll(() => roomsOf(readerSocket)).not.toContain(questionRoom(asked.id));
    expect(await roomsOf(moderatorSocket)).toContain(questionRoom(asked.id));
  });
});

describe("what reaches the sockets", () => {
  it("an answer posted through the question page's form reaches a client subscribed to the question", async () => {
    const workshop = await community(guilde);
    const [lea, karim] = [await employee(guilde), await employee(guilde)];
    const asked = await question(guilde, { in: workshop, by: lea });
    const watcher = await connectAs(lea);
    expect(await watcher.subscribe(questionRoom(asked.id))).toEqual({ ok: true });

    const posted = await (await browserOf(karim)).post(`/questions/${asked.id}`, { intent: "answer", body: "Tighten the opposite spokes a quarter turn." });
    expect(posted.status).toBe(302);
    const answerId = /#answer-(\w+)$/.exec(posted.headers.get("location") ?? "")?.[1];
    const heard = await watcher.next("reply.posted");
    expect(heard).toEqual({ questionId: asked.id, replyId: answerId, kind: "answer", committedAt: expect.any(Number) });
    // Ids and kinds only: no text, no author.
    expect(Object.keys(heard).sort()).toEqual(["committedAt", "kind", "questionId", "replyId"]);
  });

  it("a vote through the form reaches the question's room with the new score", async () => {
    const workshop = await community(guilde);
    const [lea, karim, hugo] = [await employee(guilde), await employee(guilde), await employee(guilde)];
    const asked = await question(guilde, { in: workshop, by: lea });
    const given = await answer(guilde, { to: asked, by: karim });
    const watcher = await connectAs(lea);
    await watcher.subscribe(questionRoom(asked.id));

    const voted = await (await browserOf(hugo)).post(`/questions/${asked.id}`, { intent: "vote", targetId: given.id, value: "1" });
    expect(voted.status).toBe(302);
    expect(await watcher.next("vote.changed")).toEqual({ questionId: asked.id, targetId: given.id, score: 1, committedAt: expect.any(Number) });
  });

  it("an @mention reaches the mentioned person's socket with their unread count, and nobody else's", async () => {
    const workshop = await community(guilde);
    const [lea, karim, bystander] = [await employee(guilde), await employee(guilde), await employee(guilde)];
    const paul = await employee(guilde, { displayName: "Paul Girard" });
    const asked = await question(guilde, { in: workshop, by: lea });
    const paulSocket = await connectAs(paul);
    const bystanderSocket = await connectAs(bystander);
    // Lea follows her question, so the answer notifies her too: her socket is the positive control.
    const leaSocket = await connectAs(lea);

    const mentioned = await (await browserOf(karim)).post(`/questions/${asked.id}`, {
      intent: "answer",
      body: `@${paul.handle} knows these hubs better than anyone.`,
    });
    expect(mentioned.status).toBe(302);
    expect(await paulSocket.next("notifications.unread")).toEqual({ unread: 1 });
    await expectSilence(bystanderSocket, leaSocket.next("notifications.unread"));
  });

  it("counts the different people viewing a question, whatever their number of tabs", async () => {
    const workshop = await community(guilde);
    const [lea, karim] = [await employee(guilde), await employee(guilde)];
    const asked = await question(guilde, { in: workshop, by: lea });
    const room = questionRoom(asked.id);
    const leaTab = await connectAs(lea);
    const leaOtherTab = await connectAs(lea);
    await leaTab.subscribe(room);
    await leaOtherTab.subscribe(room);
    await leaTab.next("presence", (event) => event.viewers === 1);

    const karimTab = await connectAs(karim);
    await karimTab.subscribe(room);
    expect(await karimTab.next("presence")).toEqual({ questionId: asked.id, viewers: 2 });
    await leaTab.next("presence", (event) => event.viewers === 2);

    karimTab.close();
    const since = leaTab.heard.length;
    await expect.poll(() => leaTab.heard.slice(since).some(({ event, payload }) => event === "presence" && (payload as { viewers: number }).viewers === 1)).toBe(true);
  });

  it("drops the events of a client that sends too many, acknowledging each with an error", async () => {
    const workshop = await community(guilde);
    const lea = await employee(guilde);
    const client = await connectAs(lea);
    const acknowledgements = await Promise.all(Array.from({ length: 45 }, () => client.subscribe(communityRoom(workshop.id))));
    const accepted = acknowledgements.filter((result) => result.ok).length;
    expect(accepted).toBeGreaterThanOrEqual(30);
    expect(accepted).toBeLessThanOrEqual(32);
    expect(acknowledgements.filter((result) => !result.ok)).toEqual(
      Array.from({ length: 45 - accepted }, () => ({ ok: false, status: 429, error: "errors.rateLimited" })),
    );
  });

  it("closes the connection of a client sending an oversized message", async () => {
    const lea = await employee(guilde);
    const client = await connectAs(lea);
    const disconnected = client.disconnected();
    client.socket.emit("subscribe", ["x".repeat(20_000)], () => {
      throw new Error("An oversized message was acknowledged.");
    });
    expect(await disconnected).toBe("transport close");
  });

  it("disconnectUser closes every socket of a person whose sessions ended, and they cannot reconnect", async () => {
    const server = await guilde.serve();
    const [lea, karim] = [await employee(guilde), await employee(guilde)];
    const cookie = await sessionCookie(guilde, lea.id);
    const laptop = await sockets.connect(server.url, cookie);
    const phone = await connectAs(lea);
    const colleague = await connectAs(karim);

    await guilde.sessions.endAll(lea.id);
    const closed = Promise.all([laptop.disconnected(), phone.disconnected()]);
    server.realtime.disconnectUser(lea.id);
    expect(await closed).toEqual(["io server disconnect", "io server disconnect"]);
    expect(colleague.socket.connected).toBe(true);
    expect(await sockets.refusal(server.url, { Cookie: cookie })).toBe("unauthorized");
  });
});
