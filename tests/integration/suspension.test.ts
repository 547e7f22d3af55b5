import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, sessions, users } from "../../db/schema";
import { Conflict, Forbidden, Invalid, NotFound } from "../../server/errors";
import { liftSuspension, suspendUser } from "../../server/moderation/suspend-user";
import { admin, community, customer, employee, membership, testPassword } from "../support/factories";
import { useGuilde } from "../support/guilde";
import { HttpClient } from "../support/http";
import { sessionCookie, useSockets } from "../support/sockets";

const guilde = useGuilde();
const sockets = useSockets();

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

function logged() {
  const lines: string[] = [];
  guilde.log = { info: (message) => lines.push(message), error: (message) => lines.push(message) };
  return lines;
}

async function account(userId: string) {
  const [row] = await guilde.db.select().from(users).where(eq(users.id, userId));
  return row;
}

describe("suspending an account", () => {
  it("an administrator suspends until a day with a reason: sessions end, sockets disconnect at once, sign-in says why and until when", async () => {
    const server = await guilde.serve();
    const boss = await admin(guilde);
    const lea = await employee(guilde);
    const cookie = await sessionCookie(guilde, lea.id);
    const socket = await sockets.connect(server.url, cookie);
    const disconnected = socket.disconnected();

    const browser = new HttpClient(server.url);
    browser.setCookieHeader(await sessionCookie(guilde, boss.id));
    const until = tomorrow();
    const suspended = await browser.post(`/users/${lea.id}`, { intent: "suspend", until, reason: "Shared customer data in a public thread." });
    expect(suspended.status).toBe(302);

    expect(await disconnected).toBe("io server disconnect");
    expect(await guilde.db.select().from(sessions).where(eq(sessions.userId, lea.id))).toEqual([]);
    const old = new HttpClient(server.url);
    old.setCookieHeader(cookie);
    expect((await old.get("/")).status).toBe(200);
    expect((await old.get("/notifications")).status).toBe(302);
    expect(await sockets.refusal(server.url, { Cookie: cookie })).toBe("unauthorized");

    const signIn = await new HttpClient(server.url).post("/signin", { email: lea.email, password: testPassword });
    expect(signIn.status).toBe(403);
    const html = await signIn.text();
    expect(html).toContain("Your account is suspended");
    expect(html).toContain("Shared customer data in a public thread.");
    expect(html).toMatch(/The suspension ends on \w+ \d+, \d{4}\./);
    const wrongPassword = await new HttpClient(server.url).post("/signin", { email: lea.email, password: "not the password" });
    expect(wrongPassword.status).toBe(400);
    expect(await wrongPassword.text()).not.toContain("suspended");

    expect(await guilde.db.select().from(auditLog)).toMatchObject([
      { actorId: boss.id, action: "user.suspend", targetKind: "user", targetId: lea.id, reason: "Shared customer data in a public thread.", details: { until: `${until}T00:00:00.000Z` } },
    ]);
  });

  it("a suspension ends by itself on its day; an indefinite one until an administrator lifts it", async () => {
    const server = await guilde.serve();
    const boss = await admin(guilde);
    const lea = await employee(guilde);
    await suspendUser(guilde, { viewer: boss, userId: lea.id, input: { until: tomorrow(), reason: "Cooling off." } });
    await guilde.db.update(users).set({ suspendedUntil: new Date(Date.now() - 1000) }).where(eq(users.id, lea.id));
    expect((await new HttpClient(server.url).post("/signin", { email: lea.email, password: testPassword })).status).toBe(302);

    await suspendUser(guilde, { viewer: boss, userId: lea.id, input: { reason: "Until we talk." } });
    expect(await account(lea.id)).toMatchObject({ suspendedUntil: null, suspensionReason: "Until we talk." });
    const refused = await new HttpClient(server.url).post("/signin", { email: lea.email, password: testPassword });
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain("The suspension ends on");
    await liftSuspension(guilde, { viewer: boss, userId: lea.id });
    expect((await new HttpClient(server.url).post("/signin", { email: lea.email, password: testPassword })).status).toBe(302);
    await expect(liftSuspension(guilde, { viewer: boss, userId: lea.id })).rejects.toThrow(new Conflict("errors.notSuspended"));
    expect((await guilde.db.select({ action: auditLog.action }).from(auditLog)).map((row) => row.action)).toEqual(["user.suspend", "user.suspend", "user.unsuspend"]);
  });

  it("a moderator suspending an administrator is refused and logged, and nothing changes; so is any suspension by a moderator", async () => {
    const kayak = await community(guilde, { visibility: "open" });
    const hugo = await employee(guilde);
    await membership(guilde, kayak, hugo, "moderator");
    const boss = await admin(guilde);
    const anna = await customer(guilde, { invitedTo: kayak });
    const lines = logged();
    await expect(suspendUser(guilde, { viewer: hugo, userId: boss.id, input: { reason: "Power grab." } })).rejects.toThrow(Forbidden);
    await expect(suspendUser(guilde, { viewer: hugo, userId: anna.id, input: { reason: "Spam in Kayaking." } })).rejects.toThrow(Forbidden);
    expect(lines.filter((line) => line.startsWith("Refused"))).toEqual([
      `Refused: ${hugo.id} (employee) may not suspend ${boss.id} (admin)`,
      `Refused: ${hugo.id} (employee) may not suspend ${anna.id} (customer)`,
    ]);
    expect((await account(boss.id)).suspendedAt).toBeNull();
    expect((await account(anna.id)).suspendedAt).toBeNull();
    expect(await guilde.db.select().from(auditLog)).toEqual([]);

    const server = await guilde.serve();
    const browser = new HttpClient(server.url);
    browser.setCookieHeader(await sessionCookie(guilde, hugo.id));
    expect((await browser.post(`/users/${boss.id}`, { intent: "suspend", reason: "Power grab." })).status).toBe(403);
    expect((await account(boss.id)).suspendedAt).toBeNull();
  });

  it("an administrator cannot suspend their own account; bad input comes back as field errors", async () => {
    const boss = await admin(guilde);
    const lea = await employee(guilde);
    await expect(suspendUser(guilde, { viewer: boss, userId: boss.id, input: { reason: "Testing." } })).rejects.toThrow(Forbidden);
    for (const [input, field] of [
      [{ reason: "" }, "reason"],
      [{ reason: "Fine reason", until: "someday" }, "until"],
      [{ reason: "Fine reason", until: "2001-01-01" }, "until"],
    ] as const) {
      const error = await suspendUser(guilde, { viewer: boss, userId: lea.id, input }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(Invalid);
      expect(Object.keys((error as Invalid).fieldErrors)).toEqual([field]);
    }
    await expect(suspendUser(guilde, { viewer: boss, userId: "nobody", input: { reason: "Fine reason" } })).rejects.toThrow(NotFound);
    expect((await account(lea.id)).suspendedAt).toBeNull();
  });
});
