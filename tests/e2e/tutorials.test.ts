import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible, useBrowser } from "../support/browser";
import { community, employee, membership, site } from "../support/factories";
import { useGuilde } from "../support/guilde";
import { signInThroughTheForm } from "../support/pages";

const guilde = useGuilde({ DATA_DIR: mkdtempSync(path.join(tmpdir(), "guilde-e2e-tutorials-")) });
const browser = useBrowser();

/**
 * A short, real video, made the way a phone or a screen recorder would: Chromium draws a second of
 * coloured frames on a canvas and records them as VP8 WebM. Nothing is downloaded.
 */
async function recordShortVideo(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const canvas = document.createElement("canvas");
    canvas.width = 160;
    canvas.height = 120;
    const context = canvas.getContext("2d")!;
    const recorder = new MediaRecorder(canvas.captureStream(15), { mimeType: "video/webm;codecs=vp8" });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (event) => chunks.push(event.data);
    const stopped = new Promise((resolve) => (recorder.onstop = resolve));
    recorder.start();
    const started = performance.now();
    for (let frame = 0; performance.now() - started < 1200; frame++) {
      context.fillStyle = `hsl(${(frame * 20) % 360} 70% 50%)`;
      context.fillRect(0, 0, canvas.width, canvas.height);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    recorder.stop();
    await stopped;
    return Array.from(new Uint8Array(await new Blob(chunks).arrayBuffer()));
  });
  return Buffer.from(bytes);
}

/** The duration the page's video element reports once its metadata is loaded (NaN until then). */
function videoDuration(page: Page): Promise<number> {
  return page.locator("video").evaluate(
    (video: HTMLVideoElement) =>
      new Promise<number>((resolve, reject) => {
        if (video.readyState >= 1) return resolve(video.duration);
        video.addEventListener("loadedmetadata", () => resolve(video.duration), { once: true });
        video.addEventListener("error", () => reject(new Error(`media error ${video.error?.code}`)), { once: true });
        video.load();
      }),
  );
}

describe("video tutorials", () => {
  it("a monitor uploads a short video tutorial; it plays for the monitor and for a colleague of another site", async () => {
    const server = await guilde.serve();
    const lille = await site(guilde, { name: "Lille Centre", city: "Lille" });
    const lyon = await site(guilde, { name: "Lyon Part-Dieu", city: "Lyon" });
    const cycling = await community(guilde, { name: "Cycling repair", slug: "cycling-repair" });
    const karim = await employee(guilde, { site: lille, displayName: "Karim Benali" });
    const lea = await employee(guilde, { site: lyon, displayName: "Léa Dubois" });
    await membership(guilde, cycling, karim, "monitor", { topics: ["freins"] });
    await membership(guilde, cycling, lea);

    const monitor = await browser.newPage();
    const video = await recordShortVideo(monitor);
    await signInThroughTheForm(monitor, server.url, karim.email);
    await monitor.goto(`${server.url}/c/cycling-repair/tutorials`);
    await expectAccessible(monitor);
    await monitor.getByRole("link", { name: "Write a tutorial" }).first().click();
    await monitor.waitForURL(/\/tutorials\/new$/);
    await expectAccessible(monitor);
    await monitor.getByLabel("Title").fill("Centre a rim brake in two minutes");
    await monitor.getByLabel("Summary").fill("When one pad rubs the rim: recentre the caliper without any special tool.");
    await monitor.getByLabel("Steps").fill("1. Loosen the mounting bolt a quarter turn.\n2. Squeeze the brake lever and hold it.\n3. Tighten the bolt while holding.");
    await monitor.getByLabel("Difficulty").selectOption("beginner");
    await monitor.getByLabel("Time needed, in minutes").fill("2");
    await monitor.getByLabel("Tags").fill("freins");
    await monitor.getByLabel("Video file (MP4 or WebM)").setInputFiles({ name: "centre-brake.webm", mimeType: "video/webm", buffer: video });
    await monitor.getByRole("button", { name: "Publish" }).click();
    await monitor.waitForURL(/\/tutorials\/[a-z0-9]+\?notice=published/);
    await expect.poll(() => monitor.getByRole("heading", { level: 1 }).textContent()).toBe("Centre a rim brake in two minutes");
    expect(await monitor.getByRole("status").textContent()).toContain("Your tutorial is published.");
    await expectAccessible(monitor);

    const duration = await videoDuration(monitor);
    expect(Number.isFinite(duration)).toBe(true);
    expect(duration).toBeGreaterThan(0.5);
    expect(duration).toBeLessThan(3);
    const tutorialUrl = monitor.url().replace(/\?.*$/, "");

    const reader = await browser.newPage();
    await signInThroughTheForm(reader, server.url, lea.email);
    await reader.goto(`${server.url}/c/cycling-repair/tutorials`);
    await expectAccessible(reader);
    await reader.getByRole("link", { name: "Centre a rim brake in two minutes" }).click();
    await reader.waitForURL(tutorialUrl);
    expect(await videoDuration(reader)).toBeCloseTo(duration, 3);
    // Seeking asks the server for a range: the player must get there.
    const seeked = await reader.locator("video").evaluate(
      (element: HTMLVideoElement) =>
        new Promise<number>((resolve) => {
          element.addEventListener("seeked", () => resolve(element.currentTime), { once: true });
          element.currentTime = element.duration / 2;
        }),
    );
    expect(seeked).toBeGreaterThan(0);
    await reader.getByRole("button", { name: "This helped me" }).click();
    await expect.poll(() => reader.locator("#helped").textContent()).toContain("This helped 1 person");
    await expectAccessible(reader);

    await reader.goto(`${server.url}/users/${karim.id}`);
    expect(await reader.getByRole("link", { name: "Centre a rim brake in two minutes" }).count()).toBe(1);
    await expectAccessible(reader);
  });

  it("a link to a host not on the list comes back with the form and a clear error", async () => {
    const server = await guilde.serve();
    const cycling = await community(guilde, { name: "Cycling repair", slug: "cycling-repair" });
    const karim = await employee(guilde, { displayName: "Karim Benali" });
    await membership(guilde, cycling, karim, "monitor");
    const page = await browser.newPage();
    await signInThroughTheForm(page, server.url, karim.email);
    await page.goto(`${server.url}/c/cycling-repair/tutorials/new`);
    await page.getByLabel("Title").fill("Adjust a rear derailleur");
    await page.getByLabel("Summary").fill("Indexing in five minutes with the barrel adjuster only.");
    await page.getByLabel("Steps").fill("1. Shift to the smallest cog.\n2. Turn the barrel adjuster until it runs quietly.");
    await page.getByLabel("Time needed, in minutes").fill("5");
    await page.getByLabel("Or a link to the video").fill("https://videos.example.com/derailleur");
    // The action answers 400 with the form's errors, which Chromium reports.
    browser.expectConsoleError(/status of 400/);
    await page.getByRole("button", { name: "Save as draft" }).click();
    await expect.poll(() => page.getByText("Videos may only be linked from an allowed host.").count()).toBe(1);
    expect(await page.getByLabel("Or a link to the video").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Title").inputValue()).toBe("Adjust a rear derailleur");
    await expectAccessible(page);
  });
});
