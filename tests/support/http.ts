import { testPassword } from "./factories";

/**
 * A tiny browser stand-in for HTTP tests: keeps cookies, sends same-origin form posts like a browser
 * does (with an Origin header), and never follows redirects so tests can assert them.
 */
export class HttpClient {
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  setCookieHeader(header: string) {
    this.cookies.clear();
    for (const part of header.split(";")) {
      const [name, ...value] = part.trim().split("=");
      if (name) this.cookies.set(name, value.join("="));
    }
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(path, { method: "GET", headers });
  }

  async post(path: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(path, {
      method: "POST",
      body: new URLSearchParams(form),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: this.baseUrl, ...headers },
    });
  }

  private async request(path: string, init: RequestInit & { headers: Record<string, string> }): Promise<Response> {
    const headers = { ...init.headers };
    if (this.cookies.size > 0) headers.Cookie = this.cookieHeader;
    const response = await fetch(new URL(path, this.baseUrl), { ...init, headers, redirect: "manual" });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = setCookie.split(";");
      const [name, ...value] = pair.trim().split("=");
      const expired = attributes.some((attribute) => /^\s*max-age=0\b/i.test(attribute)) || value.join("=") === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value.join("="));
    }
    return response;
  }
}

/** A client signed in through the real sign-in form, as a person would be. */
export async function signedInThroughTheForm(baseUrl: string, email: string): Promise<HttpClient> {
  const client = new HttpClient(baseUrl);
  const response = await client.post("/signin", { email, password: testPassword });
  if (response.status !== 302) throw new Error(`Signing in as ${email} answered ${response.status}`);
  return client;
}

/** A page's text without its markup, to assert what a reader sees. */
export async function pageText(response: Response): Promise<string> {
  return (await response.text()).replace(/<[^>]*>/g, "");
}
