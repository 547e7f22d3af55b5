import { once } from "node:events";
import http from "node:http";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { useGuildeProcesses, useGuildeServer } from "../support/process";

const guildes = useGuildeProcesses();

describe("starting and stopping", () => {
  test("a second server on a data folder in use refuses to start, names the folder, and leaves the first running", async () => {
    const first = await guildes.start();

    const second = await guildes.runUntilExit({ dataDir: first.dataDir });

    expect(second.code).toBeGreaterThan(0);
    expect(second.stderr).toContain(`The embedded database in ${path.join(first.dataDir, "pglite")} is in use`);
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
  });

  test("SIGTERM lets a request in flight finish, then the server exits with 0", async () => {
    const guilde = await guildes.start();
    const form = new URLSearchParams({ locale: "fr", redirectTo: "/" }).toString();
    // With Expect: 100-continue the server answers "100 Continue" once its handler has the request, and
    // then waits for the body: the request is provably in flight while the signal arrives.
    const request = http.request(`${guilde.url}/locale`, {
      method: "POST",
      headers: {
        Origin: guilde.url,
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": Buffer.byteLength(form),
        Expect: "100-continue",
      },
    });
    const response = once(request, "response") as Promise<[http.IncomingMessage]>;
    request.flushHeaders();
    await once(request, "continue");

    const exited = guilde.stop("SIGTERM");
    await guilde.waitForOutput("SIGTERM received");
    request.end(form);

    const [answer] = await response;
    answer.resume();
    expect(answer.statusCode).toBe(302);
    expect(answer.headers["set-cookie"]?.join()).toContain("guilde_locale=fr");
    expect(await exited).toEqual({ code: 0, signal: null });
  });

  test("an invalid PORT stops start-up with a message naming PORT", async () => {
    const exit = await guildes.runUntilExit({ env: { PORT: "abc" } });

    expect(exit.code).toBeGreaterThan(0);
    expect(exit.stderr).toContain("Invalid environment");
    expect(exit.stderr).toMatch(/^\s*PORT: /m);
    expect(exit.stderr).not.toMatch(/^\s+at /m);
  });
});

describe("HTTP responses", () => {
  const server = useGuildeServer();

  test("a page has a Content-Security-Policy whose fresh nonce is on every script, and nosniff", async () => {
    const [page, again] = await Promise.all([fetch(server.url), fetch(server.url)]);
    const scriptSrc = (response: Response) =>
      (response.headers.get("content-security-policy") ?? "").split(";").find((directive) => directive.startsWith("script-src "));
    const nonceOf = (response: Response) => /'nonce-([^']+)'/.exec(scriptSrc(response) ?? "")?.[1];
    const nonce = nonceOf(page);

    expect(nonce).toBeDefined();
    expect(nonceOf(again)).not.toBe(nonce);
    expect(scriptSrc(page)).not.toContain("'unsafe-inline'");
    const scripts = [...(await page.text()).matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    await again.body?.cancel();
  });

  test("hashed assets are cached for a year as immutable", async () => {
    const html = await (await fetch(server.url)).text();
    const asset = /(?:href|src)="(\/assets\/[^"]+\.(?:js|css))"/.exec(html)?.[1];
    expect(asset).toBeDefined();

    const response = await fetch(`${server.url}${asset}`);
    await response.body?.cancel();

    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("max-age=31536000");
    expect(response.headers.get("cache-control")).toContain("immutable");
  });

  test("pages are gzip-compressed for clients that accept it", async () => {
    const response = await fetch(server.url, { headers: { "Accept-Encoding": "gzip" } });
    await response.body?.cancel();

    expect(response.status).toBe(200);
    expect(response.headers.get("content-encoding")).toBe("gzip");
  });

  test("the site icon, which browsers ask for on every page, is served", async () => {
    const response = await fetch(`${server.url}/favicon.ico`);
    await response.body?.cancel();

    expect(response.status).toBe(200);
  });
});
