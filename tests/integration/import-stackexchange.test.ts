import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, asc, count, eq, isNotNull } from "drizzle-orm";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as questionPageLoader } from "../../app/routes/questions.$questionId";
import { communities, importedRecords, posts, replies, searchOutbox, users } from "../../db/schema";
import { signIn } from "../../server/auth/sign-in";
import { Invalid } from "../../server/errors";
import { importAttribution } from "../../server/import/attribution";
import { importStackExchangeDump } from "../../server/import/stackexchange/import-dump";
import { DumpFileError } from "../../server/import/stackexchange/read-rows";
import { community, employee, membership } from "../support/factories";
import { useGuilde } from "../support/guilde";
import { writeDumpFile } from "../support/stackexchange-dump";

const guilde = useGuilde();
const source = "https://bicycles.stackexchange.com";
let folder: string;

/** A small dump with every kind of record and link, and the awkward cases real dumps hold. */
function buildDump(into: string) {
  fs.mkdirSync(into, { recursive: true });
  writeDumpFile(into, "Users.xml", [
    { Id: 1, DisplayName: "Alice Rider", CreationDate: "2011-01-02T10:00:00.000", AboutMe: "<p>I fix <b>wheels</b>.</p>" },
    { Id: 2, DisplayName: "Bob Spokes", CreationDate: "2012-03-04T11:00:00.000" },
    // Wrote nothing in the dump: not imported.
    { Id: 3, DisplayName: "Carol Lurker", CreationDate: "2013-05-06T12:00:00.000" },
  ]);
  writeDumpFile(into, "Posts.xml", [
    {
      Id: 1,
      PostTypeId: 1,
      AcceptedAnswerId: 3,
      CreationDate: "2015-06-01T08:30:00.123",
      Score: 5,
      Body: '<p>My wheel wobbles. See <a href="https://example.org/truing">this guide</a>.</p>\n<pre class="lang-sh"><code>spoke --tension &lt;high&gt;\n</code></pre>',
      OwnerUserId: 1,
      LastActivityDate: "2015-06-03T09:00:00.000",
      Title: "How do I true a wheel?",
      Tags: "|wheels|repair|",
      ContentLicense: "CC BY-SA 3.0",
    },
    {
      Id: 2,
      PostTypeId: 1,
      CreationDate: "2016-01-01T00:00:00.000",
      Score: -1,
      Body: '<p>Hello</p><script>alert("owned")</script><img src="x" onerror="alert(1)"><a href="javascript:alert(2)">click</a><iframe src="https://evil.example"></iframe>',
      OwnerUserId: 2,
      Title: "Which chain oil?",
      Tags: "<chains><maintenance>",
    },
    { Id: 3, PostTypeId: 2, ParentId: 1, CreationDate: "2015-06-02T08:00:00.000", Score: 7, Body: "<p>Use a <code>truing stand</code>.</p>", OwnerUserId: 2 },
    // Its author's account was deleted: credited to the site's former-user account.
    { Id: 4, PostTypeId: 2, ParentId: 1, CreationDate: "2015-06-02T09:00:00.000", Score: 0, Body: "<p>Zip ties.</p>", OwnerDisplayName: "ghost" },
    {
      Id: 5,
      PostTypeId: 1,
      CreationDate: "2017-02-02T00:00:00.000",
      ClosedDate: "2017-02-03T00:00:00.000",
      Score: 0,
      Body: "<p>Wheel is wobbly</p>",
      OwnerUserId: 1,
      Title: "Wobbly wheel",
      Tags: "|wheels|",
    },
    // A tag wiki and an answer whose question is not in the dump: left out.
    { Id: 6, PostTypeId: 4, CreationDate: "2017-01-01T00:00:00.000", Body: "<p>About wheels</p>" },
    { Id: 7, PostTypeId: 2, ParentId: 99, CreationDate: "2017-01-01T00:00:00.000", Body: "<p>Orphan</p>", OwnerUserId: 1 },
    // An answer that comes before its question in the file.
    { Id: 8, PostTypeId: 2, ParentId: 9, CreationDate: "2018-01-02T00:00:00.000", Score: 1, Body: "<p>Early answer</p>", OwnerUserId: 1 },
    { Id: 9, PostTypeId: 1, CreationDate: "2018-01-01T00:00:00.000", Score: 2, Body: "<p>Late question</p>", OwnerUserId: 2, Title: "Tubeless?", Tags: "|tires|" },
  ]);
  writeDumpFile(into, "Comments.xml", [
    { Id: 11, PostId: 1, Score: 1, Text: "Which rim?", CreationDate: "2015-06-01T09:00:00.000", UserId: 2 },
    { Id: 12, PostId: 3, Score: 0, Text: "Thanks, that **worked**", CreationDate: "2015-06-02T10:00:00.000", UserId: 1 },
    { Id: 13, PostId: 6, Score: 0, Text: "On a wiki", CreationDate: "2017-01-02T00:00:00.000", UserId: 1 },
  ]);
  writeDumpFile(into, "PostLinks.xml", [
    { Id: 21, CreationDate: "2017-02-03T00:00:00.000", PostId: 5, RelatedPostId: 1, LinkTypeId: 3 },
    { Id: 22, CreationDate: "2017-02-03T00:00:00.000", PostId: 2, RelatedPostId: 1, LinkTypeId: 1 },
  ]);
}

beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "guilde-se-dump-"));
  buildDump(folder);
});
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

async function targetOf(kind: string, sourceId: number | string) {
  const [record] = await guilde.db
    .select({ targetId: importedRecords.targetId })
    .from(importedRecords)
    .where(and(eq(importedRecords.source, source), eq(importedRecords.sourceKind, kind), eq(importedRecords.sourceId, String(sourceId))));
  return record?.targetId;
}

/** Everything an import writes, in a stable order. */
async function importedRows() {
  return {
    posts: await guilde.db.select().from(posts).orderBy(asc(posts.id)),
    replies: await guilde.db.select().from(replies).orderBy(asc(replies.id)),
    users: await guilde.db.select().from(users).where(isNotNull(users.importedFrom)).orderBy(asc(users.id)),
    records: await guilde.db.select().from(importedRecords).orderBy(asc(importedRecords.sourceKind), asc(importedRecords.sourceId)),
    communities: await guilde.db.select().from(communities).orderBy(asc(communities.id)),
  };
}

describe("importing a Stack Exchange dump", () => {
  it("imports questions, answers, comments, accepted answers, scores, duplicates, tags, people and dates, with their sources", async () => {
    const bikes = await community(guilde, { slug: "bikes" });
    const summary = await importStackExchangeDump(guilde.db, { folder, communitySlug: "bikes", source });
    expect(summary).toMatchObject({ questions: 4, answers: 3, comments: 2, accepted: 1, duplicates: 1, users: 3, skipped: { posts: 2, comments: 1 } });

    const [wheel] = await guilde.db.select().from(posts).where(eq(posts.id, (await targetOf("question", 1))!));
    expect(wheel).toMatchObject({
      communityId: bikes.id,
      title: "How do I true a wheel?",
      tags: ["wheels", "repair"],
      score: 5,
      answerCount: 2,
      acceptedAnswerId: await targetOf("answer", 3),
      authorId: await targetOf("user", 1),
      createdAt: new Date("2015-06-01T08:30:00.123Z"),
      lastActivityAt: new Date("2015-06-03T09:00:00.000Z"),
    });
    expect(wheel.body).toContain("[this guide](https://example.org/truing)");
    expect(wheel.body).toContain("```sh\nspoke --tension <high>\n```");
    expect(wheel.bodyHtml).toContain('<a href="https://example.org/truing"');
    expect(wheel.bodyHtml).toContain("spoke --tension &lt;high&gt;");

    const [xss] = await guilde.db.select().from(posts).where(eq(posts.id, (await targetOf("question", 2))!));
    expect(xss.tags).toEqual(["chains", "maintenance"]);
    expect(xss.bodyHtml).toContain("Hello");
    expect(xss.bodyHtml).not.toMatch(/<script|onerror|javascript:|<iframe/i);

    const [duplicate] = await guilde.db.select().from(posts).where(eq(posts.id, (await targetOf("question", 5))!));
    expect(duplicate).toMatchObject({ duplicateOfId: wheel.id, closeReason: "duplicate", closedAt: new Date("2017-02-03T00:00:00.000Z") });

    const [late] = await guilde.db.select().from(posts).where(eq(posts.id, (await targetOf("question", 9))!));
    expect(late.answerCount).toBe(1);

    const [onAnswer] = await guilde.db.select().from(replies).where(eq(replies.id, (await targetOf("comment", 12))!));
    expect(onAnswer).toMatchObject({ kind: "comment", postId: wheel.id, parentReplyId: await targetOf("answer", 3), authorId: await targetOf("user", 1) });
    expect(onAnswer.bodyHtml).toContain("<strong>worked</strong>");
    const [ghostAnswer] = await guilde.db.select().from(replies).where(eq(replies.id, (await targetOf("answer", 4))!));
    expect(ghostAnswer.authorId).toBe(await targetOf("user", "unknown"));

    const [alice] = await guilde.db.select().from(users).where(eq(users.id, (await targetOf("user", 1))!));
    expect(alice).toMatchObject({ displayName: "Alice Rider", bio: "I fix **wheels**.", passwordHash: null, importedFrom: `${source}/users/1` });
    expect(await targetOf("user", 3)).toBeUndefined();

    const [counts] = await guilde.db.select().from(communities).where(eq(communities.id, bikes.id));
    expect(counts).toMatchObject({ questionCount: 4, unansweredCount: 2, solvedCount: 1 });

    const queued = (await guilde.db.select({ target: searchOutbox.target }).from(searchOutbox)).map((row) => row.target);
    expect(queued).toEqual(expect.arrayContaining([`post:${wheel.id}`, `reply:${await targetOf("answer", 3)}`, `person:${alice.id}`]));

    expect(await importAttribution(guilde, { questionId: wheel.id })).toEqual({
      url: `${source}/questions/1`,
      site: "bicycles.stackexchange.com",
      license: "CC BY-SA 3.0",
    });
  });

  it("gives the same rows when a dump is imported twice", async () => {
    await community(guilde, { slug: "bikes" });
    await importStackExchangeDump(guilde.db, { folder, communitySlug: "bikes", source, batchSize: 2 });
    const first = await importedRows();
    const again = await importStackExchangeDump(guilde.db, { folder, communitySlug: "bikes", source, batchSize: 3 });
    expect(await importedRows()).toEqual(first);
    expect(again).toMatchObject({ inserted: 0, updated: 0 });
    expect(again.unchanged).toBe(first.posts.length + first.replies.length + first.users.length);
  });

  it("never lets an imported person sign in", async () => {
    await community(guilde, { slug: "bikes" });
    await importStackExchangeDump(guilde.db, { folder, communitySlug: "bikes", source });
    const imported = await guilde.db.select({ email: users.email }).from(users).where(isNotNull(users.importedFrom));
    expect(imported.length).toBe(3);
    for (const { email } of imported) {
      await expect(signIn(guilde, { input: { email, password: "" }, ip: "203.0.113.9" })).rejects.toThrow(Invalid);
      await expect(signIn(guilde, { input: { email, password: "correct horse battery" }, ip: "203.0.113.9" })).rejects.toThrow(Invalid);
    }
  });

  it("credits the source on the question page, only to those who may read the question", async () => {
    const bikes = await community(guilde, { slug: "bikes", visibility: "private" });
    await importStackExchangeDump(guilde.db, { folder, communitySlug: "bikes", source });
    const questionId = (await targetOf("question", 1))!;
    const viewPage = (viewer: Awaited<ReturnType<typeof employee>>) =>
      questionPageLoader({
        request: new Request(`http://guilde.test/questions/${questionId}`),
        params: { questionId },
        context: { guilde, user: viewer },
      } as unknown as LoaderFunctionArgs);

    const outsider = await employee(guilde);
    const refusal = await viewPage(outsider).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(Response);
    expect((refusal as Response).status).toBe(404);

    const member = await employee(guilde);
    await membership(guilde, bikes, member);
    const page = await viewPage(member);
    expect(page.imported).toEqual({ url: `${source}/questions/1`, site: "bicycles.stackexchange.com", license: "CC BY-SA 3.0" });
  });

  it("reports a broken XML file with its file and line, and writes nothing", async () => {
    await community(guilde, { slug: "bikes" });
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), "guilde-se-broken-"));
    try {
      buildDump(broken);
      const comments = path.join(broken, "Comments.xml");
      const lines = fs.readFileSync(comments, "utf8").split("\n");
      lines[3] = lines[3].replace("/>", ">"); // line 4: an element that is never closed
      fs.writeFileSync(comments, lines.join("\n"));

      const failure = await importStackExchangeDump(guilde.db, { folder: broken, communitySlug: "bikes", source }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(DumpFileError);
      expect(failure).toMatchObject({ file: "Comments.xml" });
      expect((failure as DumpFileError).message).toMatch(/^Comments\.xml:\d+: /);
      expect((failure as DumpFileError).line).toBeGreaterThanOrEqual(4);

      for (const table of [posts, replies, importedRecords, searchOutbox]) expect((await guilde.db.select({ n: count() }).from(table))[0].n).toBe(0);
      expect((await guilde.db.select({ n: count() }).from(users).where(isNotNull(users.importedFrom)))[0].n).toBe(0);
    } finally {
      fs.rmSync(broken, { recursive: true, force: true });
    }
  });

  it("reports a row that lacks an id with its file and line", async () => {
    await community(guilde, { slug: "bikes" });
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), "guilde-se-broken-"));
    try {
      buildDump(broken);
      writeDumpFile(broken, "PostLinks.xml", [{ Id: 21, PostId: 5, RelatedPostId: 1, LinkTypeId: 3 }, { Id: 22, RelatedPostId: 1, LinkTypeId: 3 }]);
      await expect(importStackExchangeDump(guilde.db, { folder: broken, communitySlug: "bikes", source })).rejects.toThrow("PostLinks.xml:4: the row has no PostId");
      expect((await guilde.db.select({ n: count() }).from(posts))[0].n).toBe(0);
    } finally {
      fs.rmSync(broken, { recursive: true, force: true });
    }
  });
});
