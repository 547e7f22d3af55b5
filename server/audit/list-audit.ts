import { and, desc, eq, gte, ilike, like, lt, sql, type SQL } from "drizzle-orm";
import { isLinkedPostKind, postPath, replyPath } from "../../app/links";
import { auditLog, communities, users } from "../../db/schema";
import { loadCommunity } from "../communities/access";
import type { Guilde } from "../context";
import { NotFound } from "../errors";
import { decodeCursor, toPage, type Page } from "../pagination";
import { can, ensureCan, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import type { AuditTargetKind } from "./record";
import { auditFilterSchema, type AuditFilterInput } from "./schemas";

export interface AuditEntryView {
  id: string;
  at: Date;
  actor: { id: string; displayName: string } | null;
  action: string;
  targetKind: AuditTargetKind;
  targetId: string;
  /** Where the target can be looked at (its page applies the policy again), when it has a page. */
  targetHref: string | null;
  community: { slug: string; name: string } | null;
  reason: string | null;
  details: Record<string, unknown>;
}

/** The families of actions the filter offers (an action is `family.verb`). */
export const auditActionFamilies = ["question", "idea", "tutorial", "answer", "comment", "flags", "community", "member", "moderator", "monitor", "invitation", "user", "customer", "site"] as const;

type AuditFilters = ReturnType<typeof auditFilterSchema.parse>;

/** Every community's log, for administrators; `community` (an address) narrows it to one. */
export async function listSiteAudit(
  guilde: Guilde,
  { viewer, input, community, cursor }: { viewer: Viewer; input: Untrusted<AuditFilterInput>; community?: string | null; cursor?: string | null },
) {
  ensureCan(viewer, { action: "audit.view" }, "hide");
  const filters = parseInput(auditFilterSchema, input);
  let communityId: string | null = null;
  if (community) {
    const [found] = await guilde.db.select({ id: communities.id }).from(communities).where(eq(communities.slug, community.slice(0, 60)));
    if (!found) throw new NotFound();
    communityId = found.id;
  }
  return { filters, page: await auditPage(guilde, filters, communityId ? eq(auditLog.communityId, communityId) : undefined, cursor) };
}

/** One community's log, for its moderators (and administrators). */
export async function listCommunityAudit(
  guilde: Guilde,
  { viewer, slug, input, cursor }: { viewer: Viewer; slug: string; input: Untrusted<AuditFilterInput>; cursor?: string | null },
) {
  const loaded = await loadCommunity(guilde.db, viewer, { slug });
  if (!loaded || !can(viewer, { action: "community.viewAudit", community: loaded.access })) throw new NotFound();
  const filters = parseInput(auditFilterSchema, input);
  return { filters, page: await auditPage(guilde, filters, eq(auditLog.communityId, loaded.community.id), cursor) };
}

/** `%` and `_` typed in a filter are searched as such. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

async function auditPage(guilde: Guilde, filters: AuditFilters, scope: SQL | undefined, cursor: string | null | undefined, limit = 50): Promise<Page<AuditEntryView>> {
  const after = decodeCursor(cursor);
  const rows = await guilde.db
    .select({
      entry: auditLog,
      actorName: users.displayName,
      communitySlug: communities.slug,
      communityName: communities.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .leftJoin(communities, eq(communities.id, auditLog.communityId))
    .where(
      and(
        scope,
        filters.action ? like(auditLog.action, `${escapeLike(filters.action)}%`) : undefined,
        filters.actor ? ilike(users.displayName, `%${escapeLike(filters.actor)}%`) : undefined,
        filters.target ? eq(auditLog.targetId, filters.target) : undefined,
        filters.from ? gte(auditLog.createdAt, filters.from) : undefined,
        filters.to ? lt(auditLog.createdAt, new Date(filters.to.getTime() + 24 * 60 * 60 * 1000)) : undefined,
        after ? sql`(${auditLog.createdAt}, ${auditLog.id}) < (${after[0]}::timestamptz, ${after[1]})` : undefined,
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (row) => [row.entry.createdAt.toISOString(), row.entry.id],
    ({ entry, actorName, communitySlug, communityName }) => ({
      id: entry.id,
      at: entry.createdAt,
      actor: entry.actorId && actorName ? { id: entry.actorId, displayName: actorName } : null,
      action: entry.action,
      targetKind: entry.targetKind as AuditTargetKind,
      targetId: entry.targetId,
      targetHref: targetHref(entry.targetKind as AuditTargetKind, entry.targetId, entry.details, communitySlug),
      community: communitySlug && communityName ? { slug: communitySlug, name: communityName } : null,
      reason: entry.reason,
      details: entry.details,
    }),
  );
}

function targetHref(kind: AuditTargetKind, id: string, details: Record<string, unknown>, communitySlug: string | null): string | null {
  switch (kind) {
    case "question":
    case "idea":
    case "tutorial":
      return postPath(kind, id);
    case "answer":
    case "comment":
      // Replies on questions name their question; on ideas and tutorials, their post's kind and id.
      if (typeof details.questionId === "string") return replyPath({ kind: "question", id: details.questionId }, { kind, id });
      if (isLinkedPostKind(details.postKind) && typeof details.postId === "string") return replyPath({ kind: details.postKind, id: details.postId }, { kind, id });
      return `/revisions/${id}`;
    case "community":
      return communitySlug ? `/c/${communitySlug}` : null;
    case "member":
    case "user":
      return `/users/${id}`;
    case "site":
      return "/admin/sites";
    case "invitation":
      return null;
    case "barometer":
      return `/admin/barometers/${id}`;
  }
}
