/**
 * What every search engine must do, run against each adapter: search-postgres.test.ts (the embedded
 * engine, always, on PGlite and PostgreSQL) and search-meilisearch.test.ts (when MEILI_HOST is set).
 * Writes go through the real services, so the outbox rows are the ones production writes.
 */
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { posts, type User } from "../../db/schema";
import { updateCommunity } from "../../server/communities/update-community";
import { leaveCommunity } from "../../server/communities/memberships";
import { write } from "../../server/events";
import { acceptAnswer } from "../../server/questions/accept-answer";
import { deleteQuestion } from "../../server/questions/delete";
import { editQuestion } from "../../server/questions/edit";
import { closeQuestion } from "../../server/questions/moderate-question";
import { findSimilarQuestions } from "../../server/search/find-similar-questions";
import { drainOutbox } from "../../server/search/outbox-worker";
import { searchContent, type SearchInput } from "../../server/search/search-content";
import type { SearchIndex } from "../../server/search/search-index";
import { enqueueEverything } from "../../server/search/targets";
import { admin, answer, community, customer, employee, membership, question } from "../support/factories";
import type { TestGuilde } from "../support/guilde";

export function searchContract(guilde: TestGuilde, engine: () => SearchIndex) {
  beforeEach(async () => {
    guilde.search = engine();
    await guilde.search.prepare();
  });

  /** The outbox drained into the engine under test, as the worker does it. */
  const indexed = () => drainOutbox(guilde.db, guilde.search);
  const search = (viewer: User, input: SearchInput) => searchContent(guilde, { viewer, input });
  const titles = async (viewer: User, input: SearchInput) => (await search(viewer, input)).results.map((result) => result.title.map((part) => part.text).join(""));

  describe("finding", () => {
    it("finds a question by its title, body, tags and accepted answer, ranked title first", async () => {
      const cycling = await community(guilde, { name: "Cycling" });
      const [lea, karim] = [await employee(guilde), await employee(guilde)];
      const bleeding = await question(guilde, { in: cycling, by: lea, title: "Bleeding hydraulic brakes on a mountain bike", body: "The lever feels spongy since last week.", tags: ["freins"] });
      await question(guilde, { in: cycling, by: lea, title: "Which saddle for long rides?", body: "Long rides hurt. Is a brakes upgrade worth it too?" });
      const given = await answer(guilde, { to: bleeding, by: karim, body: "Use a syringe of mineral oil and push the air out from the caliper." });
      await acceptAnswer(guilde, { viewer: lea, questionId: bleeding.id, answerId: given.id });
      await indexed();

      expect((await titles(lea, { q: "brakes", type: ["question"] }))[0]).toBe("Bleeding hydraulic brakes on a mountain bike");
      expect(await titles(lea, { q: "spongy lever", type: ["question"] })).toEqual(["Bleeding hydraulic brakes on a mountain bike"]);
      expect(await titles(lea, { q: "freins", type: ["question"] })).toContain("Bleeding hydraulic brakes on a mountain bike");
      expect(await titles(lea, { q: "mineral syringe", type: ["question"] })).toEqual(["Bleeding hydraulic brakes on a mountain bike"]);
      const solved = await search(lea, { q: "mineral syringe" });
      expect(solved.facets.status).toEqual([expect.objectContaining({ value: "solved", count: 1 })]);
    });

    it("stems English and French words and ignores accents", async () => {
      const atelier = await community(guilde);
      const lea = await employee(guilde);
      await question(guilde, { in: atelier, by: lea, title: "Réglage des freins à disque du vélo électrique", body: "Les plaquettes frottent après le montage." });
      await question(guilde, { in: atelier, by: lea, title: "Adjusting derailleurs on city bikes", body: "Shifting skips under load." });
      await indexed();
      expect(await titles(lea, { q: "velo electrique" })).toContain("Réglage des freins à disque du vélo électrique");
      expect(await titles(lea, { q: "frein" })).toContain("Réglage des freins à disque du vélo électrique");
      expect(await titles(lea, { q: "adjust derailleur" })).toContain("Adjusting derailleurs on city bikes");
    });

    it("highlights matches in snippets as segments that carry no markup", async () => {
      const atelier = await community(guilde);
      const lea = await employee(guilde);
      await question(guilde, { in: atelier, by: lea, title: "Torque wrench <script>alert(1)</script> settings", body: "Which torque for a <b>carbon</b> stem? The torque matters." });
      await indexed();
      const [result] = (await search(lea, { q: "torque" })).results;
      expect(result.title.some((part) => part.mark && /torque/i.test(part.text))).toBe(true);
      expect(result.title.map((part) => part.text).join("")).toContain("<script>alert(1)</script>");
      expect(result.snippet.some((part) => part.mark && /torque/i.test(part.text))).toBe(true);
      expect(result.snippet.every((part) => !part.text.includes("<mark>"))).toBe(true);
    });

    it("follows edits and deletions: a deleted question and its answers leave the results", async () => {
      const atelier = await community(guilde);
      const [lea, karim] = [await employee(guilde), await employee(guilde)];
      const asked = await question(guilde, { in: atelier, by: lea, title: "Chain keeps falling off the chainring", body: "On every steep climb the chain drops." });
      await answer(guilde, { to: asked, by: karim, body: "Check the front derailleur limit screws before anything else." });
      await indexed();
      await editQuestion(guilde, { viewer: lea, questionId: asked.id, input: { title: "Chain derails on climbs", body: "On every steep climb the chain drops.", tags: [] } });
      await indexed();
      expect(await titles(lea, { q: "chainring" })).toEqual([]);
      expect(await titles(lea, { q: "derails", type: ["question"] })).toEqual(["Chain derails on climbs"]);

      await deleteQuestion(guilde, { viewer: lea, questionId: asked.id });
      await indexed();
      expect((await search(lea, { q: "limit screws" })).total).toBe(0);
      expect((await search(lea, { q: "derails" })).total).toBe(0);
    });
  });

  describe("never a leak", () => {
    it("a customer finds only the open communities they belong to, and their content", async () => {
      const [openJoined, openOther, internal, secret] = [
        await community(guilde, { name: "Bikes open joined", visibility: "open" }),
        await community(guilde, { name: "Bikes open other", visibility: "open" }),
        await community(guilde, { name: "Bikes internal", visibility: "internal" }),
        await community(guilde, { name: "Bikes private", visibility: "private" }),
      ];
      const [lea, bob] = [await employee(guilde), await customer(guilde)];
      await membership(guilde, openJoined, bob);
      for (const where of [openJoined, openOther, internal, secret]) {
        await membership(guilde, where, lea, "moderator");
        await question(guilde, { in: where, by: lea, title: `Tubeless tyres question in ${where.name}` });
      }
      await enqueueEverything(guilde.db);
      await indexed();
      const page = await search(bob, { q: "bikes tubeless" });
      expect(page.results.map((result) => result.community?.name)).toEqual(expect.arrayContaining(["Bikes open joined"]));
      expect(new Set(page.results.map((result) => result.community?.name))).toEqual(new Set(["Bikes open joined"]));
      expect(page.facets.community.map((facet) => facet.label)).toEqual(["Bikes open joined"]);
      const communitiesFound = await search(bob, { q: "bikes", type: ["community"] });
      expect(communitiesFound.results.map((result) => result.community?.name)).toEqual(["Bikes open joined"]);
    });

    it("a private community's content is found by its members only, and no longer once they leave", async () => {
      const secret = await community(guilde, { name: "Project Falcon", visibility: "private" });
      const [lea, karim, hugo] = [await employee(guilde), await employee(guilde), await admin(guilde)];
      await membership(guilde, secret, lea, "moderator");
      await membership(guilde, secret, karim);
      await question(guilde, { in: secret, by: lea, title: "Falcon prototype frame geometry", body: "Confidential numbers inside." });
      const outsider = await employee(guilde);
      await indexed();

      expect(await titles(karim, { q: "falcon prototype" })).toContain("Falcon prototype frame geometry");
      expect(await titles(hugo, { q: "falcon prototype" })).toContain("Falcon prototype frame geometry");
      const outside = await search(outsider, { q: "falcon prototype confidential" });
      expect(outside.results.filter((result) => result.kind !== "community")).toEqual([]);
      expect(outside.facets.tag).toEqual([]);
      expect(outside.facets.kind.find((facet) => facet.value === "question")).toBeUndefined();

      await leaveCommunity(guilde, { viewer: karim, communityId: secret.id });
      await indexed();
      expect(await titles(karim, { q: "falcon prototype", type: ["question"] })).toEqual([]);
    });

    it("a community turned private hides its content from non-members at once", async () => {
      const shop = await community(guilde, { name: "Shop floor", slug: "shop-floor", visibility: "internal" });
      const [lea, sophie] = [await employee(guilde), await employee(guilde)];
      await membership(guilde, shop, lea, "moderator");
      await question(guilde, { in: shop, by: lea, title: "Inventory count schedule for December" });
      await indexed();
      expect(await titles(sophie, { q: "inventory december" })).toEqual(["Inventory count schedule for December"]);
      await updateCommunity(guilde, { viewer: lea, communityId: shop.id, input: { name: "Shop floor", slug: "shop-floor", visibility: "private", themes: [], description: "" } });
      const after = await search(sophie, { q: "inventory december", type: ["question"] });
      expect(after.results).toEqual([]);
      expect(after.total).toBe(0);
    });

    it("hidden content is found by no one, not even its author, and facets leave it out", async () => {
      const atelier = await community(guilde);
      const [lea, moderator] = [await employee(guilde), await admin(guilde)];
      const hidden = await question(guilde, { in: atelier, by: lea, title: "Supplier price list leaked", tags: ["confidential"] });
      await question(guilde, { in: atelier, by: lea, title: "Supplier delivery days" });
      await indexed();
      // As a moderator's hiding does: the change and its event in one write.
      await write(guilde, async (tx, emit) => {
        await tx.update(posts).set({ hiddenAt: new Date() }).where(eq(posts.id, hidden.id));
        emit({ type: "question.changed", communityId: atelier.id, questionId: hidden.id, change: "hidden" });
      });
      await indexed();
      for (const viewer of [lea, moderator]) {
        const page = await search(viewer, { q: "supplier" });
        expect(page.results.map((result) => result.href)).not.toContain(`/questions/${hidden.id}`);
        expect(page.total).toBe(1);
        expect(page.facets.tag.map((facet) => facet.value)).not.toContain("confidential");
        expect(page.facets.kind).toEqual([expect.objectContaining({ value: "question", count: 1 })]);
      }
    });

    it("customers never find other customers; employees find everyone", async () => {
      const [bob, alice, lea] = [
        await customer(guilde, { displayName: "Bob Vermeulen" }),
        await customer(guilde, { displayName: "Alice Vermeulen" }),
        await employee(guilde, { displayName: "Léa Vermeulen" }),
      ];
      await enqueueEverything(guilde.db);
      await indexed();
      const names = async (viewer: User) => (await titles(viewer, { q: "vermeulen", type: ["person"] })).sort();
      expect(await names(bob)).toEqual(["Bob Vermeulen", "Léa Vermeulen"]);
      expect(await names(alice)).toEqual(["Alice Vermeulen", "Léa Vermeulen"]);
      expect(await names(lea)).toEqual(["Alice Vermeulen", "Bob Vermeulen", "Léa Vermeulen"]);
    });
  });

  describe("helping", () => {
    it("people who know: monitors first, then those who answered", async () => {
      const cycling = await community(guilde, { name: "Cycling" });
      const [lea, karim, sophie] = [await employee(guilde), await employee(guilde, { displayName: "Karim Benali" }), await employee(guilde, { displayName: "Sophie Moreau" })];
      await membership(guilde, cycling, sophie);
      await membership(guilde, cycling, karim, "monitor", { topics: ["wheels"] });
      const asked = await question(guilde, { in: cycling, by: lea, title: "Truing a wheel at home", tags: ["wheels"] });
      await answer(guilde, { to: asked, by: sophie });
      await enqueueEverything(guilde.db);
      await indexed();
      const page = await search(lea, { q: "wheels" });
      expect(page.people.map((person) => [person.displayName, person.monitor])).toEqual([
        ["Karim Benali", true],
        ["Sophie Moreau", false],
      ]);
    });

    it("similar questions while asking: the closest ones the asker may read, solved first", async () => {
      const cycling = await community(guilde, { name: "Cycling" });
      const secret = await community(guilde, { name: "Secret", visibility: "private" });
      const [lea, karim] = [await employee(guilde), await employee(guilde)];
      await membership(guilde, secret, karim, "moderator");
      await question(guilde, { in: cycling, by: lea, title: "Rear wheel wobbles after a crash" });
      const solved = await question(guilde, { in: cycling, by: lea, title: "How to fix a wobbly rear wheel?" });
      await acceptAnswer(guilde, { viewer: lea, questionId: solved.id, answerId: (await answer(guilde, { to: solved, by: karim })).id });
      await question(guilde, { in: secret, by: karim, title: "Wobbly rear wheel on the secret prototype" });
      await question(guilde, { in: cycling, by: lea, title: "Best lights for winter commuting" });
      await indexed();
      const similar = await findSimilarQuestions(guilde, { viewer: lea, title: "My rear wheel is wobbly" });
      expect(similar.map((view) => view.title)).toEqual(["How to fix a wobbly rear wheel?", "Rear wheel wobbles after a crash"]);
      expect(similar[0].solved).toBe(true);
    });

    it("similar questions: a rare word shared outranks common words shared", async () => {
      const grammar = await community(guilde, { name: "Grammar" });
      const lea = await employee(guilde);
      for (const title of ["How to use the comma", "How to use the colon", "How to use the hyphen", "How to use the dash"]) {
        await question(guilde, { in: grammar, by: lea, title });
      }
      await question(guilde, { in: grammar, by: lea, title: "Semicolons between independent clauses" });
      await indexed();
      const similar = await findSimilarQuestions(guilde, { viewer: lea, title: "How to use semicolons in a list" });
      expect(similar[0]?.title).toBe("Semicolons between independent clauses");
    });

    it("similar questions: finds a reworded duplicate, by its text when its title differs", async () => {
      const grammar = await community(guilde, { name: "Grammar" });
      const lea = await employee(guilde);
      await question(guilde, { in: grammar, by: lea, title: "Which article goes first?", body: "Should I write an hour or a hour, given that the h is silent?" });
      for (const title of [
        "Plural of octopus",
        "Commas before quotations",
        "Who versus whom",
        "Capitals in headings",
        "Spelling of judgement",
        "Numbers in words versus figures",
        "Dates in American and British styles",
        "Sentences ending with prepositions",
        "Italics for foreign words",
      ]) {
        await question(guilde, { in: grammar, by: lea, title, body: "Our style guide says nothing about it. What do dictionaries say?" });
      }
      await indexed();
      const similar = await findSimilarQuestions(guilde, { viewer: lea, title: "\"A hour\" or \"an hour\" when the h is silent" });
      expect(similar.map((view) => view.title)).toEqual(["Which article goes first?"]);
    });

    it("similar questions: a question closed as a duplicate leads to its original, once", async () => {
      const grammar = await community(guilde, { name: "Grammar" });
      const [lea, hugo] = [await employee(guilde), await employee(guilde)];
      await membership(guilde, grammar, hugo, "moderator");
      const original = await question(guilde, { in: grammar, by: lea, title: "Choosing between two pronouns", body: "Is it who or whom after a preposition?" });
      const duplicate = await question(guilde, { in: grammar, by: lea, title: "Whom or who in a question", body: "Whom did you see, or who did you see?" });
      await closeQuestion(guilde, { viewer: hugo, questionId: duplicate.id, input: { reason: "duplicate", duplicateOfId: original.id } });
      await question(guilde, { in: grammar, by: lea, title: "Plural of octopus", body: "Octopi or octopuses?" });
      await indexed();
      const similar = await findSimilarQuestions(guilde, { viewer: lea, title: "Who or whom in questions" });
      expect(similar.map((view) => view.title)).toEqual(["Choosing between two pronouns"]);

      await deleteQuestion(guilde, { viewer: lea, questionId: original.id });
      await indexed();
      const afterDeletion = await findSimilarQuestions(guilde, { viewer: lea, title: "Who or whom in questions" });
      expect(afterDeletion.map((view) => view.title)).toEqual(["Whom or who in a question"]);
    });
  });
}
