/**
 * Video upload and serving throughput: a 50 MB WebM uploaded through the tutorial form (multipart,
 * streamed to storage), then downloaded whole and by random 1 MB ranges through the policy-checked
 * /files route, against the same bytes served as a static file by the same Express in the same run.
 */
import { randomBytes, randomInt } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../server/paths";
import { webmBytes } from "../tests/support/videos";
import { benchAccount, ensureBuild, formatRatio, printTable, runBench, scratchFolder, secondsFromEnvironment, signIn, startGuilde, stopServer } from "./support";

const megabytes = 50;
const size = megabytes * 1024 * 1024;
const uploads = 5;
const downloads = 10;
const rangeBytes = 1024 * 1024;
const rangeConcurrency = 8;
const rangeSeconds = secondsFromEnvironment("BENCH_SECONDS", 5);

runBench(
  `Video throughput: ${uploads} uploads of a ${megabytes} MB WebM through the tutorial form, ${downloads} full downloads and ${rangeSeconds} s of random ${rangeBytes / 1024 / 1024} MB range requests (${rangeConcurrency} at a time), against the same file served by express.static in the same server.`,
  "none fixed: downloads and ranges should stay within 2× of the static file (the policy check and the storage layer are the difference).",
  async () => {
    ensureBuild();
    const scratch = scratchFolder("video");
    const videoPath = path.join(scratch, "bench.webm");
    // A WebM header, then incompressible bytes: what a real video costs to move.
    const header = webmBytes(64 * 1024);
    fs.writeFileSync(videoPath, Buffer.concat([header, randomBytes(size - header.length)]));
    // The static baseline: the same bytes in the folder the same Express serves statically.
    const staticName = `bench-video-${process.pid}.webm`;
    const staticPath = path.join(projectRoot, "build", "client", staticName);
    fs.copyFileSync(videoPath, staticPath);
    const guilde = await startGuilde({ dataDir: path.join(scratch, "data") });
    try {
      const cookie = await signIn(guilde.url, benchAccount);

      let uploadId = "";
      const uploadTimes: number[] = [];
      for (let run = 0; run < uploads; run++) {
        const form = new FormData();
        const fields = {
          title: `Benchmark video tutorial number ${run + 1}`,
          summary: "Fifty megabytes of video, to measure upload and serving throughput.",
          body: "1. Upload the video.\n2. Serve it whole and by ranges.",
          difficulty: "beginner",
          minutes: "5",
          intent: "publish",
        };
        for (const [name, value] of Object.entries(fields)) form.append(name, value);
        form.append("video", await fs.openAsBlob(videoPath, { type: "video/webm" }), "bench.webm");
        const started = performance.now();
        const response = await fetch(`${guilde.url}/c/cycling-repair/tutorials/new`, { method: "POST", body: form, headers: { Cookie: cookie, Origin: guilde.url }, redirect: "manual" });
        uploadTimes.push(performance.now() - started);
        const location = response.headers.get("location") ?? "";
        if (response.status !== 302 || !location.startsWith("/tutorials/")) throw new Error(`Upload ${run + 1} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
        const page = await (await fetch(`${guilde.url}${location}`, { headers: { Cookie: cookie } })).text();
        uploadId = page.match(/\/files\/([a-z0-9]+)/)?.[1] ?? "";
        if (!uploadId) throw new Error("The published tutorial's page shows no uploaded video.");
      }

      const file = `${guilde.url}/files/${uploadId}`;
      const staticFile = `${guilde.url}/${staticName}`;
      const fileDownloads = await fullDownloads(file, cookie);
      const staticDownloads = await fullDownloads(staticFile, cookie);
      const fileRanges = await randomRanges(file, cookie);
      const staticRanges = await randomRanges(staticFile, cookie);

      const rate = (bytes: number, ms: number) => (bytes / 1024 / 1024 / (ms / 1000)).toFixed(1);
      const uploadTotal = uploadTimes.reduce((sum, ms) => sum + ms, 0);
      printTable(
        ["", "MB/s", "static MB/s", "ratio"],
        [
          ["upload", rate(size * uploads, uploadTotal), "–", "–"],
          ["full download", rate(size * downloads, fileDownloads), rate(size * downloads, staticDownloads), formatRatio(staticDownloads / fileDownloads)],
          ["1 MB ranges", rate(fileRanges.bytes, fileRanges.ms), rate(staticRanges.bytes, staticRanges.ms), formatRatio((fileRanges.bytes / fileRanges.ms) / (staticRanges.bytes / staticRanges.ms))],
        ],
        16,
        14,
      );
      console.log(`\nRange requests: ${fileRanges.requests} to /files (${(fileRanges.requests / (fileRanges.ms / 1000)).toFixed(0)}/s), ${staticRanges.requests} to the static file (${(staticRanges.requests / (staticRanges.ms / 1000)).toFixed(0)}/s).`);
      console.log("Ratio: Guilde's /files throughput divided by the static file's (1.00 = as fast as express.static).");
    } finally {
      fs.rmSync(staticPath, { force: true });
      await stopServer(guilde.process);
    }
  },
);

/** Total milliseconds for `downloads` whole downloads, each body read to the end and its size checked. */
async function fullDownloads(url: string, cookie: string): Promise<number> {
  let total = 0;
  for (let run = 0; run < downloads; run++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { Cookie: cookie } });
    const body = await response.arrayBuffer();
    total += performance.now() - started;
    if (response.status !== 200 || body.byteLength !== size) throw new Error(`${url} answered ${response.status} with ${body.byteLength} bytes`);
  }
  return total;
}

/** Random 1 MB ranges, `rangeConcurrency` at a time, for `rangeSeconds`: bytes moved, requests, elapsed ms. */
async function randomRanges(url: string, cookie: string): Promise<{ bytes: number; requests: number; ms: number }> {
  let bytes = 0;
  let requests = 0;
  const started = performance.now();
  const deadline = started + rangeSeconds * 1000;
  await Promise.all(
    Array.from({ length: rangeConcurrency }, async () => {
      while (performance.now() < deadline) {
        const start = randomInt(0, size - rangeBytes);
        const response = await fetch(url, { headers: { Cookie: cookie, Range: `bytes=${start}-${start + rangeBytes - 1}` } });
        const body = await response.arrayBuffer();
        if (response.status !== 206 || body.byteLength !== rangeBytes) throw new Error(`${url} answered ${response.status} with ${body.byteLength} bytes to a range`);
        bytes += body.byteLength;
        requests++;
      }
    }),
  );
  return { bytes, requests, ms: performance.now() - started };
}
