import { eq, getTableColumns, sql } from "drizzle-orm";
import type { PgColumn, PgTable, PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Database, Transaction } from "../../../db/client";
import { newId } from "../../../db/ids";
import { communities, importedRecords, posts, replies, searchOutbox, users } from "../../../db/schema";
import { renderMarkdown } from "../../content/markdown";
import { htmlToMarkdown } from "./html-to-markdown";
import { readRows } from "./read-rows";
import { dumpFile, dumpFiles, integer, scanDump, type DumpScan } from "./scan-dump";

export interface ImportProgress {
  file: string;
  done: number;
  total: number;
}

export interface ImportDumpInput {
  folder: string;
  communitySlug: string;
  /** The forum's address, e.g. `https://bicycles.meta.stackexchange.com`: the key of every imported record, and where attribution links point. */
  source: string;
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportSummary {
  source: string;
  users: number;
  questions: number;
  answers: number;
  comments: number;
  accepted: number;
  duplicates: number;
  /** Rows of the dump left out: posts that are neither questions nor answers (or whose question is missing), comments on such posts. */
  skipped: { posts: number; comments: number };
  /** Of the rows written, how many were new, changed since the last run, or already as the dump says. */
  inserted: number;
  updated: number;
  unchanged: number;
}

type RecordKind = "user" | "question" | "answer" | "comment";
type ImportedRecordRow = typeof importedRecords.$inferInsert;

/** Stack Exchange dates are UTC without a zone ("2018-03-12T17:00:45.567"). */
function date(value: string | undefined): Date | null {
  if (!value) return null;
  const parsed = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/** `<java><spring>` in older dumps, `|java|spring|` in newer ones. */
function tagsOf(value: string | undefined): string[] {
  if (!value) return [];
  const tags = value.startsWith("|") ? value.split("|") : value.replace(/^<|>$/g, "").split("><");
  return [...new Set(tags.map((tag) => tag.trim().toLowerCase()).filter((tag) => tag !== ""))];
}

/** A handle (`bicycles-meta-123`) that says where the account comes from and stays the same on every run. */
function importedHandle(source: string, userId: string): string {
  const site = new URL(source).hostname.replace(/\.stackexchange\.com$|\.com$/, "").replace(/[^a-z0-9]+/g, "-").slice(0, 28);
  return `${site}-${userId}`;
}

/**
 * `insert … on conflict (id) do update` that touches a row only when one of `columns` differs, and
 * says which rows it inserted (xmax = 0) or changed; unchanged rows return nothing.
 */
async function upsert<Table extends PgTable>(
  tx: Transaction,
  table: Table,
  key: PgColumn,
  values: Table["$inferInsert"][],
  columns: (keyof Table["$inferInsert"] & string)[],
): Promise<{ id: string; inserted: boolean }[]> {
  const all = getTableColumns(table) as Record<string, PgColumn>;
  const excluded = (name: string) => sql.raw(`excluded."${all[name].name}"`);
  const set = Object.fromEntries(columns.map((name) => [name, excluded(name)])) as PgUpdateSetSource<Table>;
  const current = sql.join(
    columns.map((name) => all[name]),
    sql`, `,
  );
  const incoming = sql.join(columns.map(excluded), sql`, `);
  return tx
    .insert(table)
    .values(values)
    .onConflictDoUpdate({ target: key, set, setWhere: sql`(${current}) is distinct from (${incoming})` })
    .returning({ id: sql<string>`${key}`, inserted: sql<boolean>`xmax = 0` });
}

/**
 * Imports a Stack Exchange data dump into a community: its users (as accounts that cannot sign in),
 * questions, answers, comments, accepted answers, scores, duplicate links and tags, with their original
 * dates and a link back to each record for attribution. Reads the whole dump once before writing
 * (a malformed file stops it with nothing written), then writes in batches, one transaction each:
 * a re-run updates what it wrote before, through `imported_records`, and never duplicates it
 * (docs/decisions/012-forum-import.md).
 */
export async function importStackExchangeDump(db: Database, input: ImportDumpInput): Promise<ImportSummary> {
  const source = new URL(input.source).origin;
  // Bounded so that a batch's parameters stay under PostgreSQL's 65,535 (17 columns a post).
  const batchSize = Math.min(Math.max(1, input.batchSize ?? 500), 2000);
  const [community] = await db.select({ id: communities.id }).from(communities).where(eq(communities.slug, input.communitySlug));
  // A command-line error, not a domain one: no page shows it.
  if (!community) throw new Error(`No community has the slug "${input.communitySlug}": create it first.`);

  const scan = await scanDump(input.folder);

  const ids = new Map<string, string>();
  for (const record of await db
    .select({ kind: importedRecords.sourceKind, sourceId: importedRecords.sourceId, targetId: importedRecords.targetId })
    .from(importedRecords)
    .where(eq(importedRecords.source, source))) {
    ids.set(`${record.kind}:${record.sourceId}`, record.targetId);
  }
  /** The Guilde id of a source record: the one given on an earlier run, or a new one (fixed for the rest of this run). */
  const idFor = (kind: RecordKind, sourceId: number | string) => {
    const key = `${kind}:${sourceId}`;
    let id = ids.get(key);
    if (!id) ids.set(key, (id = newId()));
    return id;
  };
  const unknownAuthor = "unknown";
  const authorOf = (userId: number | undefined) => (userId !== undefined && scan.userIds.has(userId) ? idFor("user", userId) : idFor("user", unknownAuthor));

  const summary: ImportSummary = {
    source,
    users: 0,
    questions: 0,
    answers: 0,
    comments: 0,
    accepted: 0,
    duplicates: 0,
    skipped: scan.skipped,
    inserted: 0,
    updated: 0,
    unchanged: 0,
  };
  const count = (written: { id: string; inserted: boolean }[], total: number) => {
    const inserted = written.filter((row) => row.inserted).length;
    summary.inserted += inserted;
    summary.updated += written.length - inserted;
    summary.unchanged += total - written.length;
  };
  const record = (kind: RecordKind, sourceId: number | string, url: string | null, license?: string): ImportedRecordRow => ({
    source,
    sourceKind: kind,
    sourceId: String(sourceId),
    targetId: idFor(kind, sourceId),
    sourceUrl: url,
    license: license ?? null,
  });
  const remember = (tx: Transaction, rows: ImportedRecordRow[]) => (rows.length > 0 ? tx.insert(importedRecords).values(rows).onConflictDoNothing() : undefined);
  const enqueue = async (tx: Transaction, kind: "post" | "reply" | "person", written: { id: string }[]) => {
    if (written.length > 0) await tx.insert(searchOutbox).values(written.map((row) => ({ target: `${kind}:${row.id}` })));
  };

  await importUsers(db, scan, { source, batchSize, idFor, record, remember, count, enqueue, summary, onProgress: input.onProgress, unknownAuthor });
  await importPosts(db, scan, { source, batchSize, communityId: community.id, idFor, authorOf, record, remember, count, enqueue, summary, onProgress: input.onProgress });
  await importComments(db, scan, { source, batchSize, idFor, authorOf, record, remember, count, summary, onProgress: input.onProgress });
  return summary;
}

interface Writer {
  source: string;
  batchSize: number;
  idFor: (kind: RecordKind, sourceId: number | string) => string;
  record: (kind: RecordKind, sourceId: number | string, url: string | null, license?: string) => ImportedRecordRow;
  remember: (tx: Transaction, rows: ImportedRecordRow[]) => Promise<unknown> | undefined;
  count: (written: { id: string; inserted: boolean }[], total: number) => void;
  summary: ImportSummary;
  onProgress?: (progress: ImportProgress) => void;
}

const userColumns = ["displayName", "bio", "importedFrom", "createdAt"] as const;

async function importUsers(
  db: Database,
  scan: DumpScan,
  writer: Writer & { unknownAuthor: string; enqueue: (tx: Transaction, kind: "person", written: { id: string }[]) => Promise<void> },
) {
  const { source, idFor, record } = writer;
  const userRow = (sourceId: string, displayName: string, bio: string, createdAt: Date | null): typeof users.$inferInsert => {
    const handle = importedHandle(source, sourceId);
    // No password: the account cannot sign in until an administrator invites its owner to claim it.
    return {
      id: idFor("user", sourceId),
      email: `${handle}@imported.invalid`,
      handle,
      displayName: displayName.slice(0, 80) || handle,
      role: "employee",
      bio: bio.slice(0, 2000),
      importedFrom: sourceId === writer.unknownAuthor ? source : `${source}/users/${sourceId}`,
      createdAt: createdAt ?? undefined,
    };
  };
  const write = async (rows: (typeof users.$inferInsert)[], records: ImportedRecordRow[]) => {
    if (rows.length === 0) return;
    await db.transaction(async (tx) => {
      const written = await upsert(tx, users, users.id, rows, [...userColumns]);
      await writer.remember(tx, records);
      await writer.enqueue(tx, "person", written);
      writer.count(written, rows.length);
    });
    writer.summary.users += rows.length;
  };
  if (scan.hasUnknownAuthor) {
    const host = new URL(source).hostname;
    await write([userRow(writer.unknownAuthor, `Former ${host} user`, "", new Date(0))], [record("user", writer.unknownAuthor, source)]);
  }
  const file = dumpFile(scan.folder, dumpFiles.users);
  if (!file) return;
  let rows: (typeof users.$inferInsert)[] = [];
  let records: ImportedRecordRow[] = [];
  let done = 0;
  for await (const row of readRows(file)) {
    done++;
    const id = integer(row, dumpFiles.users, "Id");
    if (!scan.userIds.has(id)) continue;
    const { DisplayName, AboutMe, CreationDate } = row.attributes;
    rows.push(userRow(String(id), DisplayName ?? "", AboutMe ? htmlToMarkdown(AboutMe) : "", date(CreationDate)));
    records.push(record("user", id, `${source}/users/${id}`));
    if (rows.length >= writer.batchSize) {
      await write(rows, records);
      [rows, records] = [[], []];
      writer.onProgress?.({ file: dumpFiles.users, done, total: scan.rows.users });
    }
  }
  await write(rows, records);
  writer.onProgress?.({ file: dumpFiles.users, done, total: scan.rows.users });
}

const questionColumns = [
  "kind",
  "communityId",
  "authorId",
  "title",
  "body",
  "bodyHtml",
  "tags",
  "score",
  "answerCount",
  "acceptedAnswerId",
  "closedAt",
  "closeReason",
  "duplicateOfId",
  "createdAt",
  "editedAt",
  "lastActivityAt",
] as const;
const replyColumns = ["postId", "kind", "parentReplyId", "authorId", "body", "bodyHtml", "score", "createdAt", "editedAt"] as const;

async function importPosts(
  db: Database,
  scan: DumpScan,
  writer: Writer & {
    communityId: string;
    authorOf: (userId: number | undefined) => string;
    enqueue: (tx: Transaction, kind: "post" | "reply", written: { id: string }[]) => Promise<void>;
  },
) {
  const { source, idFor, record, summary } = writer;
  const file = dumpFile(scan.folder, dumpFiles.posts)!;
  const written = new Set<number>();
  let questions: (typeof posts.$inferInsert)[] = [];
  let questionSourceIds: number[] = [];
  let answers: { questionId: number; row: typeof replies.$inferInsert }[] = [];
  let records: ImportedRecordRow[] = [];
  // Answers whose question comes later in the file wait for it: a reply needs its post.
  const waiting: { questionId: number; row: typeof replies.$inferInsert }[] = [];

  const flush = async () => {
    for (const questionId of questionSourceIds) written.add(questionId);
    const ready = answers.filter((answer) => written.has(answer.questionId));
    waiting.push(...answers.filter((answer) => !written.has(answer.questionId)));
    if (questions.length + ready.length === 0) return;
    await db.transaction(async (tx) => {
      if (questions.length > 0) {
        const changed = await upsert(tx, posts, posts.id, questions, [...questionColumns]);
        await writer.enqueue(tx, "post", changed);
        writer.count(changed, questions.length);
      }
      if (ready.length > 0) {
        const changed = await upsert(
          tx,
          replies,
          replies.id,
          ready.map((answer) => answer.row),
          [...replyColumns],
        );
        await writer.enqueue(tx, "reply", changed);
        writer.count(changed, ready.length);
      }
      await writer.remember(tx, records);
    });
    summary.questions += questions.length;
    summary.answers += ready.length;
    [questions, questionSourceIds, answers, records] = [[], [], [], []];
  };

  let done = 0;
  for await (const row of readRows(file)) {
    done++;
    const id = integer(row, dumpFiles.posts, "Id");
    const type = integer(row, dumpFiles.posts, "PostTypeId");
    const body = htmlToMarkdown(row.attributes.Body ?? "");
    const common = {
      authorId: writer.authorOf(integer(row, dumpFiles.posts, "OwnerUserId", "optional")),
      body,
      bodyHtml: renderMarkdown(body),
      score: integer(row, dumpFiles.posts, "Score", "optional") ?? 0,
      createdAt: date(row.attributes.CreationDate) ?? new Date(0),
      editedAt: date(row.attributes.LastEditDate),
    };
    const license = row.attributes.ContentLicense;
    if (type === 1) {
      const acceptedId = integer(row, dumpFiles.posts, "AcceptedAnswerId", "optional");
      const accepted = acceptedId !== undefined && scan.answerQuestion.get(acceptedId) === id ? idFor("answer", acceptedId) : null;
      const duplicate = scan.duplicateOf.get(id);
      const closedAt = date(row.attributes.ClosedDate) ?? (duplicate ? date(duplicate.linkedAt) : null);
      questions.push({
        ...common,
        id: idFor("question", id),
        kind: "question",
        communityId: writer.communityId,
        title: (row.attributes.Title ?? "").slice(0, 300),
        tags: tagsOf(row.attributes.Tags),
        answerCount: scan.answerCounts.get(id) ?? 0,
        acceptedAnswerId: accepted,
        duplicateOfId: duplicate ? idFor("question", duplicate.originalId) : null,
        closedAt,
        closeReason: duplicate ? "duplicate" : closedAt ? "other" : null,
        lastActivityAt: date(row.attributes.LastActivityDate) ?? common.createdAt,
      });
      questionSourceIds.push(id);
      if (accepted) summary.accepted++;
      if (duplicate) summary.duplicates++;
      records.push(record("question", id, `${source}/questions/${id}`, license));
    } else if (type === 2 && scan.answerQuestion.has(id)) {
      const questionId = scan.answerQuestion.get(id)!;
      answers.push({ questionId, row: { ...common, id: idFor("answer", id), postId: idFor("question", questionId), kind: "answer", parentReplyId: null } });
      records.push(record("answer", id, `${source}/a/${id}`, license));
    }
    if (questions.length + answers.length >= writer.batchSize) {
      await flush();
      writer.onProgress?.({ file: dumpFiles.posts, done, total: scan.rows.posts });
    }
  }
  await flush();
  while (waiting.length > 0) {
    answers = waiting.splice(0, writer.batchSize);
    await flush();
  }
  writer.onProgress?.({ file: dumpFiles.posts, done, total: scan.rows.posts });
}

async function importComments(db: Database, scan: DumpScan, writer: Writer & { authorOf: (userId: number | undefined) => string }) {
  const file = dumpFile(scan.folder, dumpFiles.comments);
  if (!file) return;
  const { source, idFor, record } = writer;
  let rows: (typeof replies.$inferInsert)[] = [];
  let records: ImportedRecordRow[] = [];
  const write = async () => {
    if (rows.length === 0) return;
    await db.transaction(async (tx) => {
      // Comments are not search documents of their own: no outbox rows.
      writer.count(await upsert(tx, replies, replies.id, rows, [...replyColumns]), rows.length);
      await writer.remember(tx, records);
    });
    writer.summary.comments += rows.length;
    [rows, records] = [[], []];
  };
  let done = 0;
  for await (const row of readRows(file)) {
    done++;
    const id = integer(row, dumpFiles.comments, "Id");
    const postId = integer(row, dumpFiles.comments, "PostId");
    const answerOf = scan.answerQuestion.get(postId);
    if (answerOf === undefined && !scan.questionIds.has(postId)) continue;
    // Comments are written in Stack Exchange's comment Markdown already.
    const body = row.attributes.Text ?? "";
    rows.push({
      id: idFor("comment", id),
      postId: idFor("question", answerOf ?? postId),
      kind: "comment",
      parentReplyId: answerOf === undefined ? null : idFor("answer", postId),
      authorId: writer.authorOf(integer(row, dumpFiles.comments, "UserId", "optional")),
      body,
      bodyHtml: renderMarkdown(body),
      score: integer(row, dumpFiles.comments, "Score", "optional") ?? 0,
      createdAt: date(row.attributes.CreationDate) ?? new Date(0),
      editedAt: null,
    });
    records.push(record("comment", id, `${source}/posts/comments/${id}`, row.attributes.ContentLicense));
    if (rows.length >= writer.batchSize) {
      await write();
      writer.onProgress?.({ file: dumpFiles.comments, done, total: scan.rows.comments });
    }
  }
  await write();
  writer.onProgress?.({ file: dumpFiles.comments, done, total: scan.rows.comments });
}

