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

/**
 * Quotes around words, not apostrophes within them: in `don't start with "a" but they're`, only
 * "a" is quoted.
 */
const quotation = /(?<![\p{L}\p{N}])["“”‘’'`«»]([^"“”‘’'`«»]{1,40}?)["“”‘’'`«»](?![\p{L}\p{N}])/gu;

/** `wordLimit`: a search takes the first 12 words; a title compared with others takes more (./postgres.ts keeps the rarest). */
export function parseQueryText(input: string, { wordLimit = maxWords }: { wordLimit?: number } = {}): QueryText {
  const bounded = input.slice(0, maxInputLength);
  const found = bounded.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const words = [...new Set(found.map((word) => word.slice(0, maxWordLength)))];
  const quoted = [...bounded.normalize("NFKC").toLowerCase().matchAll(quotation)].flatMap((match) => match[1].match(/[\p{L}\p{N}]+/gu) ?? []);
  const kept = words.slice(0, wordLimit);
  return {
    text: kept.join(" "),
    words: kept,
    quoted: [...new Set(quoted)].filter((word) => kept.includes(word)),
    truncated: input.length > maxInputLength || words.length > wordLimit,
  };
}

/** A question's title as similar questions compare it: every word up to 24, quoted ones marked. */
export const parseTitleQuery = (title: string) => parseQueryText(title.slice(0, 300), { wordLimit: 24 });

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
