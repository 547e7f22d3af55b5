import { eq } from "drizzle-orm";
import { newId } from "../../db/ids";
import { sites, users } from "../../db/schema";
import type { Guilde } from "../context";
import { write } from "../events";
import { Invalid } from "../errors";
import { parseInput, type Untrusted } from "../validation";
import { availableHandle } from "../people/handles";
import { hashPassword } from "./passwords";
import type { SessionCookie } from "./sessions";
import { signUpSchema, type SignUpInput } from "./schemas";

/**
 * An employee creates their account (unless employees use single sign-on only); customers arrive by
 * invitation instead.
 */
export async function signUp(
  guilde: Guilde,
  { input }: { input: Untrusted<SignUpInput> },
): Promise<{ userId: string; cookie: SessionCookie }> {
  if (guilde.config.passwordSignIn === "customers-only") {
    throw new Invalid({ form: ["errors.useCompanySignIn"] }, "errors.useCompanySignIn");
  }
  const data = parseInput(signUpSchema, input);
  const domain = data.email.split("@")[1];
  const allowed = guilde.config.allowedEmailDomains;
  if (allowed.length > 0 && !allowed.includes(domain)) {
    throw new Invalid({ email: ["errors.emailDomainNotAllowed"] });
  }

  const passwordHash = await hashPassword(data.password);
  const userId = newId();
  await write(guilde, async (tx, emit) => {
    const [site] = await tx.select({ id: sites.id }).from(sites).where(eq(sites.id, data.siteId));
    if (!site) throw new Invalid({ siteId: ["errors.siteRequired"] });
    const inserted = await tx
      .insert(users)
      .values({
        id: userId,
        email: data.email,
        handle: await availableHandle(tx, data.email),
        displayName: data.displayName,
        passwordHash,
        role: "employee",
        siteId: site.id,
        locale: data.locale ?? null,
      })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (inserted.length === 0) throw new Invalid({ email: ["errors.emailTaken"] });
    emit({ type: "person.changed", userId });
  });

  return { userId, cookie: await guilde.sessions.start(userId) };
}
