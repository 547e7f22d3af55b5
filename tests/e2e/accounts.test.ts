import type { Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { translator } from "~/i18n";
import { demoPassword, demoUsers } from "../../db/seed";
import { expectAccessible, useBrowser } from "../support/browser";
import { useGuildeServer } from "../support/process";

const server = useGuildeServer({ DEMO_DATA: "true" });
const browser = useBrowser();
const en = translator("en");
const fr = translator("fr");

/** The texts of what a field's aria-describedby points at: its hint and its errors, as a screen reader hears them. */
const descriptionOf = (field: Locator) =>
  field.evaluate((element) =>
    (element.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" "),
  );

async function openAccountMenu(page: Page, t: typeof en, name: string) {
  await page.getByLabel(`${t("account.menu")}: ${name}`).click();
}

describe("accounts in the browser", () => {
  test("an employee signs up, visits their pages, signs out and in again, and switches to French", async () => {
    const page = await browser.newPage();
    const name = "Inès Fabre";
    const email = "ines.fabre@guilde.test";
    const password = "a long enough password";

    await page.goto(server.url);
    await expectAccessible(page);
    await page.getByRole("main").getByRole("link", { name: en("account.signUp") }).click();
    await page.getByRole("heading", { name: en("signUp.title") }).waitFor();
    await expectAccessible(page);
    await page.getByLabel(en("field.email")).fill(email);
    await page.getByLabel(en("field.displayName")).fill(name);
    await page.getByLabel(en("field.password")).fill(password);
    await page.getByLabel(en("field.site")).selectOption({ label: "Lyon Part-Dieu (Lyon)" });
    await page.getByRole("button", { name: en("signUp.submit") }).click();
    await page.getByRole("heading", { name: en("home.greeting", { name }) }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    await expectAccessible(page);

    await openAccountMenu(page, en, name);
    await page.getByRole("link", { name: en("account.profile") }).click();
    await page.getByRole("heading", { name }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/users\/\w+$/);
    await expectAccessible(page);

    await openAccountMenu(page, en, name);
    await page.getByRole("link", { name: en("account.settings") }).click();
    await page.getByRole("heading", { name: en("settings.title") }).waitFor();
    await expectAccessible(page);

    browser.expectConsoleError(/status of 404/);
    const missing = await page.goto(`${server.url}/no-such-page`);
    expect(missing?.status()).toBe(404);
    await page.getByRole("heading", { name: en("errors.notFoundTitle") }).waitFor();
    await expectAccessible(page);

    await openAccountMenu(page, en, name);
    await page.getByRole("button", { name: en("account.signOut") }).click();
    await page.getByRole("heading", { name: en("home.welcomeTitle") }).waitFor();

    await page.getByRole("main").getByRole("link", { name: en("account.signIn") }).click();
    await page.getByRole("heading", { name: en("signIn.title") }).waitFor();
    await expectAccessible(page);
    browser.expectConsoleError(/status of 400/);
    await page.getByLabel(en("field.email")).fill(email);
    await page.getByLabel(en("field.password")).fill("not my password");
    await page.getByRole("button", { name: en("signIn.submit") }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toBe(en("errors.wrongCredentials"));
    await expect(page.getByLabel(en("field.email")).inputValue()).resolves.toBe(email);
    await expectAccessible(page);
    await page.getByLabel(en("field.password")).fill(password);
    await page.getByRole("button", { name: en("signIn.submit") }).click();
    await page.getByRole("heading", { name: en("home.greeting", { name }) }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");

    await page.getByLabel(en("locale.label")).selectOption("fr");
    await page.getByRole("button", { name: en("locale.switch") }).click();
    await page.getByRole("heading", { name: fr("home.greeting", { name }) }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");

    await openAccountMenu(page, fr, name);
    await page.getByRole("button", { name: fr("account.signOut") }).click();
    await page.getByRole("heading", { name: fr("home.welcomeTitle") }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");
  });

  test("signing in works without JavaScript", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    const hugo = demoUsers.find((user) => user.role === "employee" && user.locale === "en")!;

    await page.goto(`${server.url}/signin`);
    await page.getByLabel(en("field.email")).fill(hugo.email);
    await page.getByLabel(en("field.password")).fill(demoPassword);
    await page.getByRole("button", { name: en("signIn.submit") }).click();

    await page.getByRole("heading", { name: en("home.greeting", { name: hugo.displayName }) }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
  });

  test("a sign-up with invalid input shows each error next to its field and keeps what was typed", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/signup`);
    await page.getByLabel(en("field.email")).fill("not an e-mail");
    await page.getByLabel(en("field.displayName")).fill("Jo");
    await page.getByLabel(en("field.password")).fill("short");
    browser.expectConsoleError(/status of 400/);
    await page.getByRole("button", { name: en("signUp.submit") }).click();

    await expect(page.getByRole("alert").textContent()).resolves.toBe(en("errors.invalid"));
    const emailField = page.getByLabel(en("field.email"));
    expect(await emailField.getAttribute("aria-invalid")).toBe("true");
    await expect(descriptionOf(emailField)).resolves.toBe(en("errors.emailInvalid"));
    await expect(descriptionOf(page.getByLabel(en("field.password")))).resolves.toBe(
      `${en("field.passwordHint")} ${en("errors.passwordTooShort")}`,
    );
    await expect(descriptionOf(page.getByLabel(en("field.site")))).resolves.toBe(en("errors.siteRequired"));
    expect(await page.getByLabel(en("field.displayName")).getAttribute("aria-invalid")).toBeNull();
    await expect(page.getByLabel(en("field.displayName")).inputValue()).resolves.toBe("Jo");
    await expect(emailField.inputValue()).resolves.toBe("not an e-mail");
    await expectAccessible(page);
  });
});
