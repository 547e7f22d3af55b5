import { eq } from "drizzle-orm";
import { users, type DigestFrequency } from "../../db/schema";
import type { Guilde } from "../context";
import { NotFound } from "../errors";
import type { Viewer } from "../policy";

/** The signed-in person's own digest setting, for their settings page (it is changed with the profile). */
export async function getDigestFrequency(guilde: Guilde, { viewer }: { viewer: Viewer }): Promise<DigestFrequency> {
  if (!viewer) throw new NotFound();
  const [row] = await guilde.db.select({ digestFrequency: users.digestFrequency }).from(users).where(eq(users.id, viewer.id));
  if (!row) throw new NotFound();
  return row.digestFrequency;
}
