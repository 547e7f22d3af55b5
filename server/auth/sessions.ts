/**
 * All session handling lives here, behind a few functions, because Lucia v3 is no longer developed
 * upstream: replacing it must touch this file only.
 */
import { DrizzlePostgreSQLAdapter } from "@lucia-auth/adapter-drizzle";
import { Lucia, TimeSpan, verifyRequestOrigin, type DatabaseSession, type DatabaseUser } from "lucia";
import { eq, sql } from "drizzle-orm";
import type { Database, Transaction } from "../../db/client";
import { sessions, users, type User } from "../../db/schema";
import { accountBlock } from "./account-status";

export type SessionUser = Pick<User, "id" | "email" | "displayName" | "role" | "siteId" | "locale">;

export interface SessionCookie {
  name: string;
  value: string;
  /** A complete Set-Cookie header value. */
  serialized: string;
}

export interface ValidatedSession {
  user: SessionUser;
  sessionId: string;
  /** Set when the session was extended or must be cleared: send it back to the browser. */
  refreshedCookie: SessionCookie | null;
}

export type Sessions = ReturnType<typeof createSessions>;

/**
 * The Drizzle adapter, with the lookup every page request makes prepared once: building that query
 * again on each request cost more than running it.
 */
class PreparedSessionAdapter extends DrizzlePostgreSQLAdapter {
  private readonly sessionAndUser;

  constructor(db: Database) {
    super(db as never, sessions, users);
    this.sessionAndUser = db
      .select({ user: users, session: sessions })
      .from(sessions)
      .innerJoin(users, eq(sessions.userId, users.id))
      .where(eq(sessions.id, sql.placeholder("sessionId")))
      .prepare("session_and_user");
  }

  override async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const [row] = await this.sessionAndUser.execute({ sessionId });
    if (!row) return [null, null];
    const { id, userId, expiresAt, ...sessionAttributes } = row.session;
    const { id: _userId, ...userAttributes } = row.user;
    return [
      { id, userId, expiresAt, attributes: sessionAttributes },
      { id: row.user.id, attributes: userAttributes as unknown as DatabaseUser["attributes"] },
    ];
  }
}

export function createSessions(db: Database, options: { secureCookies: boolean }) {
  const adapter = new PreparedSessionAdapter(db);
  const lucia = new Lucia(adapter, {
    // Sessions last 30 days and are extended while used (Lucia renews past half-life).
    sessionExpiresIn: new TimeSpan(30, "d"),
    sessionCookie: {
      name: "guilde_session",
      attributes: { secure: options.secureCookies, sameSite: "lax" },
    },
    getUserAttributes: (attributes) => ({
      email: attributes.email,
      displayName: attributes.displayName,
      role: attributes.role,
      siteId: attributes.siteId,
      locale: attributes.locale,
      blocked: accountBlock(attributes) !== null,
    }),
  });

  const toCookie = (cookie: { name: string; value: string; serialize(): string }): SessionCookie => ({
    name: cookie.name,
    value: cookie.value,
    serialized: cookie.serialize(),
  });

  return {
    cookieName: lucia.sessionCookieName,

    async start(userId: string): Promise<SessionCookie> {
      const session = await lucia.createSession(userId, {});
      return toCookie(lucia.createSessionCookie(session.id));
    },

    /** Reads the session cookie from a Cookie header; null when absent, expired or revoked. */
    async validate(cookieHeader: string | null | undefined): Promise<ValidatedSession | null> {
      const sessionId = lucia.readSessionCookie(cookieHeader ?? "");
      if (!sessionId) return null;
      const { session, user } = await lucia.validateSession(sessionId);
      if (!session) return null;
      // A suspension ends its sessions when it is decided; this also covers one that starts later.
      if (user.blocked) {
        await lucia.invalidateSession(session.id);
        return null;
      }
      const { blocked: _blocked, ...sessionUser } = user;
      return {
        sessionId: session.id,
        user: sessionUser,
        refreshedCookie: session.fresh ? toCookie(lucia.createSessionCookie(session.id)) : null,
      };
    },

    async end(sessionId: string): Promise<SessionCookie> {
      await lucia.invalidateSession(sessionId);
      return toCookie(lucia.createBlankSessionCookie());
    },

    /** Signs a user out everywhere: every session of theirs stops working at once. */
    async endAll(userId: string): Promise<void> {
      await lucia.invalidateUserSessions(userId);
    },

    blankCookie: () => toCookie(lucia.createBlankSessionCookie()),

    async deleteExpired(): Promise<void> {
      await lucia.deleteExpiredSessions();
    },
  };
}

/**
 * Ends every session of a person inside a transaction, so that a suspension and the end of the
 * suspended person's sessions commit together.
 */
export async function endSessionsInTransaction(tx: Transaction, userId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}

/**
 * CSRF defence for cookie-authenticated form posts: the Origin (or Referer) must be our own host. A
 * browser that hides the origin (`Origin: null`) still says `Sec-Fetch-Site`, which pages cannot forge.
 */
export function isSameOriginRequest(
  headers: { origin?: string; referer?: string; host?: string; fetchSite?: string | string[] },
  trustedOrigins: string[],
): boolean {
  if (headers.fetchSite === "same-origin") return true;
  const origin = headers.origin && headers.origin !== "null" ? headers.origin : headers.referer;
  if (!origin || !headers.host) return false;
  const allowedHosts = [headers.host, ...trustedOrigins.map((trusted) => new URL(trusted).host)];
  return verifyRequestOrigin(origin, allowedHosts);
}

declare module "lucia" {
  interface Register {
    Lucia: Lucia<Record<never, never>, SessionUserAttributes>;
    // The Drizzle adapter hands over the user row with its TypeScript property names.
    DatabaseUserAttributes: User;
  }
}
type SessionUserAttributes = Omit<SessionUser, "id"> & { blocked: boolean };
