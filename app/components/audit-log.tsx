import { Form } from "@remix-run/react";
import { formatDate, useLocale, useT } from "~/i18n";
import { EmptyState } from "./empty-state";
import { buttonClass, inputClass, secondaryButtonClass } from "./forms";
import { Pagination } from "./pagination";
import { PersonLink } from "./person-link";

export interface AuditRow {
  id: string;
  at: Date | string;
  actor: { id: string; displayName: string } | null;
  action: string;
  targetKind: string;
  targetId: string;
  targetHref: string | null;
  community: { slug: string; name: string } | null;
  reason: string | null;
  details: Record<string, unknown>;
}

export interface AuditFilters {
  action: string;
  actor: string;
  target: string;
  from: string;
  to: string;
  community?: string;
}

/**
 * The audit log as a table, newest first, with its filters (a GET form, so a filtered view can be
 * bookmarked). Read-only: nothing on it changes an entry.
 */
export function AuditLog({
  entries,
  nextCursor,
  filters,
  families,
  showCommunity,
}: {
  entries: AuditRow[];
  nextCursor: string | null;
  filters: AuditFilters;
  families: readonly string[];
  showCommunity: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-6">
      <Form method="get" className="grid gap-4 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:grid-cols-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-action" className="font-medium text-slate-800">
            {t("audit.filter.action")}
          </label>
          <select id="audit-action" name="action" defaultValue={filters.action} className={inputClass}>
            <option value="">{t("audit.filter.anyAction")}</option>
            {families.map((family) => (
              <option key={family} value={`${family}.`}>
                {family}.*
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-actor" className="font-medium text-slate-800">
            {t("audit.filter.actor")}
          </label>
          <input id="audit-actor" name="actor" defaultValue={filters.actor} maxLength={80} className={inputClass} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-target" className="font-medium text-slate-800">
            {t("audit.filter.target")}
          </label>
          <input id="audit-target" name="target" defaultValue={filters.target} maxLength={64} className={inputClass} />
        </div>
        {showCommunity ? (
          <div className="flex flex-col gap-1">
            <label htmlFor="audit-community" className="font-medium text-slate-800">
              {t("audit.filter.community")}
            </label>
            <input id="audit-community" name="community" defaultValue={filters.community ?? ""} maxLength={60} className={inputClass} />
          </div>
        ) : null}
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-from" className="font-medium text-slate-800">
            {t("audit.filter.from")}
          </label>
          <input id="audit-from" name="from" type="date" defaultValue={filters.from} className={inputClass} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-to" className="font-medium text-slate-800">
            {t("audit.filter.to")}
          </label>
          <input id="audit-to" name="to" type="date" defaultValue={filters.to} className={inputClass} />
        </div>
        <div className="flex flex-wrap items-end gap-2 sm:col-span-3">
          <button type="submit" className={buttonClass}>
            {t("audit.filter.apply")}
          </button>
          <a href="?" className={secondaryButtonClass}>
            {t("audit.filter.clear")}
          </a>
        </div>
      </Form>
      {entries.length === 0 ? (
        <EmptyState>{t("audit.empty")}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("audit.title")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2">{t("audit.when")}</th>
                <th scope="col" className="px-3 py-2">{t("audit.who")}</th>
                <th scope="col" className="px-3 py-2">{t("audit.what")}</th>
                <th scope="col" className="px-3 py-2">{t("audit.onWhat")}</th>
                {showCommunity ? <th scope="col" className="px-3 py-2">{t("audit.community")}</th> : null}
                <th scope="col" className="px-3 py-2">{t("audit.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} className="border-t border-slate-200 align-top">
                  <td className="whitespace-nowrap px-3 py-2">
                    <time dateTime={new Date(entry.at).toISOString()}>
                      {formatDate(locale, entry.at, "medium")} {new Date(entry.at).toISOString().slice(11, 16)} UTC
                    </time>
                  </td>
                  <td className="px-3 py-2">{entry.actor ? <PersonLink person={entry.actor} /> : t("audit.unknownActor")}</td>
                  <td className="px-3 py-2 font-mono">{entry.action}</td>
                  <td className="px-3 py-2">
                    {entry.targetHref ? (
                      <a href={entry.targetHref} className="text-brand-700 underline underline-offset-2">
                        {entry.targetKind} {entry.targetId}
                      </a>
                    ) : (
                      <span>
                        {entry.targetKind} {entry.targetId}
                      </span>
                    )}
                  </td>
                  {showCommunity ? (
                    <td className="px-3 py-2">
                      {entry.community ? (
                        <a href={`/c/${entry.community.slug}`} className="text-brand-700 underline underline-offset-2">
                          {entry.community.name}
                        </a>
                      ) : (
                        "—"
                      )}
                    </td>
                  ) : null}
                  <td className="px-3 py-2">
                    {entry.reason ?? ""}
                    {Object.keys(entry.details).length ? (
                      <span className="block break-all font-mono text-xs text-slate-600">{JSON.stringify(entry.details)}</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination nextCursor={nextCursor} />
    </div>
  );
}
