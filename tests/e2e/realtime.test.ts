import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { questionRoom } from "../../app/realtime/protocol";
import { replies } from "../../db/schema";
import { askQuestion } from "../../server/questions/ask-question";
import { editReply } from "../../server/questions/edit";
import { expectAccessible, useBrowser } from "../support/browser";
import { answer, community, employee, membership, question, site } from "../support/factories";
import { useGuilde } from "../support/guilde";
import { signInThroughTheForm } from "../support/pages";

const guilde = useGuilde();
const browser = useBrowser();

/** For the polls that act until the page's socket, connected after load, has heard the result. */
const pollEverySecond = { interval: 1000, timeout: 15_000 };

/** Marks the page's document, so that a test can tell it was updated in place, not reloaded. */
async function markDocument(page: Page) {
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
}

async function stillSameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => "sameDocument" in window);
}

/** The page has its socket and follows its rooms once the server counts its viewer. */
async function waitForViewers(page: Page, count: number) {
  await page.getByText(`${count} colleagues are viewing this question`).waitFor();
}

describe("a live question page", () => {
  it("two colleagues on one question: each sees the other's presence, and an answer appears without reloading", async () => {
    const server = await guilde.serve();
    const cycling = await community(guilde, { name: "Cycling repair", slug: "cycling-repair" });
    const lea = await employee(guilde, { site: await site(guilde, { name: "Lyon Part-Dieu" }), displayName: "Léa Dubois" });
    const karim = await employee(guilde, { site: await site(guilde, { name: "Lille Centre" }), displayName: "Karim Benali" });
    await membership(guilde, cycling, lea);
    await membership(guilde, cycling, karim, "monitor");
    const asked = await question(guilde, { in: cycling, by: lea, title: "How do I bleed Shimano hydraulic brakes?" });
    const url = `${server.url}/questions/${asked.id}`;

    const asker = await browser.newPage();
    await signInThroughTheForm(asker, server.url, lea.email);
    await asker.goto(url);
    const monitor = await browser.newPage();
    await signInThroughTheForm(monitor, server.url, karim.email);
    await monitor.goto(url);

    await Promise.all([waitForViewers(asker, 2), waitForViewers(monitor, 2)]);
    await expectAccessible(asker);
    await markDocument(asker);

    await monitor.getByLabel("Write your answer").fill("Use Shimano mineral oil only, and bleed from the caliper up.");
    await monitor.getByRole("button", { name: "Post my answer" }).click();
    await asker.getByText("Use Shimano mineral oil only, and bleed from the caliper up.").waitFor();
    await expect.poll(() => asker.getByRole("heading", { name: "1 answer" }).count()).toBe(1);
    expect(await stillSameDocument(asker)).toBe(true);

    const [given] = await guilde.db.select().from(replies).where(eq(replies.postId, asked.id));
    await editReply(guilde, { viewer: karim, replyId: given.id, input: { body: "Use Shimano mineral oil only, never DOT fluid." } });
    await asker.getByText("Use Shimano mineral oil only, never DOT fluid.").waitFor();
    await asker.getByRole("link", { name: /Edited just now/ }).waitFor();
    expect(await stillSameDocument(asker)).toBe(true);
    await expectAccessible(asker);

    await monitor.close();
    await asker.getByText("colleagues are viewing").waitFor({ state: "detached" });
  });

  it("a page whose connection dropped catches up on what it missed when it reconnects", async () => {
    const server = await guilde.serve();
    const cycling = await community(guilde);
    const [lea, karim] = [await employee(guilde), await employee(guilde)];
    const asked = await question(guilde, { in: cycling, by: lea });
    const room = questionRoom(asked.id);
    const followers = () => server.realtime.io.in(room).fetchSockets();

    const page = await browser.newPage();
    await signInThroughTheForm(page, server.url, lea.email);
    await page.goto(`${server.url}/questions/${asked.id}`);
    await expect.poll(async () => (await followers()).length).toBe(1);
    await markDocument(page);

    // As a network change does: the connection drops without a goodbye; the browser reconnects within seconds.
    const [socket] = [...server.realtime.io.sockets.sockets.values()].filter((candidate) => candidate.data.viewer.id === lea.id);
    socket.conn.close();
    await answer(guilde, { to: asked, by: karim, body: "Posted while the page was disconnected: it never heard of it." });
    expect(await followers()).toEqual([]);

    await page.getByText("Posted while the page was disconnected: it never heard of it.").waitFor();
    expect(await stillSameDocument(page)).toBe(true);
    await expect.poll(async () => (await followers()).length).toBe(1);
  });
});

describe("live lists and the bell", () => {
  it("a community page announces a new question instead of moving its list, and shows it on request", async () => {
    const server = await guilde.serve();
    const cycling = await community(guilde, { name: "Cycling repair", slug: "cycling-repair" });
    const [lea, karim] = [await employee(guilde), await employee(guilde)];
    await membership(guilde, cycling, lea);
    await membership(guilde, cycling, karim);
    await question(guilde, { in: cycling, by: karim, title: "Which tyre pressure for gravel?" });

    const reader = await browser.newPage();
    await signInThroughTheForm(reader, server.url, lea.email);
    await reader.goto(`${server.url}/c/cycling-repair`);
    await markDocument(reader);
    // The banner's live region is on the page from the start, empty, so that its message is announced.
    await expect.poll(() => reader.locator('[aria-live="polite"]').count()).toBeGreaterThan(0);

    // The socket subscribes after the page loads; ask until the page has heard one.
    const titles = ["How do I true a buckled wheel?", "Which chain for an 11-speed cassette?", "Where are the spare brake pads?"];
    let asked = 0;
    await expect
      .poll(async () => {
        if (asked < titles.length) {
          await askQuestion(guilde, { viewer: karim, communityId: cycling.id, input: { title: titles[asked++], body: "Asked during the live test.", tags: [] } });
        }
        return reader.getByText(/^\d+ new questions?$/).count();
      }, pollEverySecond)
      .toBe(1);
    expect(await reader.getByRole("link", { name: titles[asked - 1] }).count()).toBe(0);
    await expectAccessible(reader);

    await reader.getByRole("button", { name: "Show" }).click();
    await reader.getByRole("link", { name: titles[asked - 1] }).waitFor();
    expect(await reader.getByRole("button", { name: "Show" }).count()).toBe(0);
    expect(await stillSameDocument(reader)).toBe(true);
  });

  it("the bell counts a new notification without reloading", async () => {
    const server = await guilde.serve();
    const cycling = await community(guilde);
    const [lea, karim] = [await employee(guilde), await employee(guilde)];
    await membership(guilde, cycling, lea);
    const asked = await question(guilde, { in: cycling, by: lea });

    const page = await browser.newPage();
    await signInThroughTheForm(page, server.url, lea.email);
    await page.goto(`${server.url}/settings`);
    await markDocument(page);
    await page.getByRole("link", { name: "Notifications" }).waitFor();

    // Lea follows her question: each answer notifies her. Answer until her socket is connected and hears.
    await expect
      .poll(async () => {
        await answer(guilde, { to: asked, by: karim });
        return page.getByRole("link", { name: /^Notifications, \d+ unread$/ }).count();
      }, pollEverySecond)
      .toBe(1);
    expect(await stillSameDocument(page)).toBe(true);
  });
});
