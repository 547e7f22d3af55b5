import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog, communities, communityMembers, invitations, users } from "../../db/schema";
import { Conflict, Forbidden, Invalid, NotFound } from "../../server/errors";
import { acceptInvitation } from "../../server/invitations/accept-invitation";
import { inviteCustomers } from "../../server/invitations/invite-customers";
import { listInvitations } from "../../server/invitations/list-invitations";
import { revokeInvitation } from "../../server/invitations/revoke-invitation";
import { hashInvitationToken } from "../../server/invitations/tokens";
import { setCustomerActive } from "../../server/people/deactivate-customer";
import { listCustomers } from "../../server/people/list-customers";
import { admin, community, customer, employee, membership, testPassword } from "../support/factories";
import { useGuilde } from "../support/guilde";
import { HttpClient } from "../support/http";
import { sessionCookie, useSockets } from "../support/sockets";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "guilde-invitations-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const guilde = useGuilde({ DATA_DIR: dataDir, INVITATION_DAYS: "7" });
const sockets = useSockets();
const outbox = path.join(dataDir, "mail-outbox");
const origin = "http://guilde.test";

/** Kayaking is open to customers; Hugo moderates it; Store operations is internal. */
async function kayaking() {
  const open = await community(guilde, { name: "Kayaking", slug: "kayaking", visibility: "open" });
  const internal = await community(guilde, { name: "Store operations", slug: "store-operations", visibility: "internal" });
  const hugo = await employee(guilde, { displayName: "Hugo Martin" });
  await membership(guilde, open, hugo, "moderator");
  await membership(guilde, internal, hugo, "moderator");
  return { open, internal, hugo };
}

const tokenOf = (link: string | null) => link!.split("/invitations/")[1];
const invitationRows = () => guilde.db.select().from(invitations);
const customerCount = async () => (await guilde.db.select().from(users).where(eq(users.role, "customer"))).length;

function logged() {
  const lines: string[] = [];
  guilde.log = { info: (message) => lines.push(message), error: (message) => lines.push(message) };
  return lines;
}

async function signedInBrowser(userId: string) {
  const server = await guilde.serve();
  const browser = new HttpClient(server.url);
  browser.setCookieHeader(await sessionCookie(guilde, userId));
  return browser;
}

describe("inviting customers", () => {
  it("a moderator of an open community invites several customers at once; only token hashes are stored, each e-mail goes to the outbox", async () => {
    fs.rmSync(outbox, { recursive: true, force: true });
    const { open, hugo } = await kayaking();
    const before = Date.now();
    const outcome = await inviteCustomers(guilde, {
      viewer: hugo,
      communityId: open.id,
      origin,
      input: { emails: "Anna Paddler <anna@example.com>\nben@example.com, ben@example.com; CHLOE@example.com", locale: "fr" },
    });
    expect(outcome.sent.map((sent) => [sent.email, sent.delivery])).toEqual([
      ["anna@example.com", "outbox"],
      ["ben@example.com", "outbox"],
      ["chloe@example.com", "outbox"],
    ]);
    const rows = await invitationRows();
    expect(rows).toHaveLength(3);
    for (const sent of outcome.sent) {
      const token = tokenOf(sent.link);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const row = rows.find((invitation) => invitation.email === sent.email)!;
      expect(row.tokenHash).toBe(hashInvitationToken(token));
      expect(JSON.stringify(rows)).not.toContain(token);
      // INVITATION_DAYS=7
      expect(row.expiresAt.getTime() - before).toBeGreaterThan(6.9 * 86_400_000);
      expect(row.expiresAt.getTime() - before).toBeLessThan(7.1 * 86_400_000);
    }
    const files = fs.readdirSync(outbox);
    expect(files).toHaveLength(3);
    const mail = files.map((file) => fs.readFileSync(path.join(outbox, file), "utf8")).find((text) => text.includes("anna@example.com"))!;
    expect(mail).toContain(outcome.sent[0].link!.slice(0, 40));
    expect(mail).toMatch(/^Subject: /m);
    expect(mail).toContain("Kayaking");
    const audited = await guilde.db.select().from(auditLog).where(eq(auditLog.action, "invitation.create"));
    expect(audited.map((entry) => entry.details.email).sort()).toEqual(["anna@example.com", "ben@example.com", "chloe@example.com"]);
  });

  it("sends through SMTP when SMTP_URL is set, and shows no link then", async () => {
    const received: string[] = [];
    const smtp = net.createServer((socket) => {
      let data = false;
      let message = "";
      socket.write("220 test ESMTP\r\n");
      socket.on("data", (chunk) => {
        for (const line of chunk.toString("utf8").split("\r\n")) {
          if (data) {
            if (line === ".") {
              data = false;
              received.push(message);
              socket.write("250 queued\r\n");
            } else message += `${line}\n`;
          } else if (/^(EHLO|HELO)/i.test(line)) socket.write("250 test\r\n");
          else if (/^(MAIL|RCPT|RSET|NOOP)/i.test(line)) socket.write("250 ok\r\n");
          else if (/^DATA/i.test(line)) {
            data = true;
            socket.write("354 go\r\n");
          } else if (/^QUIT/i.test(line)) socket.end("221 bye\r\n");
        }
      });
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    const { port } = smtp.address() as net.AddressInfo;
    const config = guilde.config;
    guilde.config = { ...config, mail: { kind: "smtp", url: `smtp://127.0.0.1:${port}`, from: "Guilde <no-reply@guilde.test>" } };
    try {
      const { open, hugo } = await kayaking();
      const outcome = await inviteCustomers(guilde, { viewer: hugo, communityId: open.id, origin, input: { emails: "dana@example.com" } });
      expect(outcome.sent).toEqual([{ email: "dana@example.com", delivery: "smtp", link: null }]);
      expect(received).toHaveLength(1);
      expect(received[0]).toContain("dana@example.com");
      expect(received[0]).toContain(`${origin}/invitations/`);
    } finally {
      guilde.config = config;
      await new Promise((resolve) => smtp.close(resolve));
    }
  });

  it("a failed delivery still gives the inviter the link, and is logged", async () => {
    const config = guilde.config;
    guilde.config = { ...config, mail: { kind: "smtp", url: "smtp://127.0.0.1:9", from: "Guilde <no-reply@guilde.test>" } };
    const lines = logged();
    try {
      const { open, hugo } = await kayaking();
      const outcome = await inviteCustomers(guilde, { viewer: hugo, communityId: open.id, origin, input: { emails: "eve@example.com" } });
      expect(outcome.sent[0]).toMatchObject({ email: "eve@example.com", delivery: "failed" });
      expect(outcome.sent[0].link).toMatch(/^http:\/\/guilde\.test\/invitations\//);
      expect(lines.some((line) => line.includes("eve@example.com"))).toBe(true);
    } finally {
      guilde.config = config;
    }
  });

  it("an address with an account is skipped; a new invitation to the same address replaces the pending one", async () => {
    const { open, hugo } = await kayaking();
    const existing = await employee(guilde, { email: "lea@guilde.test" });
    const first = await inviteCustomers(guilde, { viewer: hugo, communityId: open.id, origin, input: { emails: "fred@example.com" } });
    const second = await inviteCustomers(guilde, { viewer: hugo, communityId: open.id, origin, input: { emails: `fred@example.com ${existing.email}` } });
    expect(second.skipped).toEqual([existing.email]);
    await expect(acceptInvitation(guilde, { token: tokenOf(first.sent[0].link), input: { displayName: "Fred", password: testPassword } })).rejects.toThrow(
      new Conflict("errors.invitationRevoked"),
    );
    await acceptInvitation(guilde, { token: tokenOf(second.sent[0].link), input: { displayName: "Fred", password: testPassword } });
    expect(await customerCount()).toBe(1);
  });

  it.each([
    ["no address", "", "errors.invitationEmailsRequired"],
    ["an invalid address", "anna@example.com, not-an-address, bob@", "errors.invitationEmailInvalid"],
    ["51 addresses", Array.from({ length: 51 }, (_, n) => `p${n}@example.com`).join("\n"), "errors.tooManyInvitations"],
  ])("refuses %s with a field error and invites nobody", async (_case, emails, message) => {
    const { open, hugo } = await kayaking();
    const error = await inviteCustomers(guilde, { viewer: hugo, communityId: open.id, origin, input: { emails } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).fieldErrors.emails).toEqual([message]);
    if (message === "errors.invitationEmailInvalid") expect((error as Invalid).fieldErrors.invalidAddresses).toEqual(["not-an-address", "bob@"]);
    expect(await invitationRows()).toEqual([]);
  });

  it("an invitation for an internal or private community is refused clearly, logged, and nothing is written", async () => {
    const { internal, hugo } = await kayaking();
    const secret = await community(guilde, { visibility: "private" });
    await membership(guilde, secret, hugo, "moderator");
    const lines = logged();
    for (const closed of [internal, secret]) {
      const error = await inviteCustomers(guilde, { viewer: hugo, communityId: closed.id, origin, input: { emails: "anna@example.com" } }).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(Invalid);
      expect((error as Invalid).fieldErrors.form).toEqual(["errors.invitationsOpenOnly"]);
    }
    expect(lines.filter((line) => line.startsWith("Refused"))).toHaveLength(2);
    expect(await invitationRows()).toEqual([]);
    expect(await guilde.db.select().from(auditLog)).toEqual([]);
  });

  it("only the community's moderators and administrators invite", async () => {
    const { open } = await kayaking();
    const member = await employee(guilde);
    await membership(guilde, open, member);
    const monitor = await employee(guilde);
    await membership(guilde, open, monitor, "monitor");
    const bob = await customer(guilde, { invitedTo: open });
    for (const viewer of [member, monitor, bob]) {
      await expect(inviteCustomers(guilde, { viewer, communityId: open.id, origin, input: { emails: "x@example.com" } })).rejects.toThrow(Forbidden);
    }
    await expect(inviteCustomers(guilde, { viewer: null, communityId: open.id, origin, input: { emails: "x@example.com" } })).rejects.toThrow(NotFound);
    const boss = await admin(guilde);
    expect((await inviteCustomers(guilde, { viewer: boss, communityId: open.id, origin, input: { emails: "x@example.com" } })).sent).toHaveLength(1);
  });

  it("through the form: the links are shown to the inviter when no mail server is set, bad addresses come back with the input", async () => {
    const { open, hugo } = await kayaking();
    const browser = await signedInBrowser(hugo.id);
    const sent = await browser.post("/c/kayaking/invitations", { intent: "invite", communityId: open.id, emails: "gina@example.com", locale: "en" });
    expect(sent.status).toBe(200);
    const html = await sent.text();
    expect(html).toContain("gina@example.com");
    expect(html).toMatch(/\/invitations\/[A-Za-z0-9_-]{43}/);
    const refused = await browser.post("/c/kayaking/invitations", { intent: "invite", communityId: open.id, emails: "gina@, ok@example.com" });
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toContain("Not valid: gina@");
    expect(page).toContain("gina@, ok@example.com");
    expect(await invitationRows()).toHaveLength(1);
  });
});

describe("accepting an invitation", () => {
  async function invited(email = "anna@example.com") {
    const { open, internal, hugo } = await kayaking();
    const outcome = await inviteCustomers(guilde, { viewer: hugo, communityId: open.id, origin, input: { emails: email } });
    return { open, internal, hugo, token: tokenOf(outcome.sent[0].link) };
  }

  it("creates a customer account with name, password and language, joined to the community, and signs them in", async () => {
    const { open, token } = await invited();
    const server = await guilde.serve();
    const browser = new HttpClient(server.url);
    const page = await browser.get(`/invitations/${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("anna@example.com");

    const accepted = await browser.post(`/invitations/${token}`, { displayName: "Anna Paddler", password: testPassword, locale: "fr" });
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("location")).toBe("/c/kayaking?notice=welcome");
    const [anna] = await guilde.db.select().from(users).where(eq(users.email, "anna@example.com"));
    expect(anna).toMatchObject({ role: "customer", displayName: "Anna Paddler", locale: "fr", siteId: null });
    expect(await guilde.db.select().from(communityMembers).where(eq(communityMembers.userId, anna.id))).toMatchObject([
      { communityId: open.id, role: "member", status: "active" },
    ]);
    const [row] = await invitationRows();
    expect(row).toMatchObject({ acceptedById: anna.id });
    expect((await browser.get("/c/kayaking")).status).toBe(200);
    const audited = await guilde.db.select().from(auditLog).where(eq(auditLog.action, "invitation.accept"));
    expect(audited).toMatchObject([{ actorId: anna.id, targetId: row.id, communityId: open.id }]);
  });

  it("a used token is refused clearly the second time, and nothing changes", async () => {
    const { token } = await invited();
    await acceptInvitation(guilde, { token, input: { displayName: "Anna", password: testPassword } });
    const lines = logged();
    await expect(acceptInvitation(guilde, { token, input: { displayName: "Mallory", password: testPassword } })).rejects.toThrow(
      new Conflict("errors.invitationUsed"),
    );
    expect(await customerCount()).toBe(1);
    expect(lines.some((line) => line.includes("is used"))).toBe(true);

    const server = await guilde.serve();
    const browser = new HttpClient(server.url);
    const page = await browser.get(`/invitations/${token}`);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain("This invitation has already been used.");
    const posted = await browser.post(`/invitations/${token}`, { displayName: "Mallory", password: testPassword });
    expect(posted.status).toBe(409);
    expect(await posted.text()).toContain("This invitation has already been used.");
    expect(await customerCount()).toBe(1);
  });

  it("an expired token is refused clearly", async () => {
    const { token } = await invited();
    await guilde.db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) });
    await expect(acceptInvitation(guilde, { token, input: { displayName: "Anna", password: testPassword } })).rejects.toThrow(
      new Conflict("errors.invitationExpired"),
    );
    const server = await guilde.serve();
    const page = await new HttpClient(server.url).get(`/invitations/${token}`);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain("This invitation has expired.");
    expect(await customerCount()).toBe(0);
  });

  it("a forged or malformed token is a 404 that says nothing more, and the attempt is logged", async () => {
    await invited();
    const lines = logged();
    const forged = "A".repeat(43);
    await expect(acceptInvitation(guilde, { token: forged, input: { displayName: "Mallory", password: testPassword } })).rejects.toThrow(NotFound);
    expect(lines).toContain("Refused: an unknown invitation token was used");
    const server = await guilde.serve();
    const browser = new HttpClient(server.url);
    for (const token of [forged, "short", "../../etc/passwd", "%00"]) {
      expect((await browser.get(`/invitations/${token}`)).status).toBe(404);
    }
    expect((await browser.post(`/invitations/${forged}`, { displayName: "Mallory", password: testPassword })).status).toBe(404);
    expect(await customerCount()).toBe(0);
  });

  it("a revoked invitation, or one whose community is no longer open, cannot be used", async () => {
    const { open, hugo, token } = await invited();
    const [row] = await invitationRows();
    await revokeInvitation(guilde, { viewer: hugo, invitationId: row.id });
    await expect(acceptInvitation(guilde, { token, input: { displayName: "Anna", password: testPassword } })).rejects.toThrow(
      new Conflict("errors.invitationRevoked"),
    );
    await expect(revokeInvitation(guilde, { viewer: hugo, invitationId: row.id })).rejects.toThrow(new Conflict("errors.invitationNotPending"));

    const again = await inviteCustomers(guilde, { viewer: hugo, communityId: open.id, origin, input: { emails: "ben@example.com" } });
    await guilde.db.update(communities).set({ visibility: "internal" }).where(eq(communities.id, open.id));
    await expect(
      acceptInvitation(guilde, { token: tokenOf(again.sent[0].link), input: { displayName: "Ben", password: testPassword } }),
    ).rejects.toThrow(new Conflict("errors.invitationCommunityClosed"));
    expect(await customerCount()).toBe(0);
  });

  it("refuses a weak password or an empty name with field errors, keeping the invitation usable", async () => {
    const { token } = await invited();
    const server = await guilde.serve();
    const browser = new HttpClient(server.url);
    const refused = await browser.post(`/invitations/${token}`, { displayName: "", password: "short" });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("At least 2 characters.");
    expect(html).toContain("The password must have at least 10 characters.");
    expect(await customerCount()).toBe(0);
    expect((await browser.post(`/invitations/${token}`, { displayName: "Anna", password: testPassword })).status).toBe(302);
  });

  it("an address that got an account meanwhile cannot accept (409), and the invitation stays unused", async () => {
    const { token } = await invited("lea@guilde.test");
    await employee(guilde, { email: "lea@guilde.test" });
    await expect(acceptInvitation(guilde, { token, input: { displayName: "Léa", password: testPassword } })).rejects.toThrow(
      new Conflict("errors.invitationEmailTaken"),
    );
    const [row] = await invitationRows();
    expect(row.acceptedAt).toBeNull();
  });
});

describe("administering customers", () => {
  it("an administrator lists the customers of a community, and every invitation", async () => {
    const { open, hugo } = await kayaking();
    const other = await community(guilde, { name: "Climbing", slug: "climbing", visibility: "open" });
    const anna = await customer(guilde, { displayName: "Anna", invitedTo: open });
    const ben = await customer(guilde, { displayName: "Ben", invitedTo: other });
    await membership(guilde, other, anna);
    await inviteCustomers(guilde, { viewer: hugo, communityId: open.id, origin, input: { emails: "chloe@example.com" } });
    const boss = await admin(guilde);

    const ofKayaking = await listCustomers(guilde, { viewer: boss, communitySlug: "kayaking" });
    expect(ofKayaking.items.map((item) => [item.displayName, item.communities.map((c) => c.slug)])).toEqual([["Anna", ["climbing", "kayaking"]]]);
    const everyone = await listCustomers(guilde, { viewer: boss });
    expect(everyone.items.map((item) => item.id)).toEqual([anna.id, ben.id]);
    const pending = await listInvitations(guilde, { viewer: boss });
    expect(pending.items.map((item) => [item.email, item.state])).toEqual([["chloe@example.com", "valid"]]);

    for (const viewer of [hugo, anna]) {
      await expect(listCustomers(guilde, { viewer })).rejects.toThrow(NotFound);
      await expect(listInvitations(guilde, { viewer })).rejects.toThrow(NotFound);
    }
    const browser = await signedInBrowser(boss.id);
    const page = await browser.get("/admin/customers?community=kayaking");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Customers of Kayaking");
    expect((await (await signedInBrowser(hugo.id)).get("/admin/customers")).status).toBe(404);
  });

  it("an administrator revokes an invitation from the customers page; its link stops working", async () => {
    const { open, hugo } = await kayaking();
    const outcome = await inviteCustomers(guilde, { viewer: hugo, communityId: open.id, origin, input: { emails: "anna@example.com" } });
    const [row] = await invitationRows();
    const boss = await admin(guilde);
    const browser = await signedInBrowser(boss.id);
    const revoked = await browser.post("/admin/customers", { intent: "revoke", invitationId: row.id });
    expect(revoked.status).toBe(302);
    const [after] = await invitationRows();
    expect(after.revokedById).toBe(boss.id);
    const server = await guilde.serve();
    expect((await new HttpClient(server.url).get(`/invitations/${tokenOf(outcome.sent[0].link)}`)).status).toBe(410);
    expect(await guilde.db.select().from(auditLog).where(eq(auditLog.action, "invitation.revoke"))).toMatchObject([{ actorId: boss.id, targetId: row.id }]);
  });

  it("a deactivated customer cannot sign in; their sessions end and their sockets disconnect at once", async () => {
    const { open } = await kayaking();
    const anna = await customer(guilde, { invitedTo: open });
    const server = await guilde.serve();
    const cookie = await sessionCookie(guilde, anna.id);
    const socket = await sockets.connect(server.url, cookie);
    const disconnected = socket.disconnected();
    const boss = await admin(guilde);

    const browser = await signedInBrowser(boss.id);
    expect((await browser.post("/admin/customers", { intent: "deactivate", userId: anna.id })).status).toBe(302);
    expect(await disconnected).toBe("io server disconnect");
    const old = new HttpClient(server.url);
    old.setCookieHeader(cookie);
    expect((await old.get("/c/kayaking")).status).toBe(302);
    const signIn = await new HttpClient(server.url).post("/signin", { email: anna.email, password: testPassword });
    expect(signIn.status).toBe(403);
    expect(await signIn.text()).toContain("Your account has been deactivated.");
    expect(await sockets.refusal(server.url, { Cookie: cookie })).toBe("unauthorized");

    await expect(setCustomerActive(guilde, { viewer: boss, userId: anna.id, active: false })).rejects.toThrow(new Conflict("errors.alreadyDeactivated"));
    await setCustomerActive(guilde, { viewer: boss, userId: anna.id, active: true });
    expect((await new HttpClient(server.url).post("/signin", { email: anna.email, password: testPassword })).status).toBe(302);
    expect((await guilde.db.select().from(auditLog)).map((entry) => entry.action)).toEqual(["customer.deactivate", "customer.reactivate"]);
  });

  it("only administrators deactivate, and only customers", async () => {
    const { open, hugo } = await kayaking();
    const anna = await customer(guilde, { invitedTo: open });
    const colleague = await employee(guilde);
    const boss = await admin(guilde);
    await expect(setCustomerActive(guilde, { viewer: hugo, userId: anna.id, active: false })).rejects.toThrow(Forbidden);
    await expect(setCustomerActive(guilde, { viewer: boss, userId: colleague.id, active: false })).rejects.toThrow(Forbidden);
    expect((await guilde.db.select().from(users).where(eq(users.id, anna.id)))[0].deactivatedAt).toBeNull();
  });
});
