import { and, count, eq, gt } from "drizzle-orm";
import { signInAttempts, users } from "../../db/schema";
import type { Guilde } from "../context";
import { Invalid, RateLimited } from "../errors";
import { parseInput, type Untrusted } from "../validation";
import { AccountBlocked, accountBlock } from "./account-status";
import { verifyPassword } from "./passwords";
import type { SessionCookie } from "./sessions";
import { signInSchema, type SignInInput } from "./schemas";

/**
 * Checks a password and opens a session. Failures are counted per account and per address in the
 * database, so the throttle holds across restarts and server processes.
 */
export async function signIn(
  guilde: Guilde,
  { input, ip }: { input: Untrusted<SignInInput>; ip: string },
): Promise<{ userId: string; cookie: SessionCookie }> {
  const data = parseInput(signInSchema, input);
  const { maxFailuresPerAccount, maxFailuresPerIp, windowMinutes } = guilde.config.signIn;
  const since = new Date(Date.now() - windowMinutes * 60_000);

  const failuresSince = async (column: typeof signInAttempts.email | typeof signInAttempts.ip, value: string) => {
    const [row] = await guilde.db
      .select({ failures: count() })
      .from(signInAttempts)
      .where(and(eq(column, value), eq(signInAttempts.succeeded, false), gt(signInAttempts.attemptedAt, since)));
    return row.failures;
  };
  if (
    (await failuresSince(signInAttempts.email, data.email)) >= maxFailuresPerAccount ||
    (await failuresSince(signInAttempts.ip, ip)) >= maxFailuresPerIp
  ) {
    throw new RateLimited(windowMinutes * 60, "errors.tooManySignInAttempts");
  }

  const [user] = await guilde.db
    .select({
      id: users.id,
      role: users.role,
      passwordHash: users.passwordHash,
      suspendedAt: users.suspendedAt,
      suspendedUntil: users.suspendedUntil,
      suspensionReason: users.suspensionReason,
      deactivatedAt: users.deactivatedAt,
    })
    .from(users)
    .where(eq(users.email, data.email));
  const succeeded = await verifyPassword(user?.passwordHash ?? null, data.password);
  await guilde.db.insert(signInAttempts).values({ email: data.email, ip, succeeded });
  if (!user || !succeeded) throw new Invalid({ form: ["errors.wrongCredentials"] });
  // Only once the password is right: a suspension is not told to whoever types an address.
  const block = accountBlock(user);
  if (block) throw new AccountBlocked(block);
  if (guilde.config.passwordSignIn === "customers-only" && user.role !== "customer") {
    throw new Invalid({ form: ["errors.useCompanySignIn"] }, "errors.useCompanySignIn");
  }

  return { userId: user.id, cookie: await guilde.sessions.start(user.id) };
}
