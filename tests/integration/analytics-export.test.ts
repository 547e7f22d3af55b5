import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { posts, replies } from "../../db/schema";
import { exportAnalyticsCsv } from "../../server/analytics/export-analytics-csv";
import { getAnalyticsOptions } from "../../server/analytics/get-analytics-options";
import { Invalid, NotFound } from "../../server/errors";
import { admin, answer, community, customer, employee, membership, question, site, testPassword } from "../support/factories";
import { useGuilde } from "../support/guilde";
import { HttpClient } from "../support/http";

const guilde = useGuilde();
const hours = (n: number) => n * 3_600_000;
const asked = new Date("2026-03-02T09:00:00Z");
const range = { from: "2026-03-01", to: "2026-03-31" };

/** Three questions at Lyon: answered from Lille after 2 h and 4 h, from Lyon itself after 6 h; one more never answered. */
async function dataSet() {
  const lyon = await site(guilde, { name: "Lyon" });
  const lille = await site(guilde, { name: "Lille" });
  const kayaks = await community(guilde, { slug: "kayaks", name: "Kayaks", visibility: "open" });
  const asker = await employee(guilde, { site: lyon });
  const colleague = await employee(guilde, { site: lyon });
  const monitor = await employee(guilde, { site: lille });
  const moderator = await employee(guilde, { site: lyon });
  await membership(guilde, kayaks, asker);
  await membership(guilde, kayaks, monitor, "monitor");
  await membership(guilde, kayaks, moderator, "moderator");
  for (const [index, [by, delay]] of ([[monitor, 2], [monitor, 4], [colleague, 6], [null, 0]] as const).entries()) {
    const q = await question(guilde, { in: kayaks, by: asker, title: index === 3 ? "=HYPERLINK(\"x\") paddle length" : `Paddle question ${index}` });
    const at = new Date(asked.getTime() + index * hours(1));
    await guilde.db.update(posts).set({ createdAt: at }).where(eq(posts.id, q.id));
    if (by) {
      const a = await answer(guilde, { to: q, by });
      await guilde.db.update(replies).set({ createdAt: new Date(at.getTime() + hours(delay)) }).where(eq(replies.id, a.id));
    }
  }
  const guest = await customer(guilde, { invitedTo: kayaks });
  return { lyon, lille, kayaks, asker, monitor, moderator, guest };
}

const lines = (content: string) => content.trimEnd().split("\r\n");

describe("analytics CSV export", () => {
  it("writes the medians, 90th percentiles and cross-site answers computed from the rows", async () => {
    const { moderator } = await dataSet();
    const sites = await exportAnalyticsCsv(guilde, { viewer: moderator, communitySlug: "kayaks", figure: "sites", input: range });
    expect(sites.filename).toBe("guilde-kayaks-sites-2026-03-01-2026-03-31.csv");
    expect(lines(sites.content)).toEqual([
      "site,questions,answered,accepted,cross_site,first_answer_median_hours,first_answer_p90_hours,accepted_median_hours,accepted_p90_hours",
      "Lyon,4,3,0,2,4,5.6,,",
    ]);
    const matrix = lines((await exportAnalyticsCsv(guilde, { viewer: moderator, communitySlug: "kayaks", figure: "matrix", input: range })).content);
    expect(matrix[0]).toBe("answerer_site,asker_site,answers,accepted");
    expect(matrix.slice(1).sort()).toEqual(["Lille,Lyon,2,0", "Lyon,Lyon,1,0"]);
    const unanswered = (await exportAnalyticsCsv(guilde, { viewer: moderator, communitySlug: "kayaks", figure: "unanswered", input: range })).content;
    // A title a spreadsheet would run as a formula is written as text.
    expect(unanswered).toContain(`"'=HYPERLINK(""x"") paddle length"`);
  });

  it("refuses an unknown figure or bad filters with field errors, and hides the file from everyone else", async () => {
    const { asker, monitor, guest, moderator } = await dataSet();
    await expect(exportAnalyticsCsv(guilde, { viewer: moderator, communitySlug: "kayaks", figure: "salaries", input: range })).rejects.toMatchObject({ fieldErrors: { figure: ["errors.invalidChoice"] } });
    await expect(exportAnalyticsCsv(guilde, { viewer: moderator, communitySlug: "kayaks", figure: "sites", input: { olderThanDays: "-3" } })).rejects.toBeInstanceOf(Invalid);
    await expect(exportAnalyticsCsv(guilde, { viewer: moderator, communitySlug: "kayaks", figure: "sites", input: { ...range, site: "nowhere" } })).rejects.toMatchObject({ fieldErrors: { site: ["errors.invalidChoice"] } });
    for (const viewer of [asker, monitor, guest]) {
      await expect(exportAnalyticsCsv(guilde, { viewer, communitySlug: "kayaks", figure: "sites", input: range })).rejects.toBeInstanceOf(NotFound);
      await expect(exportAnalyticsCsv(guilde, { viewer, communitySlug: null, figure: "sites", input: range })).rejects.toBeInstanceOf(NotFound);
    }
    await expect(exportAnalyticsCsv(guilde, { viewer: moderator, communitySlug: null, figure: "sites", input: range })).rejects.toBeInstanceOf(NotFound);
  });
});

describe("analytics options", () => {
  it("offers a moderator their community only, an administrator every community, and no one else anything", async () => {
    const { kayaks, moderator, asker, guest } = await dataSet();
    const other = await community(guilde, { slug: "climbing", name: "Climbing" });
    const boss = await admin(guilde);
    const mine = await getAnalyticsOptions(guilde, { viewer: moderator, communitySlug: "kayaks" });
    expect(mine.community?.id).toBe(kayaks.id);
    expect(mine.communities.map((c) => c.slug)).toEqual(["kayaks"]);
    expect(mine.sites.map((s) => s.name)).toEqual(expect.arrayContaining(["Lille", "Lyon"]));
    const all = await getAnalyticsOptions(guilde, { viewer: boss, communitySlug: null });
    expect(all.community).toBeNull();
    expect(all.communities.map((c) => c.id)).toEqual([other.id, kayaks.id]);
    await expect(getAnalyticsOptions(guilde, { viewer: boss, communitySlug: null, communityFilter: "no-such" })).rejects.toMatchObject({ fieldErrors: { community: ["errors.invalidChoice"] } });
    await expect(getAnalyticsOptions(guilde, { viewer: moderator, communitySlug: "climbing" })).rejects.toBeInstanceOf(NotFound);
    for (const viewer of [asker, guest]) await expect(getAnalyticsOptions(guilde, { viewer, communitySlug: "kayaks" })).rejects.toBeInstanceOf(NotFound);
  });
});

describe("analytics pages over HTTP", () => {
  async function signedIn(email: string) {
    const server = await guilde.serve();
    const browser = new HttpClient(server.url);
    await browser.post("/signin", { email, password: testPassword });
    return browser;
  }

  it("shows a moderator the community's figures and CSV, and tells others the pages do not exist", async () => {
    const { moderator, asker, guest } = await dataSet();
    const browser = await signedIn(moderator.email);
    const page = await browser.get("/c/kayaks/analytics?from=2026-03-01&to=2026-03-31");
    expect(page.status).toBe(200);
    const html = (await page.text()).replace(/<!-- -->/g, "");
    expect(html).toContain("Computed in");
    expect(html).toContain("<svg");
    expect(html).toContain("/c/kayaks/analytics.csv?");
    const csv = await browser.get("/c/kayaks/analytics.csv?from=2026-03-01&to=2026-03-31&figure=sites");
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="guilde-kayaks-sites-2026-03-01-2026-03-31.csv"');
    expect(await csv.text()).toContain("Lyon,4,3,0,2,4,5.6,,");
    expect((await browser.get("/analytics")).status).toBe(404);
    for (const person of [asker, guest]) {
      const other = new HttpClient((await guilde.serve()).url);
      await other.post("/signin", { email: person.email, password: testPassword });
      for (const path of ["/c/kayaks/analytics", "/c/kayaks/analytics.csv?figure=sites", "/analytics", "/analytics.csv?figure=sites"]) expect((await other.get(path)).status).toBe(404);
    }
  });

  it("shows bad filters as field errors in the form, never a 500", async () => {
    await dataSet();
    const boss = await admin(guilde);
    const browser = await signedIn(boss.email);
    const cases: [string, string][] = [
      ["from=2026-03-10&to=2026-03-01", "The end date must not be before the start date."],
      ["site=nowhere", "Choose one of the options."],
      ["olderThanDays=-3", "This value is not valid."],
      ["community=no-such", "Choose one of the options."],
    ];
    for (const [query, message] of cases) {
      const response = await browser.get(`/analytics?${query}`);
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain(message);
      expect(html).toContain('aria-invalid="true"');
    }
    const fine = await browser.get("/analytics?from=2026-03-01&to=2026-03-31");
    expect(fine.status).toBe(200);
    expect(await fine.text()).toContain("Kayaks");
  });
});
