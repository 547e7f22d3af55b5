import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { auditActionFamilies, listSiteAudit } from "../../server/audit/list-audit";
import { handleLoad, requireUser } from "../../server/http/respond";
import { AuditLog } from "~/components/audit-log";
import { useT } from "~/i18n";
import { pageTitle } from "~/i18n/format";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("audit.title"));

/** Every moderation and administration action, for administrators; to anyone else the page does not exist. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const search = new URL(request.url).searchParams;
  const input = Object.fromEntries(["action", "actor", "target", "from", "to"].map((name) => [name, search.get(name) ?? ""]));
  const community = search.get("community") ?? "";
  const { filters, page } = await handleLoad(() =>
    listSiteAudit(context.guilde, { viewer, input, community: community || null, cursor: search.get("cursor") }),
  );
  const asText = (date: Date | "") => (date ? date.toISOString().slice(0, 10) : "");
  return {
    page,
    filters: { action: filters.action, actor: filters.actor, target: filters.target, from: asText(filters.from), to: asText(filters.to), community },
    families: auditActionFamilies,
  };
}

export default function SiteAudit() {
  const { page, filters, families } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold">{t("audit.title")}</h1>
        <p className="mt-2 max-w-prose text-slate-700">{t("audit.intro")}</p>
      </header>
      <AuditLog entries={page.items} nextCursor={page.nextCursor} filters={filters} families={families} showCommunity />
    </div>
  );
}
