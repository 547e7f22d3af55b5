/**
 * Loads one Stack Exchange sample from ../shared/data (JSON Lines, see its README) as a community of
 * Guilde: its questions, answers and accepted answers, with the attribution the licence asks for. The
 * search relevance bench (bench/search-relevance.ts) runs on it. Real dumps (XML) are imported by
 * `npm run import:stackexchange` (server/import/stackexchange).
 */
import fs from "node:fs";
import path from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../db/client";
import { newId } from "../db/ids";
import { communities, posts, replies, sites, users } from "../db/schema";
import { renderMarkdown } from "../server/content/markdown";
import { projectRoot } from "../server/paths";

export const sampleSites = ["english", "quantumcomputing", "bicycles-meta", "french-meta"] as const;
export type SampleSite = (typeof sampleSites)[number];

export const sampleDataFolder = process.env.SAMPLE_DATA_DIR ?? path.join(projectRoot, "..", "shared", "data");

interface SourceQuestion {
  id: number;
  title: string;
  body_markdown_or_text: string;
  tags: string[];
  created_at: string | null;
  score: number | null;
  author: string | null;
  author_url: string | null;
  url: string;
  license: string | null;
  accepted_answer_id?: number;
}

interface SourceAnswer {
  id: number;
  question_id: number;
  body: string;
  created_at: string;
  score: number;
  author: string | null;
  author_url: string | null;
  url: string;
  license: string;
}

export interface DuplicatePair {
  question_id: number;
  duplicate_of_id: number;
  is_duplicate: boolean;
}

export interface ImportedSample {
  communityId: string;
  /** Guilde's post id for each Stack Exchange question id. */
  questionIds: Map<number, string>;
  /** Each question's title, by Stack Exchange id (the relevance bench's queries). */
  titles: Map<number, string>;
  duplicates: DuplicatePair[];
}

function readJsonLines<Row>(file: string): Row[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Row);
}

/**
 * Stack Exchange put a "Possible Duplicate: <the original's title>" notice in bodies it closed; a
 * Guilde question never carries one, and leaving it would point the bench at the answer.
 */
export function withoutDuplicateNotice(body: string): string {
  return body
    .replace(/^\s*Possible Duplicates?:\s*\n[\s\S]*?\n\s*\n/i, "")
    .replace(/^(?:>[^\n]*\n)*>[^\n]*Possible Duplicate[^\n]*(?:\n>[^\n]*)*\n*/i, "");
}

function attributed(body: string, record: { url: string; author: string | null; author_url: string | null; license: string | null }): string {
  const author = record.author ? (record.author_url ? ` by [${record.author}](${record.author_url})` : ` by ${record.author}`) : "";
  return `${body.trim()}\n\n---\n\n_From [Stack Exchange](${record.url})${author}, ${record.license ?? "CC BY-SA"}._`;
}

/** Imports one sample site as an internal community; answers keep their acceptance. */
export async function importStackExchangeSample(db: Database, site: SampleSite): Promise<ImportedSample> {
  const folder = path.join(sampleDataFolder, site);
  const questions = readJsonLines<SourceQuestion>(path.join(folder, "questions.jsonl"));
  const answers = readJsonLines<SourceAnswer>(path.join(folder, "answers.jsonl"));
  const duplicates = readJsonLines<DuplicatePair>(path.join(folder, "duplicates.jsonl"));
  if (questions.length === 0) throw new Error(`No questions in ${folder}.`);

  const importerEmail = "stackexchange@import.guilde.test";
  await db.insert(sites).values({ id: newId(), name: "Stack Exchange (import)", city: "Internet", kind: "office" }).onConflictDoNothing();
  const [importSite] = await db.select({ id: sites.id }).from(sites).where(eq(sites.name, "Stack Exchange (import)"));
  await db
    .insert(users)
    .values({ id: newId(), email: importerEmail, handle: "stackexchange", displayName: "Stack Exchange import", role: "employee", siteId: importSite.id })
    .onConflictDoNothing();
  const [importer] = await db.select({ id: users.id }).from(users).where(eq(users.email, importerEmail));

  const communityId = newId();
  await db.insert(communities).values({
    id: communityId,
    slug: `se-${site}-${communityId.slice(0, 6)}`,
    name: `Stack Exchange: ${site}`,
    description: `Questions and answers from ${site} on Stack Exchange (CC BY-SA), imported for search relevance tests.`,
    visibility: "internal",
  });

  const questionIds = new Map(questions.map((question) => [question.id, newId()]));
  const answerIds = new Map(answers.map((answer) => [answer.id, newId()]));
  const now = Date.now();
  const questionRows = questions.map((question, index) => {
    const body = attributed(withoutDuplicateNotice(question.body_markdown_or_text), question);
    const accepted = question.accepted_answer_id ? answerIds.get(question.accepted_answer_id) : undefined;
    const answerCount = answers.filter((answer) => answer.question_id === question.id).length;
    return {
      id: questionIds.get(question.id)!,
      kind: "question" as const,
      communityId,
      authorId: importer.id,
      originSiteId: importSite.id,
      title: question.title.slice(0, 300),
      body,
      bodyHtml: renderMarkdown(body),
      tags: question.tags.slice(0, 5),
      score: question.score ?? 0,
      answerCount,
      acceptedAnswerId: accepted ?? null,
      // english has no dates: spread them so that date sorting still means something.
      createdAt: question.created_at ? new Date(question.created_at) : new Date(now - index * 3_600_000),
    };
  });
  for (let start = 0; start < questionRows.length; start += 200) await db.insert(posts).values(questionRows.slice(start, start + 200));
  // Closed as duplicates, as the site closed them: Guilde then leads a similar question to the original.
  for (const pair of duplicates.filter((candidate) => candidate.is_duplicate)) {
    const duplicateId = questionIds.get(pair.question_id);
    const originalId = questionIds.get(pair.duplicate_of_id);
    if (!duplicateId || !originalId) continue;
    await db
      .update(posts)
      .set({ duplicateOfId: originalId, closeReason: "duplicate", closedAt: new Date(now) })
      .where(and(eq(posts.id, duplicateId), isNull(posts.duplicateOfId)));
  }
  const answerRows = answers
    .filter((answer) => questionIds.has(answer.question_id))
    .map((answer) => {
      const body = attributed(answer.body, answer);
      return {
        id: answerIds.get(answer.id)!,
        postId: questionIds.get(answer.question_id)!,
        kind: "answer" as const,
        authorId: importer.id,
        originSiteId: importSite.id,
        body,
        bodyHtml: renderMarkdown(body),
        score: answer.score,
        createdAt: new Date(answer.created_at),
      };
    });
  for (let start = 0; start < answerRows.length; start += 200) await db.insert(replies).values(answerRows.slice(start, start + 200));
  return { communityId, questionIds, titles: new Map(questions.map((question) => [question.id, question.title])), duplicates };
}
