import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { HttpClient } from "../support/http";
import { useGuildeProcesses } from "../support/process";

const guildes = useGuildeProcesses();

/** The site ids offered by the sign-up form. */
function siteIdsOnSignUpPage(html: string): string[] {
  const select = /<select[^>]*name="siteId"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? "";
  return [...select.matchAll(/<option value="([^"]+)"/g)].map((match) => match[1]);
}

test("an account created just before the server is killed signs in after a restart on the same folder", async () => {
  const dataDir = guildes.dataDir();
  const env = { DEMO_DATA: "true" };
  const account = { email: "nadia.roche@guilde.test", password: "survives a crash", displayName: "Nadia Roche" };

  const first = await guildes.start({ dataDir, env });
  const newcomer = new HttpClient(first.url);
  const [siteId] = siteIdsOnSignUpPage(await (await newcomer.get("/signup")).text());
  expect(siteId).toBeDefined();
  const signedUp = await newcomer.post("/signup", { ...account, siteId });
  expect(signedUp.status).toBe(302);
  expect(newcomer.cookieHeader).toMatch(/guilde_session=\w+/);

  await first.kill();
  // The killed process could not remove its lock: the restart has to recognise it as stale.
  expect(fs.readFileSync(path.join(dataDir, "pglite", "guilde.lock"), "utf8")).toBe(String(first.pid));

  const second = await guildes.start({ dataDir, env });
  const returning = new HttpClient(second.url);
  const signedIn = await returning.post("/signin", { email: account.email, password: account.password });
  expect(signedIn.status).toBe(302);
  expect(returning.cookieHeader).toMatch(/guilde_session=\w+/);
  expect(await (await returning.get("/")).text()).toContain(`Hello, ${account.displayName}`);
});
