import { describe, expect, it } from "vitest";
import { searchablePostKinds } from "../../server/search/documents";
import { audienceFilter, facetFilters, meiliSettings, quote, sameSettings } from "../../server/search/meilisearch";
import { parseQueryText, parseTitleQuery } from "../../server/search/query";
import { toSegments } from "../../server/search/snippets";
import { synonymsOf } from "../../server/search/synonyms";
import { decodeTarget, encodeTarget } from "../../server/search/targets";

describe("search query text", () => {
  it("keeps letters and digits only, so no engine ever sees an operator", () => {
    expect(parseQueryText(`torque'); drop table posts; -- & | ! <-> :* "x" OR kind = person`).words).toEqual([
      "torque", "drop", "table", "posts", "x", "or", "kind", "person",
    ]);
    expect(parseQueryText("?!…--;;").words).toEqual([]);
    expect(parseQueryText("Vélo ÉLECTRIQUE").words).toEqual(["vélo", "électrique"]);
  });

  it("bounds what it reads and says so", () => {
    const long = parseQueryText("word ".repeat(3000));
    expect(long.words).toEqual(["word"]);
    expect(long.truncated).toBe(true);
    const many = parseQueryText("a b c d e f g h i j k l m n o");
    expect(many.words).toHaveLength(12);
    expect(many.truncated).toBe(true);
  });

  it("remembers quoted words", () => {
    expect(parseQueryText(`When should I use "who" or “whom”?`).quoted).toEqual(["who", "whom"]);
  });

  it("does not take apostrophes within words for quotes", () => {
    expect(parseQueryText(`"a" or "an" for words that don't start with vowels but they're`).quoted).toEqual(["a", "an"]);
    expect(parseQueryText(`Is it 'a usual' or 'an usual'?`).quoted).toEqual(["a", "usual", "an"]);
  });

  it("reads more of a title compared with other questions than of a search", () => {
    const title = "Is there any rhyme or reason to when one should double the last consonant when adding -ed or -ing?";
    expect(parseQueryText(title).words).not.toContain("consonant");
    expect(parseTitleQuery(title).words).toContain("consonant");
    expect(parseTitleQuery(title).truncated).toBe(false);
  });
});

describe("highlight segments", () => {
  it("split ts_headline's escaped output into text and marks, decoding entities", () => {
    expect(toSegments("a &lt;b&gt; <mark>brake</mark> &amp; <mark>pads</mark>", { open: "<mark>", close: "</mark>", escaped: true })).toEqual([
      { text: "a <b> ", mark: false },
      { text: "brake", mark: true },
      { text: " & ", mark: false },
      { text: "pads", mark: true },
    ]);
  });

  it("leave Meilisearch's raw text as it is", () => {
    expect(toSegments("<mark>x</mark> \u0001brake\u0002", { open: "\u0001", close: "\u0002", escaped: false })).toEqual([
      { text: "<mark>x</mark> ", mark: false },
      { text: "brake", mark: true },
    ]);
  });
});

describe("Meilisearch filters", () => {
  it("quote values, escaping quotes and backslashes", () => {
    expect(quote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(facetFilters({ kinds: ["question"], communityIds: [], siteIds: [], statuses: [], tags: ['x" OR kind = "person'] })).toEqual([
      'kind IN ["question"]',
      'tags = "x\\" OR kind = \\"person"',
    ]);
  });

  it("express the audience: readable content, findable communities, people", () => {
    const customer = audienceFilter({ viewerId: "me", readableCommunityIds: ["open1"], findableCommunityIds: ["open1"], seesEveryone: false });
    expect(customer).toBe(
      // Every searchable post kind (questions, tutorials…) and answers: content of the readable communities.
      `((kind IN [${[...searchablePostKinds, "answer"].map((kind) => `"${kind}"`).join(", ")}] AND communityId IN ["open1"]) OR` +
        ' (kind = "expertise" AND communityId IN ["open1"] AND (personRole != "customer" OR personId = "me")) OR (kind = "community" AND communityId IN ["open1"]) OR (kind = "person" AND (personRole != "customer" OR personId = "me")))',
    );
    expect(audienceFilter({ viewerId: "me", readableCommunityIds: [], findableCommunityIds: [], seesEveryone: true })).toBe('(kind = "person")');
  });

  it("settings compare as equal when Meilisearch answers them in another order", () => {
    const answered = { ...meiliSettings, filterableAttributes: [...meiliSettings.filterableAttributes].reverse(), typoTolerance: { ...meiliSettings.typoTolerance, disableOnWords: [], disableOnAttributes: [] } };
    expect(sameSettings(answered, meiliSettings)).toBe(true);
    expect(sameSettings({ ...answered, rankingRules: ["words"] }, meiliSettings)).toBe(false);
  });
});

describe("outbox targets and synonyms", () => {
  it("encode and decode targets; unknown ones decode to nothing", () => {
    for (const target of [{ kind: "post", id: "abc" }, { kind: "expertise", userId: "u", communityId: "c" }] as const) {
      expect(decodeTarget(encodeTarget(target))).toEqual(target);
    }
    expect(decodeTarget("tutorial-draft:xyz")).toBeNull();
  });

  it("synonyms work across English and French, accents aside", () => {
    expect(synonymsOf("Vélo")).toEqual(expect.arrayContaining(["bike", "bicycle"]));
    expect(synonymsOf("brakes")).toContain("frein");
  });
});
