import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { request as httpRequest } from "node:http";
import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { posts, revisions, uploads } from "../../db/schema";
import { Forbidden, Invalid, NotFound } from "../../server/errors";
import { listNotifications } from "../../server/notifications/list-notifications";
import { acceptAnswer } from "../../server/questions/accept-answer";
import { answerQuestion } from "../../server/questions/answer-question";
import { communityQuestionsPage } from "../../server/questions/list-questions";
import { drainOutbox } from "../../server/search/outbox-worker";
import { searchContent } from "../../server/search/search-content";
import { commentOnTutorial } from "../../server/tutorials/comment-on-tutorial";
import { editTutorial } from "../../server/tutorials/edit-tutorial";
import { getTutorial } from "../../server/tutorials/get-tutorial";
import { communityTutorialsPage, tutorialsBy } from "../../server/tutorials/list-tutorials";
import { listTutorialRevisions } from "../../server/tutorials/list-tutorial-revisions";
import { markHelped } from "../../server/tutorials/mark-helped";
import { openVideo } from "../../server/tutorials/open-video";
import { publishTutorial } from "../../server/tutorials/publish-tutorial";
import { tutorialsCitedIn } from "../../server/tutorials/tutorials-cited-in";
import { uploadVideo } from "../../server/tutorials/upload-video";
import { writeTutorial } from "../../server/tutorials/write-tutorial";
import type { User } from "../../db/schema";
import { community, customer, employee, membership, question, site } from "../support/factories";
import { useGuilde } from "../support/guilde";
import { HttpClient } from "../support/http";
import { sessionCookie } from "../support/sockets";
import { notifications } from "../../db/schema";
import { executableBytes, hugeVideoStream, mp4Bytes, webmBytes } from "../support/videos";

const dataDir = await mkdtemp(path.join(tmpdir(), "guilde-tutorials-"));
// A 1 MB limit keeps the "too large" cases small.
const guilde = useGuilde({ DATA_DIR: dataDir, UPLOAD_MAX_MB: "1", VIDEO_HOSTS: "youtube.com,vimeo.com" });
beforeEach(() => rm(path.join(dataDir, "uploads"), { recursive: true, force: true }));
const storedFiles = async () =>
  (await readdir(path.join(dataDir, "uploads"), { recursive: true, withFileTypes: true }).catch(() => [])).filter((entry) => entry.isFile()).length;

/** Karim, a Lille monitor of Cycling repair, teaches; Léa (Lyon) reads; Hugo moderates; Anna is a customer. */
async function cyclingRepair() {
  const lyon = await site(guilde, { name: "Lyon Part-Dieu", city: "Lyon" });
  const lille = await site(guilde, { name: "Lille Centre", city: "Lille" });
  const cycling = await community(guilde, { name: "Cycling repair", slug: "cycling-repair", visibility: "open" });
  const karim = await employee(guilde, { site: lille, displayName: "Karim Benali" });
  const lea = await employee(guilde, { site: lyon, displayName: "Léa Dubois" });
  const hugo = await employee(guilde, { site: lille, displayName: "Hugo Martin" });
  const anna = await customer(guilde, { invitedTo: cycling, displayName: "Anna Customer" });
  await membership(guilde, cycling, karim, "monitor", { topics: ["freins"] });
  await membership(guilde, cycling, lea);
  await membership(guilde, cycling, hugo, "moderator");
  return { lyon, lille, cycling, karim, lea, hugo, anna };
}

const validTutorial = {
  title: "Bleed a hydraulic disc brake",
  summary: "For anyone whose brake lever feels spongy: a clean bleed in twenty minutes.",
  body: "1. Remove the wheel and the pads.\n2. Fit the bleed block.\n3. Push fresh oil from the caliper up to the lever.\n\n**Never** let the reservoir run dry.",
  tags: "freins, hydraulique",
  difficulty: "intermediate",
  minutes: "20",
};

const upload = (viewer: User, bytes: Buffer, filename = "bleed.webm") => uploadVideo(guilde, { viewer, file: Readable.from([bytes]), filename });

describe("writing, drafts and publishing", () => {
  it("a draft is its author's alone: no tab, search, other reader or moderator sees it until it is published", async () => {
    const { cycling, karim, lea, hugo } = await cyclingRepair();
    const { tutorialId } = await writeTutorial(guilde, { viewer: karim, communityId: cycling.id, input: validTutorial, publish: false });
    await drainOutbox(guilde.db, guilde.search);

    const forKarim = await communityTutorialsPage(guilde, { viewer: karim, slug: cycling.slug });
    expect(forKarim.readable && forKarim.drafts.map((draft) => draft.id)).toEqual([tutorialId]);
    expect(forKarim.readable && forKarim.page.items).toEqual([]);
    const forLea = await communityTutorialsPage(guilde, { viewer: lea, slug: cycling.slug });
    expect(forLea.readable && [...forLea.drafts, ...forLea.page.items]).toEqual([]);
    await expect(getTutorial(guilde, { viewer: lea, tutorialId })).rejects.toThrow(NotFound);
    await expect(getTutorial(guilde, { viewer: hugo, tutorialId })).rejects.toThrow(NotFound);
    expect((await searchContent(guilde, { viewer: karim, input: { q: "bleed hydraulic brake" } })).results).toEqual([]);
    expect((await getTutorial(guilde, { viewer: karim, tutorialId })).tutorial.draft).toBe(true);

    await publishTutorial(guilde, { viewer: karim, tutorialId });
    await drainOutbox(guilde.db, guilde.search);
    const published = await communityTutorialsPage(guilde, { viewer: lea, slug: cycling.slug });
    expect(published.readable && published.page.items).toEqual([expect.objectContaining({ id: tutorialId, byMonitor: true, difficulty: "intermediate", minutes: 20 })]);
    const page = await getTutorial(guilde, { viewer: lea, tutorialId });
    expect(page.tutorial).toMatchObject({ draft: false, tags: ["freins", "hydraulique"], author: expect.objectContaining({ monitor: true, siteName: "Lille Centre" }) });
    // The Markdown steps are rendered (and sanitised) when written.
    expect(page.tutorial.bodyHtml).toContain("<ol>");
    expect(page.tutorial.bodyHtml).toContain("<strong>Never</strong>");
    const found = await searchContent(guilde, { viewer: lea, input: { q: "bleed hydraulic brake" } });
    expect(found.results).toEqual([expect.objectContaining({ kind: "tutorial", href: `/tutorials/${tutorialId}` })]);
    expect((await tutorialsBy(guilde, { viewer: lea, authorId: karim.id })).items.map((item) => item.id)).toEqual([tutorialId]);
  });

  it("a tutorial never shows among a community's questions", async () => {
    const { cycling, karim, lea } = await cyclingRepair();
    await writeTutorial(guilde, { viewer: karim, communityId: cycling.id, input: validTutorial, publish: true });
    const asked = await question(guilde, { in: cycling, by: lea });
    const shown = await communityQuestionsPage(guilde, { viewer: lea, slug: cycling.slug });
    expect(shown.readable && shown.page.items.map((item) => item.id)).toEqual([asked.id]);
  });

  it.each([
    ["a short title", { title: "Brakes" }, "title"],
    ["no summary", { summary: "" }, "summary"],
    ["steps too short", { body: "Do it." }, "body"],
    ["an unknown difficulty", { difficulty: "expert" }, "difficulty"],
    ["zero minutes", { minutes: "0" }, "minutes"],
    ["minutes that are not a number", { minutes: "twenty" }, "minutes"],
    ["a link to a host not on the list", { videoUrl: "https://videos.example.com/watch?v=1" }, "videoUrl"],
    ["a host on the list only in the path", { videoUrl: "https://evil.example.com/youtube.com/watch" }, "videoUrl"],
    ["a plain http link", { videoUrl: "http://www.youtube.com/watch?v=1" }, "videoUrl"],
    ["a javascript: link", { videoUrl: "javascript:alert(1)" }, "videoUrl"],
  ])("refuses %s with a field error and writes nothing", async (_case, override, field) => {
    const { cycling, karim } = await cyclingRepair();
    const error = await writeTutorial(guilde, { viewer: karim, communityId: cycling.id, input: { ...validTutorial, ...override }, publish: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Invalid);
    expect(Object.keys((error as Invalid).fieldErrors)).toEqual([field]);
    expect(await guilde.db.select().from(posts)).toHaveLength(0);
  });

  it("accepts a link to an allowed host or one of its subdomains", async () => {
    const { cycling, karim, lea } = await cyclingRepair();
    const { tutorialId } = await writeTutorial(guilde, {
      viewer: karim,
      communityId: cycling.id,
      input: { ...validTutorial, videoUrl: "https://www.youtube.com/watch?v=dQw4w9WgXcQ" },
      publish: true,
    });
    expect((await getTutorial(guilde, { viewer: lea, tutorialId })).tutorial.video).toEqual({ kind: "link", url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ", host: "www.youtube.com" });
  });

  it("customers do not write tutorials; outsiders of a private community do not even find it", async () => {
    const { cycling, anna, lea } = await cyclingRepair();
    const secret = await community(guilde, { visibility: "private" });
    await expect(writeTutorial(guilde, { viewer: anna, communityId: cycling.id, input: validTutorial, publish: true })).rejects.toThrow(Forbidden);
    await expect(writeTutorial(guilde, { viewer: lea, communityId: secret.id, input: validTutorial, publish: true })).rejects.toThrow(NotFound);
    await expect(writeTutorial(guilde, { viewer: null, communityId: cycling.id, input: validTutorial, publish: true })).rejects.toThrow(NotFound);
  });
});

describe("editing and history", () => {
  it("a published tutorial's edits keep who changed what, as a readable diff; a draft's edits keep no history", async () => {
    const { cycling, karim, hugo, lea } = await cyclingRepair();
    const { tutorialId } = await writeTutorial(guilde, { viewer: karim, communityId: cycling.id, input: validTutorial, publish: false });
    await editTutorial(guilde, { viewer: karim, tutorialId, input: { ...validTutorial, title: "Bleed a hydraulic disc brake (Shimano)" } });
    expect(await guilde.db.select().from(revisions)).toHaveLength(0);

    await publishTutorial(guilde, { viewer: karim, tutorialId });
    await editTutorial(guilde, { viewer: hugo, tutorialId, input: { ...validTutorial, title: "Bleed a hydraulic disc brake (Shimano)", body: `${validTutorial.body}\n4. Check the lever.` } });
    await expect(editTutorial(guilde, { viewer: lea, tutorialId, input: validTutorial })).rejects.toThrow(Forbidden);

    const { history } = await listTutorialRevisions(guilde, { viewer: lea, tutorialId });
    expect(history).toHaveLength(2);
    expect(history[0].editor?.displayName).toBe("Hugo Martin");
    expect(history[0].bodyDiff.filter((part) => part.added).map((part) => part.value).join("")).toContain("Check the lever.");
    expect(history[1].editor?.displayName).toBe("Karim Benali");
  });
});

describe("this helped me, and comments", () => {
  it("counts one per person, never its author's, and can be taken back", async () => {
    const { cycling, karim, lea, anna } = await cyclingRepair();
    const { tutorialId } = await writeTutorial(guilde, { viewer: karim, communityId: cycling.id, input: validTutorial, publish: true });
    expect(await markHelped(guilde, { viewer: lea, tutorialId, input: { helped: "true" } })).toEqual({ helpedCount: 1 });
    expect(await markHelped(guilde, { viewer: lea, tutorialId, input: { helped: "true" } })).toEqual({ helpedCount: 1 });
    expect(await markHelped(guilde, { viewer: anna, tutorialId, input: { helped: "true" } })).toEqual({ helpedCount: 2 });
    await expect(markHelped(guilde, { viewer: karim, tutorialId, input: { helped: "true" } })).rejects.toThrow(Forbidden);
    expect(await markHelped(guilde, { viewer: lea, tutorialId, input: { helped: "false" } })).toEqual({ helpedCount: 1 });
    const page = await getTutorial(guilde, { viewer: anna, tutorialId });
    expect(page.tutorial).toMatchObject({ helpedCount: 1, helpedByMe: true });
  });

  it("comments on a published tutorial reach its author; a draft takes none", async () => {
    const { cycling, karim, lea } = await cyclingRepair();
    const { tutorialId } = await writeTutorial(guilde, { viewer: karim, communityId: cycling.id, input: validTutorial, publish: true });
    await commentOnTutorial(guilde, { viewer: lea, tutorialId, input: { body: "Worked on my Deore brakes, thanks!" } });
    const told = await guilde.db.select({ kind: notifications.kind, postId: notifications.postId }).from(notifications).where(eq(notifications.userId, karim.id));
    expect(told).toEqual([{ kind: "comment_on_post", postId: tutorialId }]);
    // Its link leads to the tutorial, not to a question page.
    expect((await listNotifications(guilde, { viewer: karim })).items).toEqual([expect.objectContaining({ postId: tutorialId, postKind: "tutorial" })]);
    const page = await getTutorial(guilde, { viewer: karim, tutorialId });
    expect(page.comments.map((item) => item.bodyHtml)).toEqual([expect.stringContaining("Worked on my Deore brakes, thanks!")]);

    const { tutorialId: draftId } = await writeTutorial(guilde, { viewer: karim, communityId: cycling.id, input: validTutorial, publish: false });
    await expect(commentOnTutorial(guilde, { viewer: lea, tutorialId: draftId, input: { body: "Sneaky" } })).rejects.toThrow(NotFound);
    await expect(commentOnTutorial(guilde, { viewer: karim, tutorialId: draftId, input: { body: "Note to self" } })).rejects.toThrow(Forbidden);
  });
});

describe("tutorials as answers", () => {
  const answerBody = "Your lever is spongy because of air in the line: a bleed fixes it, see the tutorial.";

  it("an answer cites a tutorial by its link: a card under the answer, and the tutorial lists the question it solved", async () => {
    const { cycling, karim, lea } = await cyclingRepair();
    const { tutorialId } = await writeTutorial(guilde, { viewer: karim, communityId: cycling.id, input: validTutorial, publish: true });
    const asked = await question(guilde, { in: cycling, by: lea, title: "My brake lever goes all the way to the bar" });
    const { answerId } = await answerQuestion(guilde, { viewer: karim, questionId: asked.id, input: { body: answerBody, tutorial: `https://guilde.example.com/tutorials/${tutorialId}` } });
    await acceptAnswer(guilde, { viewer: lea, questionId: asked.id, answerId });

    expect(await tutorialsCitedIn(guilde, { viewer: lea, questionId: asked.id })).toEqual([
      expect.objectContaining({ replyId: answerId, id: tutorialId, title: validTutorial.title, minutes: 20 }),
    ]);
    expect((await getTutorial(guilde, { viewer: lea, tutorialId })).solved).toEqual([{ id: asked.id, title: "My brake lever goes all the way to the bar", solved: true }]);
  });

  it("a draft, an unknown tutorial or one the answerer may not read cannot be cited, and the answer is not posted", async () => {
    const { cycling, karim, lea } = await cyclingRepair();
    const secret = await community(guilde, { visibility: "private" });
    const insider = await employee(guilde);
    await membership(guilde, secret, insider);
    const { tutorialId: draftId } = await writeTutorial(guilde, { viewer: karim, communityId: cycling.id, input: validTutorial, publish: false });
    const { tutorialId: secretId } = await writeTutorial(guilde, { viewer: insider, communityId: secret.id, input: validTutorial, publish: true });
    const asked = await question(guilde, { in: cycling, by: lea });
    for (const reference of [draftId, secretId, "no-such-tutorial"]) {
      const error = await answerQuestion(guilde, { viewer: lea, questionId: asked.id, input: { body: answerBody, tutorial: reference } }).catch((caught: unknown) => caught);
      expect((error as Invalid).fieldErrors, reference).toEqual({ tutorial: ["errors.tutorialNotCitable"] });
    }
    expect((await getTutorial(guilde, { viewer: karim, tutorialId: draftId })).solved).toEqual([]);
    const { answerCount } = (await guilde.db.select().from(posts).where(eq(posts.id, asked.id)))[0];
    expect(answerCount).toBe(0);
  });

  it("readers who may not read the cited tutorial see the answer without its card", async () => {
    const { cycling, karim, lea, anna } = await cyclingRepair();
    const store = await community(guilde, { visibility: "internal" });
    await membership(guilde, store, karim);
    const { tutorialId } = await writeTutorial(guilde, { viewer: karim, communityId: store.id, input: validTutorial, publish: true });
    const asked = await question(guilde, { in: cycling, by: lea, title: "Squeaky brakes on my new bike" });
    await answerQuestion(guilde, { viewer: karim, questionId: asked.id, input: { body: answerBody, tutorial: tutorialId } });
    expect(await tutorialsCitedIn(guilde, { viewer: anna, questionId: asked.id })).toEqual([]);
    expect(await tutorialsCitedIn(guilde, { viewer: karim, questionId: asked.id })).toHaveLength(1);
  });
});

describe("uploaded videos", () => {
  it("stores a WebM or an MP4 recognised by its content, readable by its owner only until a tutorial takes it", async () => {
    const { cycling, karim, lea, anna } = await cyclingRepair();
    const webm = await upload(karim, webmBytes(200_000), "clip.bin");
    expect(webm).toMatchObject({ contentType: "video/webm", size: 200_000 });
    const mp4 = await upload(karim, mp4Bytes(), "clip.webm");
    expect(mp4.contentType).toBe("video/mp4");
    await expect(openVideo(guilde, { viewer: karim, uploadId: webm.uploadId })).resolves.toMatchObject({ size: 200_000 });
    await expect(openVideo(guilde, { viewer: lea, uploadId: webm.uploadId })).rejects.toThrow(NotFound);

    const { tutorialId } = await writeTutorial(guilde, { viewer: karim, communityId: cycling.id, input: { ...validTutorial, videoUploadId: webm.uploadId }, publish: false });
    await expect(openVideo(guilde, { viewer: lea, uploadId: webm.uploadId })).rejects.toThrow(NotFound);
    await publishTutorial(guilde, { viewer: karim, tutorialId });
    await expect(openVideo(guilde, { viewer: lea, uploadId: webm.uploadId })).resolves.toMatchObject({ contentType: "video/webm" });
    await expect(openVideo(guilde, { viewer: anna, uploadId: webm.uploadId })).resolves.toMatchObject({ contentType: "video/webm" });
    await expect(openVideo(guilde, { viewer: null, uploadId: webm.uploadId })).rejects.toThrow(NotFound);
    expect((await getTutorial(guilde, { viewer: lea, tutorialId })).tutorial.video).toEqual({ kind: "upload", src: `/files/${webm.uploadId}`, contentType: "video/webm" });
  });

  it("a video in a community one may not read is not found", async () => {
    const { karim, lea } = await cyclingRepair();
    const secret = await community(guilde, { visibility: "private" });
    await membership(guilde, secret, karim, "monitor");
    const video = await upload(karim, webmBytes());
    await writeTutorial(guilde, { viewer: karim, communityId: secret.id, input: { ...validTutorial, videoUploadId: video.uploadId }, publish: true });
    await expect(openVideo(guilde, { viewer: lea, uploadId: video.uploadId })).rejects.toThrow(NotFound);
  });

  it.each([
    ["an executable renamed .mp4", () => executableBytes(), "clip.mp4", "errors.videoType"],
    ["a text file named .webm", () => Buffer.from("just some notes, not a video at all ".repeat(200)), "notes.webm", "errors.videoType"],
    ["an empty file", () => Buffer.alloc(0), "empty.mp4", "errors.videoEmpty"],
    ["a file over the limit", () => webmBytes(1024 * 1024 + 1), "long.webm", "errors.videoTooLarge"],
    ["a path in the file name", () => webmBytes(), "../../etc/cron.d/clip.webm", "errors.videoFileName"],
    ["a Windows path in the file name", () => webmBytes(), "..\\..\\clip.webm", "errors.videoFileName"],
    ["a control character in the file name", () => webmBytes(), "clip\u0000.webm", "errors.videoFileName"],
  ])("refuses %s with a clear error, storing nothing", async (_case, bytes, filename, message) => {
    const { karim } = await cyclingRepair();
    const error = await upload(karim, bytes(), filename).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).fieldErrors).toEqual({ video: [message] });
    expect(await guilde.db.select().from(uploads)).toHaveLength(0);
    expect(await storedFiles()).toBe(0);
  });

  it("a 2 GB upload is refused once past the limit, read no further, and leaves nothing", async () => {
    const { karim } = await cyclingRepair();
    const huge = hugeVideoStream(2 * 1024 * 1024 * 1024);
    const error = await uploadVideo(guilde, { viewer: karim, file: huge.stream, filename: "whole-day.webm" }).catch((caught: unknown) => caught);
    expect((error as Invalid).fieldErrors).toEqual({ video: ["errors.videoTooLarge"] });
    expect(huge.read()).toBeLessThan(2 * 1024 * 1024);
    expect(await guilde.db.select().from(uploads)).toHaveLength(0);
    expect(await storedFiles()).toBe(0);
  });

  it("a tutorial cannot take someone else's upload, nor one another tutorial has", async () => {
    const { cycling, karim, lea } = await cyclingRepair();
    await membership(guilde, cycling, await employee(guilde));
    const leas = await upload(lea, webmBytes());
    const attempt = await writeTutorial(guilde, { viewer: karim, communityId: cycling.id, input: { ...validTutorial, videoUploadId: leas.uploadId }, publish: true }).catch((caught: unknown) => caught);
    expect((attempt as Invalid).fieldErrors).toEqual({ video: ["errors.videoUploadUnknown"] });
    expect(await guilde.db.select().from(posts)).toHaveLength(0);

    const karims = await upload(karim, webmBytes());
    await writeTutorial(guilde, { viewer: karim, communityId: cycling.id, input: { ...validTutorial, videoUploadId: karims.uploadId }, publish: true });
    const again = await writeTutorial(guilde, { viewer: karim, communityId: cycling.id, input: { ...validTutorial, videoUploadId: karims.uploadId }, publish: true }).catch((caught: unknown) => caught);
    expect((again as Invalid).fieldErrors).toEqual({ video: ["errors.videoUploadUnknown"] });
  });
});

/** A form as a browser sends it with a file: multipart, same origin, the session cookie. */
async function postMultipart(url: string, cookie: string, fields: Record<string, string>, file?: { name: string; bytes: Buffer; type?: string }) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append("video", new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "video/webm" }), file.name);
  return fetch(url, { method: "POST", body: form, headers: { Cookie: cookie, Origin: new URL(url).origin }, redirect: "manual" });
}

describe("over HTTP", () => {
  it("a monitor uploads a video with the form; it is served with ranges to readers, and to nobody else", async () => {
    const { cycling, karim, lea } = await cyclingRepair();
    const outsider = await customer(guilde);
    const server = await guilde.serve();
    const bytes = webmBytes(300_000);
    const response = await postMultipart(`${server.url}/c/${cycling.slug}/tutorials/new`, await sessionCookie(guilde, karim.id), { ...validTutorial, intent: "publish" }, { name: "bleed.webm", bytes });
    expect(response.status).toBe(302);
    const tutorialId = response.headers.get("location")!.match(/\/tutorials\/([a-z0-9]+)/)![1];
    const [stored] = await guilde.db.select().from(uploads).where(eq(uploads.tutorialId, tutorialId));
    expect(stored).toMatchObject({ size: 300_000, contentType: "video/webm", ownerId: karim.id });

    const reader = new HttpClient(server.url);
    reader.setCookieHeader(await sessionCookie(guilde, lea.id));
    const whole = await reader.get(`/files/${stored.id}`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    expect(whole.headers.get("content-type")).toBe("video/webm");
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);

    const part = await reader.get(`/files/${stored.id}`, { Range: "bytes=1000-1999" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe("bytes 1000-1999/300000");
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(1000, 2000))).toBe(true);
    const tail = await reader.get(`/files/${stored.id}`, { Range: "bytes=-10" });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(-10))).toBe(true);
    const beyond = await reader.get(`/files/${stored.id}`, { Range: "bytes=400000-" });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe("bytes */300000");

    const stranger = new HttpClient(server.url);
    stranger.setCookieHeader(await sessionCookie(guilde, outsider.id));
    expect((await stranger.get(`/files/${stored.id}`)).status).toBe(404);
    expect((await new HttpClient(server.url).get(`/files/${stored.id}`)).status).toBe(404);
    expect((await reader.get("/files/nothing-here")).status).toBe(404);
  });

  it.each([
    ["an executable renamed .mp4", { name: "setup.mp4", bytes: executableBytes() }, {}, "video"],
    ["a video over the limit", { name: "long.webm", bytes: webmBytes(3 * 1024 * 1024) }, {}, "video"],
    ["a path in the file name", { name: "../../../etc/clip.webm", bytes: webmBytes() }, {}, "video"],
    ["a link to a host not on the list", undefined, { videoUrl: "https://example.com/clip.mp4" }, "videoUrl"],
  ])("refuses %s with the form and its error (4xx, never a 500), storing nothing", async (_case, file, override, field) => {
    const { cycling, karim } = await cyclingRepair();
    const server = await guilde.serve();
    const response = await postMultipart(`${server.url}/c/${cycling.slug}/tutorials/new`, await sessionCookie(guilde, karim.id), { ...validTutorial, ...override, intent: "publish" }, file);
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('aria-invalid="true"');
    expect(page).toContain(`field-${field}-error`);
    expect(await guilde.db.select().from(uploads)).toHaveLength(0);
    expect(await guilde.db.select().from(posts)).toHaveLength(0);
    expect(await storedFiles()).toBe(0);
  });

  it("the page counts a reader once a day, and says how many times it was read; its author's visits do not count", async () => {
    const { cycling, karim, lea, hugo } = await cyclingRepair();
    const { tutorialId } = await writeTutorial(guilde, { viewer: karim, communityId: cycling.id, input: validTutorial, publish: true });
    const server = await guilde.serve();
    const as = async (person: User) => {
      const client = new HttpClient(server.url);
      client.setCookieHeader(await sessionCookie(guilde, person.id));
      return client;
    };
    const [author, reader, moderator] = [await as(karim), await as(lea), await as(hugo)];
    for (const client of [author, reader, reader, author]) expect((await client.get(`/tutorials/${tutorialId}`)).status).toBe(200);
    const page = await (await moderator.get(`/tutorials/${tutorialId}`)).text();
    expect(page).toContain("Read 1 time");
    expect(await (await reader.get(`/tutorials/${tutorialId}`)).text()).toContain("Read 2 times");
  });

  it("a client that drops in the middle of an upload leaves nothing stored", async () => {
    const { cycling, karim } = await cyclingRepair();
    const server = await guilde.serve();
    const boundary = "----guilde-test-boundary";
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\n${validTutorial.title}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="video"; filename="clip.webm"\r\nContent-Type: video/webm\r\n\r\n`,
    );
    const url = new URL(`${server.url}/c/${cycling.slug}/tutorials/new`);
    const sent = httpRequest(url, {
      method: "POST",
      headers: { Cookie: await sessionCookie(guilde, karim.id), Origin: url.origin, "Content-Type": `multipart/form-data; boundary=${boundary}`, "Content-Length": String(10 * 1024 * 1024) },
    });
    sent.on("error", () => {});
    sent.write(head);
    sent.write(webmBytes(512 * 1024));
    // Until the server has stored the first bytes: the upload is under way when the client goes.
    await expect.poll(storedFiles).toBe(1);
    sent.destroy();
    await expect.poll(async () => (await guilde.db.select().from(uploads)).length + (await storedFiles()), { timeout: 5000 }).toBe(0);
    // The server is still answering.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("a form with a valid video but a missing title comes back with the upload kept, and nothing published", async () => {
    const { cycling, karim } = await cyclingRepair();
    const server = await guilde.serve();
    const response = await postMultipart(`${server.url}/c/${cycling.slug}/tutorials/new`, await sessionCookie(guilde, karim.id), { ...validTutorial, title: "", intent: "publish" }, { name: "clip.webm", bytes: webmBytes() });
    expect(response.status).toBe(400);
    const [kept] = await guilde.db.select().from(uploads);
    expect(kept.tutorialId).toBeNull();
    expect(await response.text()).toContain(`name="videoUploadId" value="${kept.id}"`);
    expect(await guilde.db.select().from(posts)).toHaveLength(0);
  });
});
