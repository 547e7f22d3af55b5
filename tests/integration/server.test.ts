import { io as connect } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { employee, testPassword } from "../support/factories";
import { useGuilde } from "../support/guilde";
import { HttpClient } from "../support/http";
import { testDatabaseKind } from "../support/database";

const guilde = useGuilde();

function openSocket(url: string, cookie?: string) {
  const socket = connect(url, {
    transports: ["websocket"],
    reconnection: false,
    extraHeaders: cookie ? { Cookie: cookie } : {},
  });
  return new Promise<{ connected: boolean; error?: string; close(): void }>((resolve) => {
    socket.on("connect", () => resolve({ connected: true, close: () => socket.close() }));
    socket.on("connect_error", (error) => resolve({ connected: false, error: error.message, close: () => socket.close() }));
  });
}

describe("Socket.IO", () => {
  it("refuses a connection without a session", async () => {
    const server = await guilde.serve();
    const socket = await openSocket(server.url);
    socket.close();
    expect(socket).toMatchObject({ connected: false, error: "unauthorized" });
  });

  it("refuses a connection with a revoked session", async () => {
    const server = await guilde.serve();
    const alice = await employee(guilde);
    const browser = new HttpClient(server.url);
    await browser.post("/signin", { email: alice.email, password: testPassword });
    const cookie = browser.cookieHeader;
    await browser.post("/signout", {});
    const socket = await openSocket(server.url, cookie);
    socket.close();
    expect(socket.connected).toBe(false);
  });

  it("accepts a connection carrying a valid session cookie", async () => {
    const server = await guilde.serve();
    const alice = await employee(guilde);
    const browser = new HttpClient(server.url);
    await browser.post("/signin", { email: alice.email, password: testPassword });
    const socket = await openSocket(server.url, browser.cookieHeader);
    socket.close();
    expect(socket.connected).toBe(true);
  });
});

describe("health", () => {
  it("answers ok with the database and search engine in use", async () => {
    const server = await guilde.serve();
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: testDatabaseKind, search: "postgres" });
  });
});

describe("pages", () => {
  it("answers an unknown page with the app's 404 page, in the visitor's language", async () => {
    const server = await guilde.serve();
    const response = await fetch(`${server.url}/no/such/page`, { headers: { "Accept-Language": "fr-FR,fr;q=0.9" } });
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('lang="fr"');
    expect(html).toContain("Page introuvable");
  });

  it("sends anonymous visitors to sign in, then back", async () => {
    const server = await guilde.serve();
    const response = await new HttpClient(server.url).get("/settings");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/signin?redirectTo=%2Fsettings");
  });

  it("remembers the language chosen with the switcher, on the account when signed in", async () => {
    const server = await guilde.serve();
    const alice = await employee(guilde, { locale: null });
    const browser = new HttpClient(server.url);
    await browser.post("/signin", { email: alice.email, password: testPassword });
    const switched = await browser.post("/locale", { locale: "fr", redirectTo: "/settings" });
    expect(switched.headers.get("location")).toBe("/settings");

    const elsewhere = new HttpClient(server.url);
    await elsewhere.post("/signin", { email: alice.email, password: testPassword });
    const html = await (await elsewhere.get("/", { "Accept-Language": "en" })).text();
    expect(html).toContain("Bonjour");
  });
});
