import { and, eq, or, sql } from "drizzle-orm";
import { newId } from "../../db/ids";
import type { Transaction } from "../../db/client";
import { sites, userIdentities, users, type Locale } from "../../db/schema";
import type { Guilde } from "../context";
import { Conflict, Invalid, NotFound } from "../errors";
import { write } from "../events";
import { availableHandle } from "../people/handles";
import { AccountBlocked, accountBlock } from "./account-status";
import {
  clearedOidcFlowCookie,
  oidcAuthorizationRequest,
  oidcRedirectUri,
  verifyOidcCallback,
  type OidcConfig,
  type OidcIdentity,
} from "./oidc";
import type { SessionCookie } from "./sessions";

function requireOidc(guilde: Guilde): OidcConfig {
  if (!guilde.config.oidc) throw new NotFound();
  return guilde.config.oidc;
}

/**
 * The first leg: where to send the browser, and the cookie that remembers the attempt. `origin` is
 * this server's, for the callback address when none is configured.
 */
export async function startOidcSignIn(
  guilde: Guilde,
  { origin, redirectTo }: { origin: string; redirectTo: string },
): Promise<{ authorizationUrl: string; cookie: string }> {
  const oidc = requireOidc(guilde);
  const { authorizationUrl, cookie } = await oidcAuthorizationRequest(oidc, {
    redirectUri: oidcRedirectUri(oidc, origin),
    redirectTo,
    secureCookies: guilde.config.secureCookies,
    log: guilde.log,
  });
  return { authorizationUrl, cookie };
}

export interface OidcSignIn {
  userId: string;
  cookie: SessionCookie;
  created: boolean;
  /** A new account whose site the provider did not name (or named unknown to Guilde): the person chooses it. */
  siteMissing: boolean;
  redirectTo: string;
}

/**
 * The second leg: checks the provider's answer, then finds the person by the provider's issuer and
 * subject, or creates their employee account on their first sign-in, and opens a session. Whatever
 * refuses the sign-in happens before anything is written.
 */
export async function signInWithOidc(
  guilde: Guilde,
  { callback, cookieHeader }: { callback: URLSearchParams; cookieHeader: string | null },
): Promise<OidcSignIn> {
  const oidc = requireOidc(guilde);
  const { identity, redirectTo } = await verifyOidcCallback(oidc, { callback, cookieHeader, log: guilde.log });
  const account = await write(guilde, async (tx, emit) => {
    const found = (await linkedAccount(tx, identity)) ?? (await adoptedAccount(tx, identity));
    if (found) return { ...found, created: false, siteMissing: false };
    const created = await createEmployee(tx, identity);
    emit({ type: "person.changed", userId: created.userId });
    return { ...created, created: true };
  });
  return {
    ...account,
    redirectTo,
    cookie: await guilde.sessions.start(account.userId),
  };
}

/** Clears the attempt's cookie, whether the callback succeeded or not. */
export function endOidcAttempt(guilde: Guilde): Promise<string> {
  return clearedOidcFlowCookie(guilde.config.secureCookies);
}

const accountColumns = {
  id: users.id,
  role: users.role,
  suspendedAt: users.suspendedAt,
  suspendedUntil: users.suspendedUntil,
  suspensionReason: users.suspensionReason,
  deactivatedAt: users.deactivatedAt,
};

function refuseBlocked(account: Parameters<typeof accountBlock>[0]) {
  const block = accountBlock(account);
  if (block) throw new AccountBlocked(block);
}

async function linkedAccount(tx: Transaction, identity: OidcIdentity) {
  const [account] = await tx
    .select(accountColumns)
    .from(userIdentities)
    .innerJoin(users, eq(users.id, userIdentities.userId))
    .where(and(eq(userIdentities.issuer, identity.issuer), eq(userIdentities.subject, identity.subject)));
  if (!account) return null;
  refuseBlocked(account);
  await tx
    .update(userIdentities)
    .set({ lastSignInAt: sql`now()` })
    .where(and(eq(userIdentities.issuer, identity.issuer), eq(userIdentities.subject, identity.subject)));
  return { userId: account.id };
}

/**
 * An employee who had a password account before single sign-on keeps it: the provider's first
 * answer for them links it, once, if the provider has verified the e-mail. A customer's account never
 * is: customers are not the company's people, whatever address they use.
 */
async function adoptedAccount(tx: Transaction, identity: OidcIdentity) {
  if (!identity.email) return null;
  const [account] = await tx.select(accountColumns).from(users).where(eq(users.email, identity.email));
  if (!account) return null;
  if (account.role === "customer" || !identity.emailVerified) {
    throw new Conflict("errors.oidcEmailTaken", { form: ["errors.oidcEmailTaken"] });
  }
  refuseBlocked(account);
  await tx.insert(userIdentities).values({ issuer: identity.issuer, subject: identity.subject, userId: account.id }).onConflictDoNothing();
  return { userId: account.id };
}

async function createEmployee(tx: Transaction, identity: OidcIdentity) {
  if (!identity.email) throw new Invalid({ form: ["errors.oidcEmailMissing"] }, "errors.oidcEmailMissing");
  const site = identity.site ? await matchingSite(tx, identity.site) : null;
  const userId = newId();
  const inserted = await tx
    .insert(users)
    .values({
      id: userId,
      email: identity.email,
      handle: await availableHandle(tx, identity.email),
      displayName: displayNameOf(identity),
      passwordHash: null,
      role: "employee",
      siteId: site?.id ?? null,
      locale: localeOf(identity.locale),
    })
    // Two first sign-ins at once: the other one created the account.
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  if (inserted.length === 0) throw new Conflict("errors.oidcTryAgain", { form: ["errors.oidcTryAgain"] });
  await tx.insert(userIdentities).values({ issuer: identity.issuer, subject: identity.subject, userId });
  return { userId, siteMissing: !site };
}

/** The site the provider names, by its name (any case) or its id. */
async function matchingSite(tx: Transaction, claim: string) {
  const [site] = await tx
    .select({ id: sites.id })
    .from(sites)
    .where(or(sql`lower(${sites.name}) = lower(${claim})`, eq(sites.id, claim)))
    .limit(1);
  return site ?? null;
}

/** The provider's name for the person, fitted to Guilde's rules (2 to 80 characters), or their e-mail's local part. */
function displayNameOf(identity: OidcIdentity): string {
  const name = identity.name?.slice(0, 80).trim();
  if (name && name.length >= 2) return name;
  return identity.email!.split("@")[0].slice(0, 80).padEnd(2, "_");
}

function localeOf(claim: string | null): Locale | null {
  const language = claim?.slice(0, 2).toLowerCase();
  return language === "fr" || language === "en" ? language : null;
}
