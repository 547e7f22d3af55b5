import { describe, expect, it } from "vitest";
import { closeQuestion } from "../../server/questions/moderate-question";
import { leadToOriginals } from "../../server/search/find-similar-questions";
import type { SimilarQuestion } from "../../server/search/search-index";
import { community, employee, membership, question } from "../support/factories";
import { useGuilde } from "../support/guilde";

const guilde = useGuilde();

describe("similar questions led to originals", () => {
  const setUp = async () => {
    const grammar = await community(guilde, { name: "Grammar" });
    const [lea, hugo] = [await employee(guilde), await employee(guilde)];
    await membership(guilde, grammar, hugo, "moderator");
    const original = await question(guilde, { in: grammar, by: lea, title: "Choosing between two pronouns", body: "Is it who or whom after a preposition?" });
    const duplicates: Awaited<ReturnType<typeof question>>[] = [];
    for (const title of ["Whom or who in a question", "Who or whom after for", "When is whom correct?"]) {
      const duplicate = await question(guilde, { in: grammar, by: lea, title });
      await closeQuestion(guilde, { viewer: hugo, questionId: duplicate.id, input: { reason: "duplicate", duplicateOfId: original.id } });
      duplicates.push(duplicate);
    }
    const other = await question(guilde, { in: grammar, by: lea, title: "Who or whom in questions, formally" });
    const found = (closeness: (number | undefined)[]): SimilarQuestion[] =>
      [other, ...duplicates].map((post, index) => ({ questionId: post.id, communityId: grammar.id, title: post.title, status: "unanswered", score: 0, closeness: closeness[index] }));
    return { lea, original, other, found };
  };

  it("an original that several close duplicates lead to outranks a single slightly closer question", async () => {
    const { lea, original, other, found } = await setUp();
    const led = await leadToOriginals(guilde.db, lea, found([10, 9.5, 8, 7]));
    expect(led.map((suggestion) => suggestion.questionId)).toEqual([original.id, other.id]);
  });

  it("a single duplicate found keeps its original where it was found", async () => {
    const { lea, original, other, found } = await setUp();
    const led = await leadToOriginals(guilde.db, lea, found([10, 9.5]).slice(0, 2));
    expect(led.map((suggestion) => suggestion.questionId)).toEqual([other.id, original.id]);
  });

  it("without the engine's closeness, the engine's order is kept", async () => {
    const { lea, original, other, found } = await setUp();
    const led = await leadToOriginals(guilde.db, lea, found([]));
    expect(led.map((suggestion) => suggestion.questionId)).toEqual([other.id, original.id]);
  });
});
