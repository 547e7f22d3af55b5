import fs from "node:fs";
import { createRequire } from "node:module";
import type { AxeResults, RunOptions } from "axe-core";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll } from "vitest";

// Without these flags Chromium reaches for the network (updates, sync, QUIC probes) and has no sandbox here.
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

// Evaluated through the DevTools protocol: a <script> tag (page.addScriptTag) would be refused by
// Guilde's Content-Security-Policy, and bypassing the policy would hide the app's own violations.
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface BrowserSession {
  /** A page in a context of its own (own cookies). Its console errors and uncaught errors fail the test. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** Declares console errors the test expects, such as Chromium's report of a 404; at least one must occur. */
  expectConsoleError(pattern: RegExp): void;
}

/** One Chromium for the test file. */
export function useBrowser(): BrowserSession {
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  let errors: string[] = [];
  let expected: RegExp[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: chromiumArgs });
  });
  afterEach(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    const missing = expected.filter((pattern) => !errors.some((error) => pattern.test(error)));
    const unexpected = errors.filter((error) => !expected.some((pattern) => pattern.test(error)));
    contexts = [];
    errors = [];
    expected = [];
    const problems = [
      ...unexpected.map((error) => `unexpected browser error: ${error}`),
      ...missing.map((pattern) => `expected a browser console error matching ${pattern}, none happened`),
    ];
    if (problems.length > 0) throw new Error(problems.join("\n"));
  });
  afterAll(async () => {
    await browser?.close();
  });

  return {
    async newPage(options) {
      if (!browser) throw new Error("useBrowser: Chromium starts in beforeAll");
      const context = await browser.newContext(options);
      context.setDefaultTimeout(10_000);
      contexts.push(context);
      const page = await context.newPage();
      page.on("console", (message) => {
        if (message.type() !== "error") return;
        const { url } = message.location();
        // Chromium asks for the icon on its own schedule, so its report may come at any moment or never;
        // lifecycle.test.ts checks the icon instead.
        if (url && new URL(url).pathname === "/favicon.ico") return;
        errors.push(`${message.text()} (${url || page.url()})`);
      });
      page.on("pageerror", (error) => errors.push(`${error.name}: ${error.message} (${page.url()})`));
      return page;
    },
    expectConsoleError(pattern) {
      expected.push(pattern);
    },
  };
}

type Axe = { run(context: Document, options: RunOptions): Promise<AxeResults> };

/** Runs axe-core's WCAG 2.1 A and AA rules on the page; fails with every violation and where it is. */
export async function expectAccessible(page: Page): Promise<void> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const options: RunOptions = { runOnly: { type: "tag", values: wcagTags } };
  const { violations } = await page.evaluate(
    (runOptions) => (window as unknown as { axe: Axe }).axe.run(document, runOptions),
    options,
  );
  if (violations.length === 0) return;
  const report = violations.map((violation) => {
    const targets = violation.nodes.map((node) => `    ${node.target.join(" ")}`);
    return [`  ${violation.id} (${violation.impact ?? "no impact given"}): ${violation.help}`, ...targets].join("\n");
  });
  throw new Error(`Accessibility violations on ${page.url()}:\n${report.join("\n")}`);
}
