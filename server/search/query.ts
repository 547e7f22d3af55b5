/**
 * What a person typed, reduced to the words both engines search for: letters and digits only, so that
 * no operator of SQL, tsquery or Meilisearch's filter syntax ever reaches an engine as syntax.
 */
import { synonymsOf } from "./synonyms";

/** Longer input is cut before it is even split: a 10 KB paste costs what 500 characters cost. */
const maxInputLength = 500;
const maxWords = 12;
const maxWordLength = 40;

export interface QueryText {
  /** The text sent to engines that take text (Meilisearch), cleaned the same way. */
  text: string;
  words: string[];
  /** Words typed between quotes: the term a question is about ("who" or "whom"), weighed more. */
  quoted: string[];
  /** Some of what was typed was left out (too long, too many words). */
  truncated: boolean;
}

export function parseQueryText(input: string): QueryText {
  const bounded = input.slice(0, maxInputLength);
  const found = bounded.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const words = [...new Set(found.map((word) => word.slice(0, maxWordLength)))];
  const quoted = [...bounded.normalize("NFKC").toLowerCase().matchAll(/["“”‘’'`«»]([^"“”‘’'`«»]{1,40})["“”‘’'`«»]/g)].flatMap(
    (match) => match[1].match(/[\p{L}\p{N}]+/gu) ?? [],
  );
  return {
    text: words.slice(0, maxWords).join(" "),
    words: words.slice(0, maxWords),
    quoted: [...new Set(quoted)].filter((word) => words.slice(0, maxWords).includes(word)),
    truncated: input.length > maxInputLength || words.length > maxWords,
  };
}

/** A word with the words that mean the same (see ./synonyms.ts), for engines that expand queries themselves. */
export function expandWord(word: string): string[] {
  return [word, ...synonymsOf(word)];
}

/** The tags that share a word's start with the query, or the first ones when none does. */
export function matchingTags(tags: string[], query: QueryText): string[] {
  const fold = (text: string) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const words = query.words.map(fold).filter((word) => word.length >= 3);
  const matching = tags.filter((tag) => words.some((word) => fold(tag).split(/[-.]/).some((part) => part.startsWith(word.slice(0, 4)))));
  return (matching.length ? matching : tags).slice(0, 5);
}
