import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { digests, follows, users, type Community, type User } from "../../db/schema";
import { buildDigest, type Digest } from "../../server/digests/build-digest";
import { periodKey } from "../../server/digests/period";
import { sendDigests, type DeliverMail } from "../../server/digests/send-digests";
import { unsubscribeLink, unsubscribeToken } from "../../server/digests/unsubscribe";
import { changeIdeaStatus } from "../../server/ideas/change-idea-status";
import { proposeIdea } from "../../server/ideas/propose-idea";
import { sendMail } from "../../server/mail/send-mail";
import { hideContent } from "../../server/moderation/hide-content";
import { acceptAnswer } from "../../server/questions/accept-answer";
import { writeTutorial } from "../../server/tutorials/write-tutorial";
import { answer, community, customer, employee, membership, question } from "../support/factories";
import { useGuilde } from "../support/guilde";
import { HttpClient } from "../support/http";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "guilde-digests-"));
const guilde = useGuilde({ DATA_DIR: dataDir, PUBLIC_URL: "https://guilde.example.com" });
const outbox = path.join(dataDir, "mail-outbox");

beforeEach(() => fs.rmSync(outbox, { recursive: true, force: true }));

/** Who each e-mail in the outbox went to, one entry per e-mail. */
function outboxRecipients(): string[] {
  if (!fs.existsSync(outbox)) return [];
  return fs
    .readdirSync(outbox)
    .map((file) => /^To: (.+)$/m.exec(fs.readFileSync(path.join(outbox, file), "utf8"))?.[1] ?? "")
    .sort();
}

/** An outbox e-mail as a person reads it: folded headers unfolded, encoded words and quoted-printable decoded. */
function readMail(file: string): string {
  const raw = fs.readFileSync(path.join(outbox, file), "utf8");
  const headers = raw
    .slice(0, raw.indexOf("\n\n"))
    .replace(/\?=\n =\?UTF-8\?Q\?/g, "")
    .replace(/\n /g, " ")
    .replace(/=\?UTF-8\?Q\?(.*?)\?=/g, (_, encoded: string) => decodeQuotedPrintable(encoded.replace(/_/g, " ")));
  return headers + decodeQuotedPrintable(raw.slice(raw.indexOf("\n\n")).replace(/=\n/g, ""));
}
const decodeQuotedPrintable = (text: string) =>
  Buffer.from(text.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8");

const titles = (digest: Digest) => Object.fromEntries(Object.entries(digest).map(([segment, items]) => [segment, (items as { title: string }[]).map((item) => item.title).sort()]));
const digestOf = (viewer: User) => buildDigest(guilde.db, { viewer, since: new Date(Date.now() - 86_400_000), until: new Date(Date.now() + 1000) });

const tutorial = (by: User, where: Community, title: string) =>
  writeTutorial(guilde, {
    viewer: by,
    communityId: where.id,
    input: { title, summary: "A clean bleed in twenty minutes, step by step.", body: "1. Remove the wheel.\n2. Fit the bleed block.\n3. Push fresh oil.", tags: "freins", difficulty: "beginner", minutes: "20" },
    publish: true,
  });

async function idea(by: User, where: Community, title: string) {
  const { ideaId } = await proposeIdea(guilde, {
    viewer: by,
    communityId: where.id,
    input: { title, problem: "Returns queue at the main till on Saturdays.", proposal: "A self-service kiosk that prints a return label.", benefit: "Shorter queues.", tags: "returns" },
  });
  return ideaId;
}

/** Cycling repair (internal): Hugo moderates, Karim monitors brakes, Léa is a member; Kayak is open to customers; Vault is private. */
async function world() {
  const repair = await community(guilde, { name: "Cycling repair" });
  const kayak = await community(guilde, { name: "Kayak club", visibility: "open" });
  const vault = await community(guilde, { name: "Pricing vault", visibility: "private" });
  const hugo = await employee(guilde, { displayName: "Hugo" });
  const karim = await employee(guilde, { displayName: "Karim", locale: "fr" });
  const lea = await employee(guilde, { displayName: "Léa" });
  const bob = await customer(guilde, { invitedTo: kayak, displayName: "Bob" });
  await membership(guilde, repair, hugo, "moderator");
  await membership(guilde, kayak, hugo, "moderator");
  await membership(guilde, vault, hugo, "moderator");
  await membership(guilde, repair, karim, "monitor", { topics: ["freins"] });
  await membership(guilde, kayak, karim);
  await membership(guilde, repair, lea);
  return { repair, kayak, vault, hugo, karim, lea, bob };
}

describe("what a digest holds", () => {
  it("gives an employee every segment of what they follow, unanswered questions on their monitor topics only", async () => {
    const { repair, hugo, karim, lea } = await world();
    await question(guilde, { in: repair, by: lea, title: "Spongy brake lever after a bleed", tags: ["freins"] });
    await question(guilde, { in: repair, by: lea, title: "Which saddle for long rides?", tags: ["selles"] });
    const own = await question(guilde, { in: repair, by: karim, title: "Creaking bottom bracket on a cargo bike" });
    await answer(guilde, { to: own, by: lea });
    const solved = await question(guilde, { in: repair, by: lea, title: "Chain skips under load" });
    const fix = await answer(guilde, { to: solved, by: hugo });
    await acceptAnswer(guilde, { viewer: lea, questionId: solved.id, answerId: fix.id });
    await tutorial(hugo, repair, "Bleed a hydraulic disc brake");
    const ideaId = await idea(lea, repair, "Repair stand at every store entrance");
    await changeIdeaStatus(guilde, { viewer: hugo, ideaId, input: { status: "planned", note: "Ordered for January." } });

    expect(titles(await digestOf(karim))).toEqual({
      unanswered: ["Spongy brake lever after a bleed"],
      accepted: ["Chain skips under load"],
      tutorials: ["Bleed a hydraulic disc brake"],
      ideas: ["Repair stand at every store entrance"],
      ownQuestions: ["Creaking bottom bracket on a cargo bike"],
    });
    // Léa declared no topics: every unanswered question of her communities but her own.
    expect(titles(await digestOf(lea)).unanswered).toEqual([]);
    expect(titles(await digestOf(hugo)).unanswered).toEqual(["Spongy brake lever after a bleed", "Which saddle for long rides?"]);
  });

  it("never gives a customer internal content, even with a membership row in an internal community", async () => {
    const { repair, kayak, hugo, karim, bob } = await world();
    await membership(guilde, repair, bob);
    await question(guilde, { in: repair, by: karim, title: "Internal margin on brake pads" });
    await tutorial(hugo, repair, "Internal stock counting routine");
    await question(guilde, { in: kayak, by: karim, title: "Best paddle length for touring?" });
    await tutorial(hugo, kayak, "Rolling a sea kayak safely");
    expect(titles(await digestOf(bob))).toMatchObject({ unanswered: ["Best paddle length for touring?"], tutorials: ["Rolling a sea kayak safely"] });
  });

  it("gives a private community's content to its members only, even to someone following one of its ideas", async () => {
    const { vault, hugo, lea } = await world();
    const ideaId = await idea(hugo, vault, "Regional price bands for spare parts");
    await guilde.db.insert(follows).values({ userId: lea.id, postId: ideaId });
    await changeIdeaStatus(guilde, { viewer: hugo, ideaId, input: { status: "under_review", note: "Finance looks at it." } });
    const other = await employee(guilde);
    await membership(guilde, vault, other);
    expect(titles(await digestOf(other)).ideas).toEqual(["Regional price bands for spare parts"]);
    expect(titles(await digestOf(lea)).ideas).toEqual([]);
  });

  it("never holds hidden content", async () => {
    const { repair, hugo, lea } = await world();
    const spam = await question(guilde, { in: repair, by: lea, title: "Cheap watches, click here now" });
    await hideContent(guilde, { viewer: hugo, contentId: spam.id, input: { reason: "spam" } });
    expect(titles(await digestOf(hugo)).unanswered).toEqual([]);
  });
});

describe("sending digests", () => {
  it("sends each reader one e-mail in their language with a one-click unsubscribe, none when digests are off or there is nothing to tell", async () => {
    const { repair, hugo, karim, lea, bob } = await world();
    await question(guilde, { in: repair, by: lea, title: "Spongy brake lever after a bleed", tags: ["freins"] });
    await guilde.db.update(users).set({ digestFrequency: "off" }).where(eq(users.id, hugo.id));
    const now = new Date();

    expect(await sendDigests(guilde, { cadence: "weekly", now })).toEqual({ sent: 1, empty: 2, failed: 0 });
    expect(outboxRecipients()).toEqual([karim.email]);
    const mail = readMail(fs.readdirSync(outbox)[0]);
    expect(mail).toContain("Subject: Votre résumé Guilde de la semaine");
    expect(mail).toContain("Questions en attente de réponse");
    expect(mail).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(mail).toContain(`List-Unsubscribe: <${unsubscribeLink(guilde.config, karim.id)}>`);
    expect(mail).toContain("Spongy brake lever after a bleed");
    const rows = await guilde.db.select({ userId: digests.userId, status: digests.status }).from(digests);
    expect(rows.map((row) => [row.userId, row.status]).sort()).toEqual(
      [
        [karim.id, "sent"],
        [lea.id, "empty"],
        [bob.id, "empty"],
      ].sort(),
    );

    expect(await sendDigests(guilde, { cadence: "weekly", now })).toEqual({ sent: 0, empty: 0, failed: 0 });
    expect(outboxRecipients()).toEqual([karim.email]);
  });

  it("sends nobody a digest twice when the worker is killed between sending and recording, and sends the others after the restart", async () => {
    const { repair, kayak, hugo, karim, lea, bob } = await world();
    await question(guilde, { in: repair, by: karim, title: "Spongy brake lever after a bleed" });
    await question(guilde, { in: kayak, by: hugo, title: "Best paddle length for touring?" });
    await question(guilde, { in: repair, by: lea, title: "Chain skips under load" });
    const now = new Date();
    let delivered = 0;
    // The third e-mail goes out, then the process freezes before it records it, as if killed.
    const dying: DeliverMail = async (message) => {
      await sendMail(guilde.config.mail, message);
      if (++delivered === 3) await new Promise(() => {});
    };
    void sendDigests(guilde, { cadence: "weekly", now, deliver: dying });
    await expect.poll(() => outboxRecipients().length, { timeout: 10_000 }).toBe(3);

    const restarted = await sendDigests(guilde, { cadence: "weekly", now });
    expect(restarted.sent).toBe(1);
    expect(outboxRecipients()).toEqual([hugo.email, karim.email, lea.email, bob.email].sort());
    const statuses = (await guilde.db.select({ status: digests.status }).from(digests)).map((row) => row.status).sort();
    expect(statuses).toEqual(["sending", "sent", "sent", "sent"]);
  });

  it("tries a digest the mailer refused again at the next turn", async () => {
    const { repair, karim, lea } = await world();
    await question(guilde, { in: repair, by: lea, title: "Spongy brake lever after a bleed", tags: ["freins"] });
    await guilde.db.update(users).set({ digestFrequency: "daily" }).where(eq(users.id, karim.id));
    const now = new Date();
    const refusing: DeliverMail = () => Promise.reject(new Error("SMTP server unreachable"));
    expect(await sendDigests(guilde, { cadence: "daily", now, deliver: refusing })).toMatchObject({ failed: 1 });
    expect(await sendDigests(guilde, { cadence: "daily", now })).toMatchObject({ sent: 1 });
    expect(outboxRecipients()).toEqual([karim.email]);
    const [row] = await guilde.db.select().from(digests).where(eq(digests.userId, karim.id));
    expect(row).toMatchObject({ periodKey: periodKey("daily", now), status: "sent", attempts: 2 });
  });
});

describe("unsubscribing", () => {
  it("refuses a forged or altered link with a 400 and changes nothing; the real link asks, then turns digests off without signing in", async () => {
    const { karim, lea } = await world();
    const server = await guilde.serve();
    const browser = new HttpClient(server.url);
    const real = unsubscribeToken(guilde.config, karim.id);
    const forgedForLea = `${Buffer.from(lea.id).toString("base64url")}.${real.split(".")[1]}`;
    for (const token of [forgedForLea, `${real}x`, "not-a-token"]) {
      const page = await browser.get(`/unsubscribe/${token}`);
      expect(page.status).toBe(400);
      expect(await page.text()).toContain("This unsubscribe link is not valid");
      expect((await browser.post(`/unsubscribe/${token}`, { "List-Unsubscribe": "One-Click" })).status).toBe(400);
    }
    const frequencies = async () => (await guilde.db.select({ id: users.id, frequency: users.digestFrequency }).from(users)).map((row) => row.frequency);
    expect(await frequencies()).not.toContain("off");

    const confirm = await browser.get(`/unsubscribe/${real}`);
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain("Stop the digests");
    expect(await frequencies()).not.toContain("off");
    // RFC 8058: the mail provider posts without an Origin header or a session.
    const oneClick = await fetch(new URL(`/unsubscribe/${real}`, server.url), {
      method: "POST",
      body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    });
    expect(oneClick.status).toBe(200);
    const [after] = await guilde.db.select({ frequency: users.digestFrequency }).from(users).where(eq(users.id, karim.id));
    expect(after.frequency).toBe("off");
    const [untouched] = await guilde.db.select({ frequency: users.digestFrequency }).from(users).where(eq(users.id, lea.id));
    expect(untouched.frequency).toBe("weekly");
  });
});
