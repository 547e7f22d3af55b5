import { eq } from "drizzle-orm";
import type { Transaction } from "../../db/client";
import { newId } from "../../db/ids";
import { kudos, users } from "../../db/schema";
import type { Guilde } from "../context";
import { Conflict, Invalid, NotFound } from "../errors";
import { write, type Emit } from "../events";
import { notifyAboutPost, notifyPerson } from "../notifications/notify";
import { can, ensureCan, type KudosTarget, type Viewer } from "../policy";
import { loadReply } from "../questions/access";
import { loadTutorial } from "../tutorials/access";
import { parseInput, type Untrusted } from "../validation";
import { kudosSchema, type KudosInput, type KudosTargetKind } from "./schemas";

/**
 * Thanks an answer, a tutorial or a person with an optional short note; the receiver is notified.
 * Never oneself; once per giver and thing thanked (a second time is a conflict, the first note stays).
 */
export async function giveKudos(
  guilde: Guilde,
  { viewer, target, input }: { viewer: Viewer; target: { kind: KudosTargetKind; id: string }; input: Untrusted<KudosInput> },
): Promise<{ kudosId: string; receiverId: string }> {
  const { note } = parseInput(kudosSchema, input);
  return write(guilde, async (tx, emit) => {
    const thanked = await loadTarget(tx, viewer, target);
    if (!thanked) throw new NotFound();
    if (thanked.receiverId === viewer?.id) throw new Invalid({ form: ["errors.kudosSelf"] }, "errors.kudosSelf");
    ensureCan(viewer, { action: "kudos.give", receiverId: thanked.receiverId, target: thanked.access });
    const [created] = await tx
      .insert(kudos)
      .values({ id: newId(), giverId: viewer.id, receiverId: thanked.receiverId, postId: thanked.postId, replyId: thanked.replyId, targetId: target.id, note })
      .onConflictDoNothing()
      .returning({ id: kudos.id });
    if (!created) throw new Conflict("errors.kudosAlreadyGiven", { form: ["errors.kudosAlreadyGiven"] });
    await thanked.notify(tx, { actorId: viewer.id, note, emit });
    return { kudosId: created.id, receiverId: thanked.receiverId };
  });
}

interface ThankedTarget {
  receiverId: string;
  postId: string | null;
  replyId: string | null;
  access: KudosTarget;
  notify: (tx: Transaction, thanks: { actorId: string; note: string; emit: Emit }) => Promise<unknown>;
}

/** What is thanked, if the viewer may see it (anything else is not found, so private content stays unconfirmed). */
async function loadTarget(tx: Transaction, viewer: Viewer, target: { kind: KudosTargetKind; id: string }): Promise<ThankedTarget | null> {
  switch (target.kind) {
    case "answer": {
      const loaded = await loadReply(tx, viewer, target.id);
      if (!loaded || loaded.reply.kind !== "answer" || !can(viewer, { action: "reply.view", reply: loaded.replyAccess })) return null;
      const { post, community, reply } = loaded;
      return {
        receiverId: reply.authorId,
        postId: post.id,
        replyId: reply.id,
        access: { kind: "answer", reply: loaded.replyAccess },
        notify: (tx, { actorId, note, emit }) =>
          notifyAboutPost(tx, { recipientIds: [reply.authorId], post, community, emit, draft: { kind: "kudos_received", actorId, replyId: reply.id, summary: { title: post.title, note } } }),
      };
    }
    case "tutorial": {
      const loaded = await loadTutorial(tx, viewer, target.id);
      if (!loaded || !can(viewer, { action: "tutorial.view", tutorial: loaded.access })) return null;
      const { post, community } = loaded;
      return {
        receiverId: post.authorId,
        postId: post.id,
        replyId: null,
        access: { kind: "tutorial", tutorial: loaded.access },
        notify: (tx, { actorId, note, emit }) =>
          notifyAboutPost(tx, { recipientIds: [post.authorId], post, community, emit, draft: { kind: "kudos_received", actorId, summary: { title: post.title, note } } }),
      };
    }
    case "person": {
      const [person] = await tx.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, target.id));
      if (!person || !can(viewer, { action: "profile.view", profile: person })) return null;
      return {
        receiverId: person.id,
        postId: null,
        replyId: null,
        access: { kind: "person", profile: person },
        notify: (tx, { actorId, note, emit }) => notifyPerson(tx, { recipientId: person.id, emit, draft: { kind: "kudos_received", actorId, summary: { note } } }),
      };
    }
  }
}
