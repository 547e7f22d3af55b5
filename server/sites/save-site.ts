import { eq } from "drizzle-orm";
import { newId } from "../../db/ids";
import { sites } from "../../db/schema";
import { recordAudit } from "../audit/record";
import type { Guilde } from "../context";
import { Conflict, NotFound } from "../errors";
import { ensureCan, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { siteSchema, type SiteInput } from "./schemas";

/** Creates a site, or renames/moves one when `siteId` is given. Admins only. */
export async function saveSite(
  guilde: Guilde,
  { viewer, siteId, input }: { viewer: Viewer; siteId?: string; input: Untrusted<SiteInput> },
): Promise<{ siteId: string }> {
  const data = parseInput(siteSchema, input);
  ensureCan(viewer, { action: "site.manage" });
  return guilde.db.transaction(async (tx) => {
    const [sameName] = await tx.select({ id: sites.id }).from(sites).where(eq(sites.name, data.name));
    if (sameName && sameName.id !== siteId) throw new Conflict("errors.siteNameTaken", { name: ["errors.siteNameTaken"] });
    if (!siteId) {
      const id = newId();
      await tx.insert(sites).values({ id, ...data });
      await recordAudit(tx, { actorId: viewer.id, action: "site.create", targetKind: "site", targetId: id, details: data });
      return { siteId: id };
    }
    const updated = await tx.update(sites).set(data).where(eq(sites.id, siteId)).returning({ id: sites.id });
    if (updated.length === 0) throw new NotFound();
    await recordAudit(tx, { actorId: viewer.id, action: "site.update", targetKind: "site", targetId: siteId, details: data });
    return { siteId };
  });
}
