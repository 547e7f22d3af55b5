import fs from "node:fs";
import path from "node:path";
import { DumpFileError, readRows, type DumpRow } from "./read-rows";

/** The files an import reads; only Posts.xml is required. Votes.xml and Tags.xml add nothing (see docs/decisions/012-forum-import.md). */
export const dumpFiles = { posts: "Posts.xml", users: "Users.xml", comments: "Comments.xml", postLinks: "PostLinks.xml" } as const;

/**
 * What a first pass over the whole dump learns, so that the writing pass knows, before writing a
 * row, whether each link it holds leads somewhere: the dump's post and user ids, each answer's
 * question, each question's answer count and duplicate link, and how many rows each file holds
 * (the progress bar's totals). Numbers only: a few bytes per record, never a body.
 */
export interface DumpScan {
  folder: string;
  questionIds: Set<number>;
  /** Answer id → its question's id, for answers whose question is in the dump. */
  answerQuestion: Map<number, number>;
  answerCounts: Map<number, number>;
  /** Duplicate question id → the original's id and when the link was made. */
  duplicateOf: Map<number, { originalId: number; linkedAt: string | undefined }>;
  /** Users whose account is in Users.xml and who wrote a post or comment that will be imported. */
  userIds: Set<number>;
  /** Some imported post or comment has no account in Users.xml (deleted, or the file is missing). */
  hasUnknownAuthor: boolean;
  rows: { posts: number; users: number; comments: number };
  skipped: { posts: number; comments: number };
}

/** A whole-number attribute, or an error naming the file and line when a required one is missing or wrong. */
export function integer(row: DumpRow, file: string, name: string): number;
export function integer(row: DumpRow, file: string, name: string, optional: "optional"): number | undefined;
export function integer(row: DumpRow, file: string, name: string, optional?: "optional"): number | undefined {
  const value = row.attributes[name];
  if (value === undefined || value === "") {
    if (optional) return undefined;
    throw new DumpFileError(file, row.line, `the row has no ${name}`);
  }
  if (!/^-?\d+$/.test(value)) throw new DumpFileError(file, row.line, `${name}="${value}" is not a whole number`);
  return Number(value);
}

export function dumpFile(folder: string, file: string): string | null {
  const full = path.join(folder, file);
  return fs.existsSync(full) ? full : null;
}

/** Reads every file of the dump once, without writing: the first malformed row stops it with its file and line. */
export async function scanDump(folder: string): Promise<DumpScan> {
  const postsFile = dumpFile(folder, dumpFiles.posts);
  if (!postsFile) throw new Error(`${path.join(folder, dumpFiles.posts)} does not exist: is ${folder} a Stack Exchange dump?`);
  const scan: DumpScan = {
    folder,
    questionIds: new Set(),
    answerQuestion: new Map(),
    answerCounts: new Map(),
    duplicateOf: new Map(),
    userIds: new Set(),
    hasUnknownAuthor: false,
    rows: { posts: 0, users: 0, comments: 0 },
    skipped: { posts: 0, comments: 0 },
  };
  const authors = new Set<number | undefined>();
  const answers: [number, number, number | undefined][] = [];
  for await (const row of readRows(postsFile)) {
    scan.rows.posts++;
    const id = integer(row, dumpFiles.posts, "Id");
    const type = integer(row, dumpFiles.posts, "PostTypeId");
    const author = integer(row, dumpFiles.posts, "OwnerUserId", "optional");
    if (type === 1) {
      scan.questionIds.add(id);
      authors.add(author);
    } else if (type === 2) answers.push([id, integer(row, dumpFiles.posts, "ParentId"), author]);
    else scan.skipped.posts++; // tag wikis, moderator nominations…: not questions or answers
  }
  // Answers may come before their question in the file: matched once every question is known.
  for (const [id, questionId, author] of answers) {
    if (!scan.questionIds.has(questionId)) {
      scan.skipped.posts++;
      continue;
    }
    scan.answerQuestion.set(id, questionId);
    scan.answerCounts.set(questionId, (scan.answerCounts.get(questionId) ?? 0) + 1);
    authors.add(author);
  }

  const linksFile = dumpFile(folder, dumpFiles.postLinks);
  if (linksFile) {
    for await (const row of readRows(linksFile)) {
      const linkType = integer(row, dumpFiles.postLinks, "LinkTypeId");
      const duplicate = integer(row, dumpFiles.postLinks, "PostId");
      const original = integer(row, dumpFiles.postLinks, "RelatedPostId");
      // Link type 3: PostId was closed as a duplicate of RelatedPostId. A question keeps its first original.
      if (linkType !== 3 || duplicate === original || scan.duplicateOf.has(duplicate)) continue;
      if (scan.questionIds.has(duplicate) && scan.questionIds.has(original)) {
        scan.duplicateOf.set(duplicate, { originalId: original, linkedAt: row.attributes.CreationDate });
      }
    }
  }

  const commentsFile = dumpFile(folder, dumpFiles.comments);
  if (commentsFile) {
    for await (const row of readRows(commentsFile)) {
      scan.rows.comments++;
      const postId = integer(row, dumpFiles.comments, "PostId");
      integer(row, dumpFiles.comments, "Id");
      if (scan.questionIds.has(postId) || scan.answerQuestion.has(postId)) authors.add(integer(row, dumpFiles.comments, "UserId", "optional"));
      else scan.skipped.comments++;
    }
  }

  const usersFile = dumpFile(folder, dumpFiles.users);
  if (usersFile) {
    for await (const row of readRows(usersFile)) {
      scan.rows.users++;
      const id = integer(row, dumpFiles.users, "Id");
      if (authors.has(id)) scan.userIds.add(id);
    }
  }
  scan.hasUnknownAuthor = [...authors].some((author) => author === undefined || !scan.userIds.has(author));
  return scan;
}
