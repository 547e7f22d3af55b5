import { describe, expect, it } from "vitest";
import { drainOutbox } from "../../server/search/outbox-worker";
import { community, employee, question, testPassword } from "../support/factories";
import { useGuilde } from "../support/guilde";
import { HttpClient } from "../support/http";

const guilde = useGuilde();

async function signedIn() {
  const server = await guilde.serve();
  const lea = await employee(guilde);
  const browser = new HttpClient(server.url);
  await browser.post("/signin", { email: lea.email, password: testPassword });
  const atelier = await community(guilde, { name: "Atelier" });
  await question(guilde, { in: atelier, by: lea, title: "Torque settings for carbon handlebars", tags: ["carbon"] });
  await drainOutbox(guilde.db, guilde.search);
  return { browser, atelier };
}

describe("search over HTTP: bad input gets sensible results or a clear message, never a 500", () => {
  it("sends anonymous visitors to sign in", async () => {
    const server = await guilde.serve();
    const response = await new HttpClient(server.url).get("/search?q=torque");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/signin\?redirectTo=/);
  });

  it("finds through a plain GET form, with highlighted titles", async () => {
    const { browser } = await signedIn();
    const response = await browser.get("/search?q=torque");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("<mark");
    expect(html).toMatch(/Torque<\/mark>/);
    expect(html).toContain("1 result");
  });

  const cases: [string, string, RegExp][] = [
    ["an empty query", "/search?q=", /Type what you are looking for/],
    ["no query at all", "/search", /Type what you are looking for/],
    ["only punctuation", `/search?q=${encodeURIComponent("?!…--;;'\"()")}`, /There is nothing to search for/],
    ["a 10 KB query", `/search?q=${encodeURIComponent("torque ".repeat(1500))}`, /only its first words were searched/],
    ["SQL in the query", `/search?q=${encodeURIComponent("torque'); drop table posts; --")}`, /Torque/],
    ["tsquery operators", `/search?q=${encodeURIComponent("torque & !carbon | (<-> :*")}`, /Torque/],
    ["Meilisearch filter syntax", `/search?q=${encodeURIComponent('torque" OR communityId IN ["x"] AND kind = person')}`, /Torque/],
    ["unknown facet values", "/search?q=torque&type=spaceship&status=maybe&community=..%2F..%2Fetc&site=%22%20OR%201%3D1&tag=" + "x".repeat(500), /Torque/],
    ["a page beyond the end", "/search?q=torque&page=9999", /There are no results on this page/],
    ["a page that is not a number", "/search?q=torque&page=-3&sort=sideways", /Torque/],
    ["a tag that matches nothing", "/search?q=torque&tag=unheard-of", /No results with these filters/],
    ["words that match nothing", "/search?q=zyxwvut", /No results for/],
  ];
  for (const [what, path, expected] of cases) {
    it(`answers ${what}`, async () => {
      const { browser } = await signedIn();
      const response = await browser.get(path);
      expect(response.status).toBe(200);
      expect(await response.text()).toMatch(expected);
    });
  }

  it("the similar-questions resource answers JSON, whatever the title", async () => {
    const { browser } = await signedIn();
    const found = await browser.get(`/search/similar?title=${encodeURIComponent("carbon handlebar torque")}`);
    expect(found.status).toBe(200);
    const body = (await found.json()) as { questions: { title: string; href: string }[] };
    expect(body.questions.map((item) => item.title)).toEqual(["Torque settings for carbon handlebars"]);
    for (const title of ["", "?!", "x".repeat(10_000), "' or 1=1 --"]) {
      const response = await browser.get(`/search/similar?title=${encodeURIComponent(title)}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ questions: [] });
    }
  });

  it("the ask form checks for similar questions without JavaScript and keeps what was typed", async () => {
    const { browser, atelier } = await signedIn();
    const response = await browser.post(`/c/${atelier.slug}/ask`, { title: "Carbon handlebar torque?", body: "My draft", tags: "", intent: "similar" });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Torque settings for carbon handlebars");
    expect(html).toContain("My draft");
  });
});
