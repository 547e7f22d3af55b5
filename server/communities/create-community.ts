import { and, count, eq } from "drizzle-orm";
import { newId } from "../../db/ids";
import { communities, communityMembers } from "../../db/schema";
import { recordAudit } from "../audit/record";
import type { Guilde } from "../context";
import { write } from "../events";
import { Forbidden, Invalid } from "../errors";
import { can, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { communitySchema, type CommunityInput } from "./schemas";

/** Whether the viewer may create communities: admins, and moderators of a community. */
export async function mayCreateCommunity(guilde: Guilde, { viewer }: { viewer: Viewer }): Promise<boolean> {
  const [{ moderated }] = await guilde.db
    .select({ moderated: count() })
    .from(communityMembers)
    .where(and(eq(communityMembers.userId, viewer?.id ?? ""), eq(communityMembers.role, "moderator"), eq(communityMembers.status, "active")));
  return can(viewer, { action: "community.create", viewerModeratesACommunity: moderated > 0 });
}

/** Creates a community; its creator becomes a moderator of it. */
export async function createCommunity(
  guilde: Guilde,
  { viewer, input }: { viewer: Viewer; input: Untrusted<CommunityInput> },
): Promise<{ communityId: string; slug: string }> {
  const data = parseInput(communitySchema, input);
  if (!viewer || !(await mayCreateCommunity(guilde, { viewer }))) throw new Forbidden();

  const communityId = newId();
  await write(guilde, async (tx, emit) => {
    const inserted = await tx
      .insert(communities)
      .values({ id: communityId, ...data, createdById: viewer.id })
      .onConflictDoNothing({ target: communities.slug })
      .returning({ id: communities.id });
    if (inserted.length === 0) throw new Invalid({ slug: ["errors.slugTaken"] });
    await tx.insert(communityMembers).values({ communityId, userId: viewer.id, role: "moderator" });
    emit({ type: "community.changed", communityId });
    await recordAudit(tx, { actorId: viewer.id, action: "community.create", targetKind: "community", targetId: communityId, communityId });
  });
  return { communityId, slug: data.slug };
}
