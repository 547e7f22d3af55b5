/**
 * OpenID Connect with the company's identity provider, through openid-client: the authorization
 * request (PKCE, state and nonce) and every check on its answer. Who the answer signs in is decided by
 * sign-in-with-oidc.ts.
 */
import { createCookie } from "@remix-run/node";
import * as client from "openid-client";
import { z } from "zod";
import type { Config } from "../config";
import { Invalid, Unavailable } from "../errors";
import type { Logger } from "../logger";

export type OidcConfig = NonNullable<Config["oidc"]>;

/** What the browser keeps between leaving for the identity provider and coming back. */
const flowSchema = z.object({
  state: z.string().min(1),
  nonce: z.string().min(1),
  codeVerifier: z.string().min(1),
  redirectUri: z.url(),
  redirectTo: z.string(),
});
export type OidcFlow = z.infer<typeof flowSchema>;

/** A person as the identity provider vouches for them, once every check has passed. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  site: string | null;
  locale: string | null;
}

const flowMinutes = 10;

/**
 * Unsigned on purpose: it holds only what this browser itself sent to the provider, and tampering
 * gains nothing, since the provider signs the nonce into its ID token and binds the code to the PKCE
 * verifier. Its path keeps it off every other request.
 */
function flowCookie(secure: boolean) {
  return createCookie("guilde_oidc", { httpOnly: true, sameSite: "lax", secure, path: "/auth/oidc", maxAge: flowMinutes * 60 });
}

// One discovery per configuration, shared by every sign-in; a failed one is forgotten so the next sign-in asks again.
const discovered = new WeakMap<OidcConfig, Promise<client.Configuration>>();

function providerConfiguration(oidc: OidcConfig): Promise<client.Configuration> {
  let configuration = discovered.get(oidc);
  if (!configuration) {
    // config.ts admits plain HTTP for a loopback issuer only.
    const options = oidc.issuer.protocol === "http:" ? { execute: [client.allowInsecureRequests] } : undefined;
    configuration = client.discovery(oidc.issuer, oidc.clientId, undefined, client.ClientSecretBasic(oidc.clientSecret), options);
    configuration.catch(() => discovered.delete(oidc));
    discovered.set(oidc, configuration);
  }
  return configuration;
}

/** The callback address registered at the provider: the configured one, or this server's own. */
export function oidcRedirectUri(oidc: OidcConfig, origin: string): string {
  return oidc.redirectUri ?? new URL("/auth/oidc/callback", origin).href;
}

/** Where to send the browser, and the cookie that remembers this attempt. */
export async function oidcAuthorizationRequest(
  oidc: OidcConfig,
  { redirectUri, redirectTo, secureCookies, log }: { redirectUri: string; redirectTo: string; secureCookies: boolean; log: Logger },
): Promise<{ authorizationUrl: string; flow: OidcFlow; cookie: string }> {
  const configuration = await discover(oidc, log);
  const flow: OidcFlow = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
    redirectUri,
    redirectTo,
  };
  const authorizationUrl = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri,
    scope: oidc.scopes,
    state: flow.state,
    nonce: flow.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
    code_challenge_method: "S256",
  });
  return { authorizationUrl: authorizationUrl.href, flow, cookie: await serializeOidcFlow(flow, secureCookies) };
}

export function serializeOidcFlow(flow: OidcFlow, secureCookies: boolean): Promise<string> {
  return flowCookie(secureCookies).serialize(flow);
}

/** Removes the attempt's cookie: a callback is good once, whatever its outcome. */
export function clearedOidcFlowCookie(secureCookies: boolean): Promise<string> {
  return flowCookie(secureCookies).serialize("", { maxAge: 0 });
}

/** The attempt this browser started, or null when it has none (expired, another browser, tampered with). */
async function readOidcFlow(cookieHeader: string | null): Promise<OidcFlow | null> {
  const value: unknown = await flowCookie(false).parse(cookieHeader);
  const parsed = flowSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

const expired = () => new Invalid({ form: ["errors.oidcExpired"] }, "errors.oidcExpired");
const refused = () => new Invalid({ form: ["errors.oidcRefused"] }, "errors.oidcRefused");

/**
 * Checks the provider's answer (state, then the code exchange with the PKCE verifier, the ID token's
 * signature, issuer, audience and nonce) and reads the person's claims from the ID token and userinfo.
 */
export async function verifyOidcCallback(
  oidc: OidcConfig,
  { callback, cookieHeader, log }: { callback: URLSearchParams; cookieHeader: string | null; log: Logger },
): Promise<{ identity: OidcIdentity; redirectTo: string }> {
  const flow = await readOidcFlow(cookieHeader);
  // Compared here first so that a callback from another attempt says so, rather than "invalid response".
  if (!flow || callback.get("state") !== flow.state) throw expired();
  const configuration = await discover(oidc, log);
  // The code is exchanged for the redirect URI the request named, even behind a proxy that rewrote the URL.
  const currentUrl = new URL(flow.redirectUri);
  currentUrl.search = callback.toString();
  const claims = await checkAnswer(log, async () => {
    const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims()!;
    // Standard claims come from userinfo: providers put little more than the subject in the ID token.
    const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
    return { ...userInfo, ...idToken };
  });
  const identity: OidcIdentity = {
    issuer: configuration.serverMetadata().issuer,
    subject: claims.sub,
    email: stringClaim(claims.email)?.toLowerCase() ?? null,
    emailVerified: claims.email_verified === true,
    name:
      stringClaim(claims.name) ??
      (stringClaim([claims.given_name, claims.family_name].filter(Boolean).join(" ")) || stringClaim(claims.preferred_username)),
    site: stringClaim(claims[oidc.siteClaim]),
    locale: stringClaim(claims.locale),
  };
  return { identity, redirectTo: flow.redirectTo };
}

/** A claim as one string: some providers send lists (groups, sites) where one value is meant. */
function stringClaim(value: unknown): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === "number") return String(first);
  return typeof first === "string" && first.trim() !== "" ? first.trim() : null;
}

/** The provider's metadata and keys; whatever stops discovery is the operator's to fix, so it is logged. */
async function discover(oidc: OidcConfig, log: Logger): Promise<client.Configuration> {
  try {
    return await providerConfiguration(oidc);
  } catch (error) {
    log.error(`Single sign-on: the identity provider ${oidc.issuer.href} could not be discovered`, error);
    throw new Unavailable("errors.oidcUnavailable");
  }
}

/**
 * openid-client's failures, sorted: the provider unreachable (fetch's TypeError, a timeout) is for
 * later; an answer that fails a check, or the provider's refusal, ends this attempt.
 */
async function checkAnswer<T>(log: Logger, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    // openid-client's own TypeErrors carry a code and are bugs; fetch's are the network.
    const unreachable = (error instanceof TypeError && !("code" in error)) || (error instanceof DOMException && error.name === "TimeoutError");
    if (unreachable) {
      log.error("Single sign-on: the identity provider did not answer", error);
      throw new Unavailable("errors.oidcUnavailable");
    }
    if (
      error instanceof client.ClientError ||
      error instanceof client.ResponseBodyError ||
      error instanceof client.AuthorizationResponseError
    ) {
      log.info(`Single sign-on refused: ${error.message}`);
      throw refused();
    }
    throw error;
  }
}
