import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { translator } from "~/i18n";
import { demoPassword, demoUsers } from "../../db/seed";
import { expectAccessible, useBrowser } from "../support/browser";
import { startIdentityProvider, ines } from "../support/identity-provider";
import { useGuildeServer } from "../support/process";

const idp = await startIdentityProvider([ines]);
afterAll(() => idp.close());
// The demo data gives the provider's site claim a site to match, and an employee with a password.
const server = useGuildeServer(idp.env({ DEMO_DATA: "true", PASSWORD_SIGN_IN: "customers-only" }));
beforeAll(() => idp.acceptRedirectUri(`${server.url}/auth/oidc/callback`));
const browser = useBrowser();
const en = translator("en");
const fr = translator("fr");

describe("single sign-on in the browser", () => {
  test("an employee signs in with their company account and lands at the site their provider names", async () => {
    const page = await browser.newPage();

    await page.goto(`${server.url}/signin`);
    await page.getByRole("link", { name: en("signIn.withCompany") }).click();
    await page.getByRole("heading", { name: "Company sign-in" }).waitFor();
    expect(new URL(page.url()).origin).toBe(idp.issuer);
    await page.getByLabel("Company login").fill(ines.sub);
    await page.getByRole("button", { name: "Continue" }).click();

    await page.getByRole("heading", { name: fr("home.greeting", { name: "Inès Fabre" }) }).waitFor();
    expect(page.url()).toBe(`${server.url}/`);
    await page.goto(`${server.url}/settings`);
    await page.getByRole("heading", { name: fr("settings.title") }).waitFor();
    const site = page.getByLabel(fr("field.site"));
    await expect(site.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)).resolves.toBe("Lyon Part-Dieu (Lyon)");
  });

  test("a forged callback shows an accessible page that says the attempt is void, and signs no one in", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/signin`);
    await page.getByRole("link", { name: en("signIn.withCompany") }).click();
    await page.getByRole("heading", { name: "Company sign-in" }).waitFor();

    browser.expectConsoleError(/status of 400/);
    const forged = await page.goto(`${server.url}/auth/oidc/callback?code=forged-code&state=a-state-this-browser-never-sent`);

    expect(forged?.status()).toBe(400);
    await page.getByRole("heading", { name: en("oidc.failedTitle") }).waitFor();
    await expect(page.getByRole("alert").textContent()).resolves.toBe(en("errors.oidcExpired"));
    await expectAccessible(page);
    await page.goto(server.url);
    await page.getByRole("heading", { name: en("home.welcomeTitle") }).waitFor();
  });

  test("an employee's correct password is refused with the way to sign in", async () => {
    const hugo = demoUsers.find((user) => user.role === "employee" && user.locale === "en")!;
    const page = await browser.newPage();
    await page.goto(`${server.url}/signin`);
    await expect(page.getByText(en("signIn.passwordForCustomers")).isVisible()).resolves.toBe(true);
    await page.getByLabel(en("field.email")).fill(hugo.email);
    await page.getByLabel(en("field.password")).fill(demoPassword);

    browser.expectConsoleError(/status of 400/);
    await page.getByRole("button", { name: en("signIn.submit") }).click();

    await expect(page.getByRole("alert").textContent()).resolves.toBe(en("errors.useCompanySignIn"));
    expect(new URL(page.url()).pathname).toBe("/signin");
    await expectAccessible(page);
  });
});
