import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import type { Guilde } from "../context";
import { NotFound } from "../errors";
import { can, type Viewer } from "../policy";

/** The person behind an @handle (mentions link to it), for a viewer who may see their profile. */
export async function findUserByHandle(guilde: Guilde, { viewer, handle }: { viewer: Viewer; handle: string }): Promise<{ id: string }> {
  const [row] = await guilde.db
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(eq(users.handle, handle.toLowerCase().slice(0, 100)));
  if (!row || !can(viewer, { action: "profile.view", profile: row })) throw new NotFound();
  return { id: row.id };
}
