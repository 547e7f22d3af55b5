import net from "node:net";
import { createCookie } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import { userIdentities, users } from "../../db/schema";
import { signIn } from "../../server/auth/sign-in";
import { startOidcSignIn } from "../../server/auth/sign-in-with-oidc";
import { signUp } from "../../server/auth/sign-up";
import { Invalid, Unavailable } from "../../server/errors";
import { customer, employee, site, testPassword } from "../support/factories";
import { useGuilde } from "../support/guilde";
import { HttpClient } from "../support/http";
import { signInAtProvider, startIdentityProvider, ines } from "../support/identity-provider";

const idp = await startIdentityProvider([ines]);
afterAll(() => idp.close());
const guilde = useGuilde(idp.env({ PASSWORD_SIGN_IN: "customers-only" }));
const en = translator("en");

/** Guilde's real server, registered at the provider as its client. */
async function serve() {
  const server = await guilde.serve();
  const callbackUrl = `${server.url}/auth/oidc/callback`;
  idp.acceptRedirectUri(callbackUrl);
  return { url: server.url, callbackUrl };
}

/** A browser that clicks "Sign in with your company account", signs in at the provider, and is sent back. */
async function companySignIn(login: string, { redirectTo = "/" } = {}) {
  const { url, callbackUrl } = await serve();
  const browser = new HttpClient(url);
  const start = await browser.get(`/auth/oidc?redirectTo=${encodeURIComponent(redirectTo)}`);
  expect(start.status).toBe(302);
  const callback = await signInAtProvider(browser, start.headers.get("location")!, login, callbackUrl);
  return { browser, callback };
}

const everyone = () => guilde.db.select().from(users);
const identities = () => guilde.db.select().from(userIdentities);
const flowCookie = createCookie("guilde_oidc");

async function expectRefusal(response: Response, status: number, message: string) {
  expect(response.status).toBe(status);
  const html = (await response.text()).replaceAll("&#x27;", "'");
  expect(html).toContain(en("oidc.failedTitle"));
  expect(html).toContain(message);
  expect(response.headers.getSetCookie().join("\n")).not.toContain("guilde_session=");
}

describe("signing in with the company's identity provider", () => {
  it("a first sign-in creates the employee at the site the provider names; the next one finds them by subject, whatever their e-mail became", async () => {
    const lyon = await site(guilde, { name: "Lyon Part-Dieu", city: "Lyon" });
    const { browser, callback } = await companySignIn(ines.sub, { redirectTo: "/communities" });

    const signedIn = await browser.get(callback.pathname + callback.search);

    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.get("location")).toBe("/communities");
    const [created] = await everyone();
    expect(created).toMatchObject({
      email: ines.email,
      displayName: "Inès Fabre",
      role: "employee",
      siteId: lyon.id,
      locale: "fr",
      passwordHash: null,
    });
    expect(await identities()).toMatchObject([{ issuer: idp.issuer, subject: ines.sub, userId: created.id }]);
    const session = await guilde.sessions.validate(browser.cookieHeader);
    expect(session?.user.id).toBe(created.id);

    idp.addAccount({ ...ines, email: "ines.fabre-martin@company.test" });
    const again = await companySignIn(ines.sub);
    const signedInAgain = await again.browser.get(again.callback.pathname + again.callback.search);
    expect(signedInAgain.headers.get("location")).toBe("/");
    expect((await guilde.sessions.validate(again.browser.cookieHeader))?.user.id).toBe(created.id);
    expect(await everyone()).toHaveLength(1);
    expect(await identities()).toHaveLength(1);
  });

  it("a site the provider does not name, or that Guilde does not know, is left for the person to choose", async () => {
    idp.addAccount({ sub: "e-30001", email: "noa.petit@company.test", email_verified: true, name: "Noa Petit", site: "Atlantis" });
    const { browser, callback } = await companySignIn("e-30001");

    const signedIn = await browser.get(callback.pathname + callback.search);

    expect(signedIn.headers.get("location")).toBe("/settings?notice=chooseSite");
    const [noa] = await everyone();
    expect(noa).toMatchObject({ displayName: "Noa Petit", siteId: null, role: "employee" });
    const settings = await browser.get("/settings?notice=chooseSite");
    expect(await settings.text()).toContain(en("settings.chooseSite"));
  });

  it("a callback with another state is refused with a clear 400 and creates nothing; the genuine one is then spent too", async () => {
    await site(guilde, { name: "Lyon Part-Dieu", city: "Lyon" });
    const { browser, callback } = await companySignIn(ines.sub);
    const forged = new URL(callback);
    forged.searchParams.set("state", "a-state-this-browser-never-sent");

    await expectRefusal(await browser.get(forged.pathname + forged.search), 400, en("errors.oidcExpired"));
    await expectRefusal(await browser.get(callback.pathname + callback.search), 400, en("errors.oidcExpired"));
    expect(await everyone()).toHaveLength(0);
    expect(await identities()).toHaveLength(0);
  });

  it("a callback opened in a browser that did not start the sign-in is refused", async () => {
    const { url } = await serve();
    const { callback } = await companySignIn(ines.sub);

    await expectRefusal(await new HttpClient(url).get(callback.pathname + callback.search), 400, en("errors.oidcExpired"));
    expect(await everyone()).toHaveLength(0);
  });

  it("an ID token that does not carry this attempt's nonce is refused, and nothing is created", async () => {
    const { url, callbackUrl } = await serve();
    const browser = new HttpClient(url);
    const start = await browser.get("/auth/oidc");
    const flow = (await flowCookie.parse(browser.cookieHeader)) as Record<string, string>;
    const tampered = await flowCookie.serialize({ ...flow, nonce: "a-nonce-the-provider-never-saw" });
    browser.setCookieHeader(tampered.split(";")[0]);
    const callback = await signInAtProvider(browser, start.headers.get("location")!, ines.sub, callbackUrl);

    await expectRefusal(await browser.get(callback.pathname + callback.search), 400, en("errors.oidcRefused"));
    expect(await everyone()).toHaveLength(0);
    expect(await identities()).toHaveLength(0);
  });

  it("an employee who had a password account keeps it: the provider's verified e-mail links it, once", async () => {
    const lea = await employee(guilde, { email: "lea.dubois@company.test", displayName: "Léa Dubois" });
    idp.addAccount({ sub: "e-11111", email: "lea.dubois@company.test", email_verified: true, name: "Léa D." });
    const { browser, callback } = await companySignIn("e-11111");

    expect((await browser.get(callback.pathname + callback.search)).status).toBe(302);

    expect((await guilde.sessions.validate(browser.cookieHeader))?.user.id).toBe(lea.id);
    expect(await identities()).toMatchObject([{ subject: "e-11111", userId: lea.id }]);
    expect(await everyone()).toHaveLength(1);
  });

  it.each([
    ["an unverified e-mail", "employee", false],
    ["a customer's e-mail", "customer", true],
  ] as const)("%s already in use links nothing and says so", async (_case, role, verified) => {
    const existing = role === "customer" ? await customer(guilde) : await employee(guilde);
    idp.addAccount({ sub: `e-${role}`, email: existing.email, email_verified: verified, name: "Someone Else" });
    const { browser, callback } = await companySignIn(`e-${role}`);

    await expectRefusal(await browser.get(callback.pathname + callback.search), 409, en("errors.oidcEmailTaken"));
    expect(await identities()).toHaveLength(0);
    expect(await everyone()).toHaveLength(1);
  });

  it("a suspended employee is refused and told until when", async () => {
    const { browser, callback } = await companySignIn(ines.sub);
    await browser.get(callback.pathname + callback.search);
    const [created] = await everyone();
    await guilde.db
      .update(users)
      .set({ suspendedAt: new Date(), suspendedUntil: new Date("2099-01-02T00:00:00Z"), suspensionReason: "Cooling off." })
      .where(eq(users.id, created.id));

    const again = await companySignIn(ines.sub);
    const refused = await again.browser.get(again.callback.pathname + again.callback.search);

    expect(refused.status).toBe(403);
    const html = await refused.text();
    expect(html).toContain(en("errors.accountSuspendedUntil"));
    expect(html).toContain("Cooling off.");
    expect(await guilde.sessions.validate(again.browser.cookieHeader)).toBeNull();
  });

  it("a provider that does not answer gives a 503 that says so", async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as net.AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const oidc = { ...guilde.config.oidc!, issuer: new URL(`http://127.0.0.1:${port}`) };

    await expect(
      startOidcSignIn({ ...guilde, config: { ...guilde.config, oidc } }, { origin: "http://127.0.0.1", redirectTo: "/" }),
    ).rejects.toThrow(new Unavailable("errors.oidcUnavailable"));
  });
});

describe("password sign-in for customers only", () => {
  it("an employee's right password is refused with the way to sign in; a customer's still works", async () => {
    const hugo = await employee(guilde);
    const anna = await customer(guilde);

    const refusal = signIn(guilde, { input: { email: hugo.email, password: testPassword }, ip: "203.0.113.7" });
    await expect(refusal).rejects.toThrow(Invalid);
    await expect(refusal).rejects.toMatchObject({ fieldErrors: { form: ["errors.useCompanySignIn"] } });
    await expect(signIn(guilde, { input: { email: anna.email, password: testPassword }, ip: "203.0.113.7" })).resolves.toMatchObject({
      userId: anna.id,
    });
  });

  it("the sign-in page leads employees to their company account, and password sign-up is closed", async () => {
    const { url } = await serve();
    const browser = new HttpClient(url);

    const page = await (await browser.get("/signin?redirectTo=/ideas")).text();
    expect(page).toContain(en("signIn.withCompany"));
    expect(page).toContain('href="/auth/oidc?redirectTo=%2Fideas"');
    expect(page).toContain(en("signIn.passwordForCustomers"));
    expect(page).not.toContain(en("signIn.noAccount"));
    expect((await browser.get("/signup")).headers.get("location")).toBe("/signin");
    const lyon = await site(guilde);
    await expect(
      signUp(guilde, { input: { email: "new@company.test", displayName: "New Person", password: "a long enough password", siteId: lyon.id } }),
    ).rejects.toMatchObject({ fieldErrors: { form: ["errors.useCompanySignIn"] } });
    expect(await everyone()).toHaveLength(0);
  });
});
