import { describe, expect, it } from "vitest";
import { posts } from "../../db/schema";
import { newId } from "../../db/ids";
import { write, type DomainEvent } from "../../server/events";
import { answer, community, employee, membership, question } from "../support/factories";
import { useGuilde } from "../support/guilde";

const guilde = useGuilde();

function listen() {
  const heard: DomainEvent[] = [];
  const stop = guilde.events.subscribe((event) => {
    heard.push(event);
  });
  return { heard, stop };
}

describe("events", () => {
  it("a service's events are published once its write has committed", async () => {
    const cycling = await community(guilde);
    const [lea, karim] = [await employee(guilde), await employee(guilde)];
    await membership(guilde, cycling, karim, "monitor");
    const asked = await question(guilde, { in: cycling, by: lea });
    const { heard, stop } = listen();
    const given = await answer(guilde, { to: asked, by: karim });
    stop();
    await expect.poll(() => heard.map((event) => event.type)).toEqual(["notifications.created", "reply.posted"]);
    expect(heard[1]).toEqual({ type: "reply.posted", communityId: cycling.id, questionId: asked.id, replyId: given.id, kind: "answer", authorId: karim.id });
    expect(heard[0]).toEqual({ type: "notifications.created", userIds: [lea.id] });
  });

  it("nothing is published when the write rolls back", async () => {
    const cycling = await community(guilde);
    const lea = await employee(guilde);
    const { heard, stop } = listen();
    await expect(
      write(guilde, async (tx, emit) => {
        const questionId = newId();
        await tx.insert(posts).values({ id: questionId, kind: "question", communityId: cycling.id, authorId: lea.id, title: "Rolled back", body: "x", bodyHtml: "x" });
        emit({ type: "question.asked", communityId: cycling.id, questionId, authorId: lea.id });
        throw new Error("the disk is full");
      }),
    ).rejects.toThrow("the disk is full");
    await new Promise((resolve) => setTimeout(resolve, 20));
    stop();
    expect(heard).toEqual([]);
    expect(await guilde.db.select().from(posts)).toEqual([]);
  });
});
