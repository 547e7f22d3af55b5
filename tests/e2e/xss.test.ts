import { describe, expect, it } from "vitest";
import { comment } from "../../server/questions/comment";
import { answer, community, employee, membership, question } from "../support/factories";
import { useBrowser } from "../support/browser";
import { useGuilde } from "../support/guilde";
import { signInThroughTheForm } from "../support/pages";
import { xssPayloads } from "../support/xss-payloads";

const guilde = useGuilde();
const browser = useBrowser();

/** Every payload, as a question body, as answers and as comments, on one real question page. */
async function questionFullOfPayloads() {
  const cycling = await community(guilde);
  const author = await employee(guilde);
  const reader = await employee(guilde);
  await membership(guilde, cycling, author);
  const asked = await question(guilde, {
    in: cycling,
    by: author,
    title: `<img src=x onerror="window.__xss(0)"> title`,
    body: xssPayloads.map((payload) => payload.markdown).join("\n\n"),
  });
  for (const payload of xssPayloads) {
    const given = await answer(guilde, { to: asked, by: author, body: `Payload ${payload.id}: ${payload.markdown}` });
    if (payload.id % 3 === 0) await comment(guilde, { viewer: reader, questionId: asked.id, answerId: given.id, input: { body: payload.markdown } });
  }
  return { asked, reader };
}

describe("markdown never runs scripts", () => {
  it.each([
    ["with the Content-Security-Policy", false],
    ["with the Content-Security-Policy bypassed, so that only the sanitiser protects", true],
  ])("no known XSS payload executes on the question page, %s", async (_case, bypassCSP) => {
    const server = await guilde.serve();
    const { asked, reader } = await questionFullOfPayloads();
    const page = await browser.newPage({ bypassCSP });
    // Payloads point at outside hosts, and this machine has no network: answer them with nothing.
    await page.route((url) => url.hostname !== "127.0.0.1", (route) => route.fulfill({ status: 204 }));
    await page.addInitScript(() => {
      const calls: number[] = [];
      Object.assign(window, { __xss: (id: number) => calls.push(id), __xssCalls: calls });
    });
    await signInThroughTheForm(page, server.url, reader.email);
    await page.goto(`${server.url}/questions/${asked.id}`);
    await expect.poll(() => page.locator("main").textContent()).toContain(`Payload ${xssPayloads.at(-1)!.id}:`);

    // Give every rendered element the events payloads wait for.
    await page.evaluate(() => {
      for (const element of document.querySelectorAll("main *")) {
        for (const type of ["mouseover", "focus", "click", "toggle", "animationstart", "load", "error"]) {
          if (type === "click" && element.closest("a, button, form")) continue;
          element.dispatchEvent(new Event(type, { bubbles: false }));
        }
      }
    });
    await page.waitForTimeout(300);

    const dangerous = await page.evaluate(() => {
      const found: string[] = [];
      for (const element of document.querySelectorAll("main *")) {
        if (["SCRIPT", "IFRAME", "OBJECT", "EMBED", "STYLE", "BASE", "META", "FORM"].includes(element.tagName) && !element.closest("[data-app-form]") && element.tagName !== "FORM") {
          found.push(element.outerHTML.slice(0, 120));
        }
        for (const attribute of element.attributes) {
          const value = attribute.value.trim().toLowerCase();
          if (attribute.name.startsWith("on") || (["href", "src", "action", "formaction", "xlink:href"].includes(attribute.name) && /^(javascript|vbscript|data):/.test(value))) {
            found.push(`${element.tagName.toLowerCase()} ${attribute.name}=${attribute.value.slice(0, 60)}`);
          }
        }
      }
      return found;
    });
    expect(dangerous).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xssCalls: number[] }).__xssCalls)).toEqual([]);
  });
});
