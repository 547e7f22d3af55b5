import { eq } from "drizzle-orm";
import { newId } from "../../db/ids";
import { users } from "../../db/schema";
import type { Guilde } from "../context";
import { parseInput } from "../validation";
import { availableHandle } from "../people/handles";
import { hashPassword } from "./passwords";
import { displayName, email, password } from "./schemas";
import { z } from "zod";

const adminSchema = z.object({ email, displayName, password: password.optional() });

/**
 * Creates an administrator, or promotes the existing account with that e-mail. Run from the command
 * line (`npm run admin:create`), which is trusted: there is no viewer to check.
 */
export async function createOrPromoteAdmin(
  guilde: Guilde,
  input: z.input<typeof adminSchema>,
): Promise<{ userId: string; created: boolean }> {
  const data = parseInput(adminSchema, input);
  const [existing] = await guilde.db.select({ id: users.id }).from(users).where(eq(users.email, data.email));
  if (existing) {
    await guilde.db
      .update(users)
      .set({
        role: "admin",
        ...(data.password ? { passwordHash: await hashPassword(data.password) } : {}),
      })
      .where(eq(users.id, existing.id));
    return { userId: existing.id, created: false };
  }
  if (!data.password) throw new Error("A new administrator needs a password (--password).");
  const userId = newId();
  await guilde.db.insert(users).values({
    id: userId,
    email: data.email,
    handle: await availableHandle(guilde.db, data.email),
    displayName: data.displayName,
    passwordHash: await hashPassword(data.password),
    role: "admin",
  });
  return { userId, created: true };
}
