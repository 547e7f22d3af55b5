import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

export interface TabItem {
  href: string;
  label: ReactNode;
  current: boolean;
}

/**
 * Tabs that are plain links (each a page of its own, so they work without JavaScript and can be
 * bookmarked), the current one marked with aria-current="page".
 */
export function Tabs({ label, items, size = "large" }: { label: string; items: TabItem[]; size?: "large" | "small" }) {
  const large = size === "large";
  return (
    <nav aria-label={label}>
      <ul className={large ? "flex flex-wrap gap-x-1 border-b border-slate-300" : "flex flex-wrap gap-2"}>
        {items.map((item) => (
          <li key={item.href}>
            <Link
              to={item.href}
              preventScrollReset
              aria-current={item.current ? "page" : undefined}
              className={
                large
                  ? `-mb-px block border-b-4 px-3 py-2 font-medium ${item.current ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900"}`
                  : `block rounded-full px-3 py-1 text-sm font-medium ring-1 ring-inset ${item.current ? "bg-brand-700 text-white ring-brand-700" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-100"}`
              }
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
