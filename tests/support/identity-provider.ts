import { generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Provider } from "oidc-provider";
import type { HttpClient } from "./http";

/** A person at the company, as its identity provider knows them. */
export interface CompanyAccount {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  site?: string;
  locale?: string;
}

export interface IdentityProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The environment that points Guilde at this provider. */
  env(extra?: Record<string, string>): Record<string, string>;
  /** Registers Guilde's callback address as this client's only redirect URI (known once Guilde listens). */
  acceptRedirectUri(redirectUri: string): void;
  addAccount(account: CompanyAccount): void;
  close(): Promise<void>;
}

const clientId = "guilde";
const clientSecret = "guilde-test-client-secret";

/**
 * A real OpenID Connect provider (oidc-provider) on a free loopback port, with a login page of its
 * own: a person types their company login (their subject or e-mail) and continues, or cancels.
 * Consent is implied, as it is for a company's own applications.
 */
export async function startIdentityProvider(accounts: CompanyAccount[] = []): Promise<IdentityProvider> {
  const people = new Map(accounts.map((account) => [account.sub, account]));
  let provider: Provider | undefined;
  let handle: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  let registeredRedirectUri: string | undefined;

  const server = createServer((req, res) => {
    if (!provider || !handle) {
      res.writeHead(503).end("No redirect URI registered yet");
      return;
    }
    const interaction = /^\/interaction\/([\w-]+)(\/login|\/cancel)?$/.exec(new URL(req.url ?? "/", "http://idp").pathname);
    if (!interaction) return handle(req, res);
    const [, uid, step] = interaction;
    const run = step === "/login" ? login(provider, req, res, uid) : step === "/cancel" ? cancel(provider, req, res) : loginPage(res, uid);
    run.catch((error: unknown) => res.writeHead(500).end(String(error)));
  });

  async function login(idp: Provider, req: IncomingMessage, res: ServerResponse, uid: string) {
    const form = new URLSearchParams(await readBody(req));
    const typed = form.get("login")?.trim().toLowerCase() ?? "";
    const account = [...people.values()].find((person) => person.sub === typed || person.email === typed);
    if (!account) return loginPage(res, uid, "Unknown login");
    await idp.interactionFinished(req, res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
  }

  async function cancel(idp: Provider, req: IncomingMessage, res: ServerResponse) {
    await idp.interactionFinished(req, res, { error: "access_denied", error_description: "The person cancelled" }, { mergeWithLastSubmission: false });
  }

  const signingKey = { ...generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }), kid: "test", use: "sig", alg: "RS256" };
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    clientId,
    clientSecret,
    env: (extra = {}) => ({ OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret, ...extra }),
    acceptRedirectUri(redirectUri) {
      if (redirectUri === registeredRedirectUri) return;
      registeredRedirectUri = redirectUri;
      provider = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: [redirectUri],
            grant_types: ["authorization_code"],
            response_types: ["code"],
          },
        ],
        claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "locale", "site"] },
        cookies: { keys: ["identity-provider-test-key"] },
        jwks: { keys: [signingKey] },
        features: { devInteractions: { enabled: false } },
        pkce: { required: () => true },
        findAccount: async (_context, sub) => {
          const account = people.get(sub);
          return account && { accountId: sub, claims: async () => ({ ...account }) };
        },
        loadExistingGrant: async (context) => {
          const { oidc } = context;
          const grantId = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(oidc.client.clientId);
          if (grantId) return oidc.provider.Grant.find(grantId);
          const grant = new oidc.provider.Grant({ accountId: oidc.session.accountId, clientId: oidc.client.clientId });
          grant.addOIDCScope(oidc.params.scope ?? "openid");
          await grant.save();
          return grant;
        },
      });
      handle = provider.callback();
    },
    addAccount(account) {
      people.set(account.sub, account);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function loginPage(res: ServerResponse, uid: string, problem?: string): Promise<void> {
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
  res.end(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Company sign-in</title></head>
<body>
<main>
<h1>Company sign-in</h1>
${problem ? `<p role="alert">${problem}</p>` : ""}
<form method="post" action="/interaction/${uid}/login">
<label for="login">Company login</label>
<input id="login" name="login" required>
<button type="submit">Continue</button>
</form>
<form method="post" action="/interaction/${uid}/cancel"><button type="submit">Cancel</button></form>
</main>
</body>
</html>`);
  return Promise.resolve();
}

async function readBody(req: IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of req) body += String(chunk);
  return body;
}

/**
 * Goes through the provider like a browser: follows its redirects, fills its login form when it shows
 * one, and returns the callback URL it finally sends the browser to, without visiting it.
 */
export async function signInAtProvider(client: HttpClient, authorizationUrl: string, login: string, callbackUrl: string): Promise<URL> {
  let url = new URL(authorizationUrl);
  let response = await client.get(url.href);
  for (let step = 0; step < 10; step++) {
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get("location")!, url);
      if (url.href.startsWith(callbackUrl)) return url;
      response = await client.get(url.href);
    } else if (response.status === 200 && url.pathname.startsWith("/interaction/")) {
      url = new URL(`${url.pathname}/login`, url);
      response = await client.post(url.href, { login });
    } else {
      throw new Error(`The identity provider answered ${response.status} at ${url.href}: ${await response.text()}`);
    }
  }
  throw new Error("The identity provider never sent the browser back");
}

/** An employee of the company's directory, at a site the demo data has. */
export const ines: CompanyAccount = {
  sub: "e-20417",
  email: "ines.fabre@company.test",
  email_verified: true,
  name: "Inès Fabre",
  site: "lyon part-dieu",
  locale: "fr-FR",
};
