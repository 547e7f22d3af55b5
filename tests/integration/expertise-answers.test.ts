import { asc, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { resultRows } from "../../db/client";
import { expertiseAnswers, type Reply } from "../../db/schema";
import { hideContent, restoreContent } from "../../server/moderation/hide-content";
import { moveQuestion } from "../../server/moderation/move-question";
import { acceptAnswer } from "../../server/questions/accept-answer";
import { deleteQuestion, deleteReply } from "../../server/questions/delete";
import { editQuestion } from "../../server/questions/edit";
import { vote } from "../../server/questions/vote";
import { answer, community, employee, membership, question } from "../support/factories";
import { useGuilde } from "../support/guilde";

const guilde = useGuilde();

interface ExpertiseAnswer {
  replyId: string;
  authorId: string;
  communityId: string;
  tags: string[];
}

const kept = (): Promise<ExpertiseAnswer[]> => guilde.db.select().from(expertiseAnswers).orderBy(asc(expertiseAnswers.replyId));

/** The answers routing counted before the table existed, read from `replies` and `posts` with the same conditions. */
async function recomputed(): Promise<ExpertiseAnswer[]> {
  return resultRows<ExpertiseAnswer>(
    await guilde.db.execute(sql`
      select answered.id as "replyId", answered.author_id as "authorId",
        answered_question.community_id as "communityId", answered_question.tags
      from replies as answered
      inner join posts as answered_question on answered_question.id = answered.post_id
      where answered.kind = 'answer' and answered.deleted_at is null and answered.hidden_at is null
        and (answered.score > 0 or answered_question.accepted_answer_id = answered.id)
        and answered_question.deleted_at is null
      order by answered.id`),
  );
}

/** The table holds exactly what the old definition computes, and that is these answers. */
async function expectKept(...answers: Reply[]): Promise<ExpertiseAnswer[]> {
  const rows = await kept();
  expect(rows).toEqual(await recomputed());
  expect(rows.map((row) => row.replyId)).toEqual(answers.map((reply) => reply.id).sort());
  return rows;
}

describe("the answers that make a monitor's expertise", () => {
  it("follow every vote, acceptance, deletion, hiding, retagging and move, in the transaction that makes it", async () => {
    const cycling = await community(guilde, { name: "Cycling repair" });
    const workshop = await community(guilde, { name: "Workshop" });
    const lea = await employee(guilde, { displayName: "Léa" });
    const sophie = await employee(guilde, { displayName: "Sophie" });
    const thomas = await employee(guilde, { displayName: "Thomas" });
    const colleague = await employee(guilde, { displayName: "Colleague" });
    const hugo = await employee(guilde, { displayName: "Hugo" });
    for (const person of [lea, sophie, thomas, colleague]) await membership(guilde, cycling, person);
    await membership(guilde, cycling, hugo, "moderator");
    await membership(guilde, workshop, hugo, "moderator");

    const asked = await question(guilde, { in: cycling, by: lea, title: "Hydraulic brake feels spongy", tags: ["freins"] });
    const sophies = await answer(guilde, { to: asked, by: sophie });
    const thomass = await answer(guilde, { to: asked, by: thomas });
    await expectKept();

    // Upvoted to a positive score, then back to zero.
    await vote(guilde, { viewer: colleague, targetId: sophies.id, input: { value: 1 } });
    expect(await expectKept(sophies)).toEqual([{ replyId: sophies.id, authorId: sophie.id, communityId: cycling.id, tags: ["freins"] }]);
    await vote(guilde, { viewer: colleague, targetId: sophies.id, input: { value: -1 } });
    await expectKept();
    await vote(guilde, { viewer: colleague, targetId: sophies.id, input: { value: 0 } });
    await expectKept();

    // Accepted, the mark moved to another answer, then removed.
    await acceptAnswer(guilde, { viewer: lea, questionId: asked.id, answerId: sophies.id });
    await expectKept(sophies);
    await acceptAnswer(guilde, { viewer: lea, questionId: asked.id, answerId: thomass.id });
    await expectKept(thomass);
    await acceptAnswer(guilde, { viewer: lea, questionId: asked.id, answerId: null });
    await expectKept();

    // The question retagged and moved: its answers carry its new tags and community.
    await vote(guilde, { viewer: colleague, targetId: sophies.id, input: { value: 1 } });
    await acceptAnswer(guilde, { viewer: lea, questionId: asked.id, answerId: thomass.id });
    await editQuestion(guilde, { viewer: lea, questionId: asked.id, input: { title: asked.title, body: asked.body, tags: ["freins", "hydraulique"] } });
    expect((await expectKept(sophies, thomass)).map((row) => row.tags)).toEqual([
      ["freins", "hydraulique"],
      ["freins", "hydraulique"],
    ]);
    await moveQuestion(guilde, { viewer: hugo, questionId: asked.id, input: { communityId: workshop.id } });
    expect((await expectKept(sophies, thomass)).map((row) => row.communityId)).toEqual([workshop.id, workshop.id]);

    // An answer hidden, then restored; a hidden question's answers still count, as they always did.
    await hideContent(guilde, { viewer: hugo, contentId: sophies.id, input: { reason: "off_topic" } });
    await expectKept(thomass);
    await restoreContent(guilde, { viewer: hugo, contentId: sophies.id });
    await expectKept(sophies, thomass);
    await hideContent(guilde, { viewer: hugo, contentId: asked.id, input: { reason: "confidential" } });
    await expectKept(sophies, thomass);
    await restoreContent(guilde, { viewer: hugo, contentId: asked.id });

    // The accepted answer deleted: it no longer counts, nor stays accepted; then the question deleted.
    await deleteReply(guilde, { viewer: thomas, replyId: thomass.id });
    await expectKept(sophies);
    await deleteQuestion(guilde, { viewer: lea, questionId: asked.id });
    await expectKept();
  });

  it("a plain edit or a vote that keeps the score positive leaves the table alone", async () => {
    const cycling = await community(guilde);
    const lea = await employee(guilde);
    const sophie = await employee(guilde);
    const [first, second] = [await employee(guilde), await employee(guilde)];
    for (const person of [lea, sophie, first, second]) await membership(guilde, cycling, person);
    const asked = await question(guilde, { in: cycling, by: lea, tags: ["roues"] });
    const sophies = await answer(guilde, { to: asked, by: sophie });
    await vote(guilde, { viewer: first, targetId: sophies.id, input: { value: 1 } });
    const [before] = resultRows<{ ctid: string }>(await guilde.db.execute(sql`select ctid::text from expertise_answers`));
    await vote(guilde, { viewer: second, targetId: sophies.id, input: { value: 1 } });
    await editQuestion(guilde, { viewer: lea, questionId: asked.id, input: { title: "Which spokes first?", body: asked.body, tags: ["roues"] } });
    expect(resultRows<{ ctid: string }>(await guilde.db.execute(sql`select ctid::text from expertise_answers`))).toEqual([before]);
    await expectKept(sophies);
  });
});
