import { like } from "drizzle-orm";
import type { Database, Transaction } from "../../db/client";
import { users } from "../../db/schema";

/** The @handle for a new account: the e-mail's local part, made unique with a number when taken. */
export async function availableHandle(db: Database | Transaction, email: string): Promise<string> {
  const base =
    email
      .split("@")[0]
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9._-]+/g, "")
      .replace(/^[._-]+|[._-]+$/g, "")
      .slice(0, 30) || "member";
  const taken = new Set(
    (await db.select({ handle: users.handle }).from(users).where(like(users.handle, `${base}%`))).map((row) => row.handle),
  );
  if (!taken.has(base) && base.length >= 2) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}
