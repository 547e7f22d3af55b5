import type { Page } from "playwright-core";
import { testPassword } from "./factories";

/** Signs in the way a person does: the sign-in form, then the redirect home. */
export async function signInThroughTheForm(page: Page, baseUrl: string, email: string, password = testPassword): Promise<void> {
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel(/e-mail/i).fill(email);
  await page.getByLabel(/password|mot de passe/i).fill(password);
  await page.getByRole("button", { name: /sign in|se connecter/i }).click();
  await page.waitForURL((url) => url.pathname !== "/signin");
}
