import { Link, useLocation } from "@remix-run/react";
import { useT } from "~/i18n";

/**
 * Keyset pagination: a "Next page" link carrying the service's `nextCursor` as `?cursor=`, and a way
 * back to the first page (a cursor cannot go backwards). Other query parameters (a tab) are kept.
 */
export function Pagination({ nextCursor }: { nextCursor: string | null }) {
  const t = useT();
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  params.delete("notice");
  const onLaterPage = params.has("cursor");
  if (!nextCursor && !onLaterPage) return null;
  const href = (cursor: string | null) => {
    const target = new URLSearchParams(params);
    if (cursor) target.set("cursor", cursor);
    else target.delete("cursor");
    const query = target.toString();
    return location.pathname + (query ? `?${query}` : "");
  };
  const linkClass = "inline-block rounded-md border border-slate-400 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-100";
  return (
    <nav aria-label={t("pagination.label")}>
      <ul className="flex flex-wrap gap-3">
        {onLaterPage ? (
          <li>
            <Link to={href(null)} className={linkClass}>
              {t("pagination.first")}
            </Link>
          </li>
        ) : null}
        {nextCursor ? (
          <li>
            <Link to={href(nextCursor)} rel="next" className={linkClass}>
              {t("pagination.next")}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
