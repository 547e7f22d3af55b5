import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { auditActionFamilies, listCommunityAudit } from "../../server/audit/list-audit";
import { handleLoad, requireUser } from "../../server/http/respond";
import { AuditLog } from "~/components/audit-log";
import type { CommunityRouteHandle } from "~/components/community-header";
import { useT } from "~/i18n";

export const handle: CommunityRouteHandle = { ownHeading: true };

/** The community's own log, for its moderators; to anyone else the page does not exist. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const search = new URL(request.url).searchParams;
  const input = Object.fromEntries(["action", "actor", "target", "from", "to"].map((name) => [name, search.get(name) ?? ""]));
  const { filters, page } = await handleLoad(() =>
    listCommunityAudit(context.guilde, { viewer, slug: params.slug ?? "", input, cursor: search.get("cursor") }),
  );
  const asText = (date: Date | "") => (date ? date.toISOString().slice(0, 10) : "");
  return {
    page,
    filters: { action: filters.action, actor: filters.actor, target: filters.target, from: asText(filters.from), to: asText(filters.to) },
    families: auditActionFamilies,
  };
}

export default function CommunityAudit() {
  const { page, filters, families } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("audit.communityTitle")}</h1>
      <AuditLog entries={page.items} nextCursor={page.nextCursor} filters={filters} families={families} showCommunity={false} />
    </div>
  );
}
