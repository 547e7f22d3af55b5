import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema";
import { listCommunityAudit, listSiteAudit } from "../../server/audit/list-audit";
import { recordAudit } from "../../server/audit/record";
import { NotFound } from "../../server/errors";
import { hideContent } from "../../server/moderation/hide-content";
import { suspendUser } from "../../server/moderation/suspend-user";
import { pinQuestion } from "../../server/questions/moderate-question";
import { admin, community, customer, employee, membership, question } from "../support/factories";
import { useGuilde } from "../support/guilde";
import { HttpClient } from "../support/http";
import { sessionCookie } from "../support/sockets";

const guilde = useGuilde();

/** Two communities, each with its moderator; some moderation in each and one suspension. */
async function history() {
  const kayak = await community(guilde, { name: "Kayaking", slug: "kayaking", visibility: "open" });
  const climbing = await community(guilde, { name: "Climbing", slug: "climbing" });
  const hugo = await employee(guilde, { displayName: "Hugo Martin" });
  const zoe = await employee(guilde, { displayName: "Zoé Petit" });
  const lea = await employee(guilde);
  const boss = await admin(guilde, { displayName: "Ada Admin" });
  await membership(guilde, kayak, hugo, "moderator");
  await membership(guilde, climbing, zoe, "moderator");
  await membership(guilde, kayak, lea);
  await membership(guilde, climbing, lea);
  const inKayak = await question(guilde, { in: kayak, by: lea });
  const inClimbing = await question(guilde, { in: climbing, by: lea });
  await pinQuestion(guilde, { viewer: hugo, questionId: inKayak.id, pinned: true });
  await hideContent(guilde, { viewer: hugo, contentId: inKayak.id, input: { reason: "spam" } });
  await hideContent(guilde, { viewer: zoe, contentId: inClimbing.id, input: { reason: "abusive", note: "Personal attack." } });
  await suspendUser(guilde, { viewer: boss, userId: lea.id, input: { reason: "Repeated attacks." } });
  return { kayak, climbing, hugo, zoe, lea, boss, inKayak, inClimbing };
}

describe("the audit log", () => {
  it("administrators see every action, filterable by action, person, target, community and day", async () => {
    const { boss, hugo, lea, inKayak } = await history();
    const all = await listSiteAudit(guilde, { viewer: boss, input: {} });
    expect(all.page.items.map((entry) => entry.action)).toEqual(["user.suspend", "question.hide", "question.hide", "question.pin"]);
    expect(all.page.items[0]).toMatchObject({ actor: { displayName: "Ada Admin" }, targetKind: "user", targetId: lea.id, targetHref: `/users/${lea.id}`, reason: "Repeated attacks.", community: null });

    const byAction = await listSiteAudit(guilde, { viewer: boss, input: { action: "question." } });
    expect(byAction.page.items).toHaveLength(3);
    const byActor = await listSiteAudit(guilde, { viewer: boss, input: { actor: "hugo" } });
    expect(byActor.page.items.map((entry) => entry.actor?.id)).toEqual([hugo.id, hugo.id]);
    const byTarget = await listSiteAudit(guilde, { viewer: boss, input: { target: inKayak.id } });
    expect(byTarget.page.items.map((entry) => entry.action)).toEqual(["question.hide", "question.pin"]);
    const byCommunity = await listSiteAudit(guilde, { viewer: boss, input: {}, community: "climbing" });
    expect(byCommunity.page.items.map((entry) => entry.reason)).toEqual(["abusive"]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listSiteAudit(guilde, { viewer: boss, input: { from: today, to: today } })).page.items).toHaveLength(4);
    expect((await listSiteAudit(guilde, { viewer: boss, input: { to: "2001-01-01" } })).page.items).toEqual([]);
    // `%` is searched as a character, not as a wildcard.
    expect((await listSiteAudit(guilde, { viewer: boss, input: { actor: "%" } })).page.items).toEqual([]);
  });

  it("pages through the log newest first without skipping or repeating", async () => {
    const { boss } = await history();
    await guilde.db.transaction(async (tx) => {
      for (let n = 0; n < 120; n++) await recordAudit(tx, { actorId: boss.id, action: "site.update", targetKind: "site", targetId: `site-${n}` });
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const { page } = await listSiteAudit(guilde, { viewer: boss, input: { action: "site." }, cursor });
      seen.push(...page.items.map((entry) => entry.targetId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
  });

  it("a community's moderators see its log only; everyone else gets a 404", async () => {
    const { kayak, hugo, zoe, lea, boss } = await history();
    const ofKayak = await listCommunityAudit(guilde, { viewer: hugo, slug: "kayaking", input: {} });
    expect(ofKayak.page.items.map((entry) => entry.action)).toEqual(["question.hide", "question.pin"]);
    expect(ofKayak.page.items.every((entry) => entry.community?.slug === "kayaking")).toBe(true);
    expect((await listCommunityAudit(guilde, { viewer: boss, slug: "kayaking", input: {} })).page.items).toHaveLength(2);
    const anna = await customer(guilde, { invitedTo: kayak });
    for (const viewer of [zoe, lea, anna, null]) {
      await expect(listCommunityAudit(guilde, { viewer, slug: "kayaking", input: {} })).rejects.toThrow(NotFound);
    }
    for (const viewer of [hugo, zoe, lea, anna, null]) {
      await expect(listSiteAudit(guilde, { viewer, input: {} })).rejects.toThrow(NotFound);
    }

    const server = await guilde.serve();
    const browser = new HttpClient(server.url);
    browser.setCookieHeader(await sessionCookie(guilde, hugo.id));
    const page = await browser.get("/c/kayaking/audit?action=question.");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("question.pin");
    expect((await browser.get("/c/climbing/audit")).status).toBe(404);
    expect((await browser.get("/admin/audit")).status).toBe(404);
    expect((await browser.get("/c/kayaking/audit?action=DROP%20TABLE")).status).toBe(400);
  });

  it("nothing in it can be edited: the database itself refuses UPDATE and DELETE", async () => {
    const { boss } = await history();
    const before = await guilde.db.select().from(auditLog).orderBy(auditLog.id);
    await expect(guilde.db.update(auditLog).set({ reason: "nothing happened" })).rejects.toThrow();
    await expect(guilde.db.delete(auditLog)).rejects.toThrow();
    await expect(guilde.db.delete(auditLog).where(eq(auditLog.action, "user.suspend"))).rejects.toThrow();
    const refusal = await guilde.db.execute(sql`update audit_log set actor_id = null`).catch((error: Error) => error);
    expect(String((refusal as Error & { cause?: Error }).cause?.message ?? refusal)).toContain("audit_log is append-only: UPDATE refused");
    expect(await guilde.db.select().from(auditLog).orderBy(auditLog.id)).toEqual(before);
    // Appending still works.
    await guilde.db.transaction((tx) => recordAudit(tx, { actorId: boss.id, action: "site.create", targetKind: "site", targetId: "new" }));
    expect(await guilde.db.select().from(auditLog)).toHaveLength(before.length + 1);
  });
});
