import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "../../db/schema";
import { signIn } from "../../server/auth/sign-in";
import { signUp } from "../../server/auth/sign-up";
import { Invalid } from "../../server/errors";
import { employee, site, testPassword } from "../support/factories";
import { useGuilde } from "../support/guilde";
import { HttpClient } from "../support/http";

const guilde = useGuilde();

async function signUpForm(overrides: Record<string, string> = {}) {
  const lyon = await site(guilde, { name: "Lyon Part-Dieu", city: "Lyon" });
  return {
    email: "alice@guilde.test",
    displayName: "Alice Martin",
    password: "a long enough password",
    siteId: lyon.id,
    ...overrides,
  };
}

async function expectFieldError(response: Response, field: string, message: string) {
  expect(response.status).toBe(400);
  const html = await response.text();
  expect(html).toContain(`id="field-${field}-error"`);
  expect(html).toMatch(new RegExp(`id="field-${field}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="field-${field}"`));
  expect(html).toContain(message);
}

describe("sign-up", () => {
  it("creates an employee at their site and signs them in", async () => {
    const server = await guilde.serve();
    const browser = new HttpClient(server.url);
    const form = await signUpForm({ email: "  Alice@Guilde.TEST " });

    const response = await browser.post("/signup", form);

    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/");
    const [alice] = await guilde.db.select().from(users).where(eq(users.email, "alice@guilde.test"));
    expect(alice).toMatchObject({ displayName: "Alice Martin", role: "employee", siteId: form.siteId });
    expect(alice.passwordHash).toMatch(/^\$argon2id\$/);
    const home = await browser.get("/");
    expect(await home.text()).toContain("Hello, Alice Martin");
  });

  it.each([
    ["an invalid e-mail", { email: "not-an-email" }, "email", "Enter a valid e-mail address."],
    ["a short password", { password: "short" }, "password", "The password must have at least 10 characters."],
    ["no site", { siteId: "" }, "siteId", "Choose your site."],
    ["an unknown site", { siteId: "nowhere" }, "siteId", "Choose your site."],
    ["an empty name", { displayName: " " }, "displayName", "At least 2 characters."],
  ])("refuses %s with a field error and status 400", async (_case, overrides, field, message) => {
    const server = await guilde.serve();
    const response = await new HttpClient(server.url).post("/signup", await signUpForm(overrides));
    await expectFieldError(response, field, message);
    expect(await guilde.db.select().from(users)).toHaveLength(0);
  });

  it("refuses an e-mail that already has an account, whatever its case", async () => {
    const server = await guilde.serve();
    await employee(guilde, { email: "alice@guilde.test" });
    const response = await new HttpClient(server.url).post("/signup", await signUpForm({ email: "ALICE@guilde.test" }));
    await expectFieldError(response, "email", "An account already exists with this e-mail address.");
    expect(await guilde.db.select().from(users)).toHaveLength(1);
  });

  it("keeps what the user typed, except the password, when refusing", async () => {
    const server = await guilde.serve();
    const response = await new HttpClient(server.url).post("/signup", await signUpForm({ password: "short", displayName: "Alice Échec" }));
    const html = await response.text();
    expect(html).toContain('value="Alice Échec"');
    expect(html).not.toContain('value="short"');
  });

  it("refuses an address outside the allowed domains when domains are configured", async () => {
    const restricted = { ...guilde, config: { ...guilde.config, allowedEmailDomains: ["sportissimo.fr"] } };
    const form = await signUpForm({ email: "alice@gmail.com" });
    await expect(signUp(restricted, { input: form })).rejects.toThrowError(Invalid);
    await expect(signUp(restricted, { input: { ...form, email: "alice@sportissimo.fr" } })).resolves.toMatchObject({
      userId: expect.any(String),
    });
  });

  it("never answers 500 to a malformed post", async () => {
    const server = await guilde.serve();
    const response = await new HttpClient(server.url).post("/signup", { unexpected: "field" });
    expect(response.status).toBe(400);
  });
});

describe("sign-in", () => {
  it("signs in with the right password and refuses a wrong one with a form error", async () => {
    const server = await guilde.serve();
    const alice = await employee(guilde, { email: "alice@guilde.test" });
    const browser = new HttpClient(server.url);

    const wrong = await browser.post("/signin", { email: alice.email, password: "not the password" });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Wrong e-mail address or password.");

    const right = await browser.post("/signin", { email: "Alice@guilde.test", password: testPassword, redirectTo: "/settings" });
    expect(right.status).toBe(302);
    expect(right.headers.get("location")).toBe("/settings");
    expect((await browser.get("/settings")).status).toBe(200);
  });

  it("does not redirect to another site after signing in", async () => {
    const server = await guilde.serve();
    const alice = await employee(guilde);
    const response = await new HttpClient(server.url).post("/signin", {
      email: alice.email,
      password: testPassword,
      redirectTo: "//evil.example/phish",
    });
    expect(response.headers.get("location")).toBe("/");
  });

  it("locks an account after repeated failures, even with the right password, with a clear message", async () => {
    const server = await guilde.serve();
    const alice = await employee(guilde);
    const browser = new HttpClient(server.url);
    for (let attempt = 0; attempt < guilde.config.signIn.maxFailuresPerAccount; attempt++) {
      expect((await browser.post("/signin", { email: alice.email, password: "guess number " + attempt })).status).toBe(400);
    }
    const locked = await browser.post("/signin", { email: alice.email, password: testPassword });
    expect(locked.status).toBe(429);
    expect(locked.headers.get("retry-after")).toBe(String(guilde.config.signIn.windowMinutes * 60));
    expect(await locked.text()).toContain("Too many failed sign-in attempts");
  });

  it("throttles one address trying many accounts", async () => {
    const limited = { ...guilde, config: { ...guilde.config, signIn: { ...guilde.config.signIn, maxFailuresPerIp: 3 } } };
    const people = await Promise.all([employee(guilde), employee(guilde), employee(guilde), employee(guilde)]);
    for (const person of people.slice(0, 3)) {
      await expect(signIn(limited, { input: { email: person.email, password: "wrong password" }, ip: "203.0.113.7" })).rejects.toThrow(Invalid);
    }
    await expect(
      signIn(limited, { input: { email: people[3].email, password: testPassword }, ip: "203.0.113.7" }),
    ).rejects.toMatchObject({ status: 429 });
    await expect(
      signIn(limited, { input: { email: people[3].email, password: testPassword }, ip: "198.51.100.1" }),
    ).resolves.toMatchObject({ userId: people[3].id });
  });
});

describe("sessions", () => {
  it("signing out invalidates the session: the old cookie is rejected", async () => {
    const server = await guilde.serve();
    const alice = await employee(guilde);
    const browser = new HttpClient(server.url);
    await browser.post("/signin", { email: alice.email, password: testPassword });
    const oldCookie = browser.cookieHeader;
    expect(oldCookie).toContain("guilde_session=");

    const signOut = await browser.post("/signout", {});
    expect(signOut.status).toBe(302);

    const replay = new HttpClient(server.url);
    replay.setCookieHeader(oldCookie);
    const settings = await replay.get("/settings");
    expect(settings.status).toBe(302);
    expect(settings.headers.get("location")).toBe("/signin?redirectTo=%2Fsettings");
  });

  it("signing out everywhere ends every other session and keeps this one", async () => {
    const server = await guilde.serve();
    const alice = await employee(guilde);
    const laptop = new HttpClient(server.url);
    const phone = new HttpClient(server.url);
    await laptop.post("/signin", { email: alice.email, password: testPassword });
    await phone.post("/signin", { email: alice.email, password: testPassword });

    const response = await laptop.post("/settings", { intent: "signOutEverywhere" });
    expect(response.status).toBe(302);

    expect((await laptop.get("/settings")).status).toBe(200);
    expect((await phone.get("/settings")).status).toBe(302);
  });

  it("session cookies are httpOnly and SameSite=Lax", async () => {
    const server = await guilde.serve();
    const alice = await employee(guilde);
    const response = await new HttpClient(server.url).post("/signin", { email: alice.email, password: testPassword });
    const cookie = response.headers.getSetCookie().find((value) => value.startsWith("guilde_session="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it("refuses a form post from another site (CSRF)", async () => {
    const server = await guilde.serve();
    const alice = await employee(guilde);
    const browser = new HttpClient(server.url);
    await browser.post("/signin", { email: alice.email, password: testPassword });

    const forged = await browser.post("/settings", { displayName: "Hacked" }, { Origin: "https://evil.example" });
    expect(forged.status).toBe(403);
    const [row] = await guilde.db.select().from(users).where(eq(users.id, alice.id));
    expect(row.displayName).toBe(alice.displayName);
  });
});
