import { Form, NavLink, useLocation } from "@remix-run/react";
import { useRouteLoaderData } from "@remix-run/react";
import { locales, useLocale, useT, type MessageKey } from "~/i18n";
import { useCountText } from "~/i18n/format";
import { useSearchShortcut } from "./search-shortcut";
import { useLiveUnreadCount } from "~/realtime/live";

interface RootUser {
  id: string;
  displayName: string;
  role: "admin" | "employee" | "customer";
}

const navItems = [
  { to: "/", label: "nav.home" },
  { to: "/communities", label: "nav.communities" },
  { to: "/ideas", label: "nav.ideas" },
  { to: "/search", label: "nav.search" },
] as const;

export function AppHeader() {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const root = useRouteLoaderData<{ user: RootUser | null; unreadCount: number }>("root");
  const user = root?.user ?? null;
  const unread = useLiveUnreadCount(root);
  useSearchShortcut("header-search");
  const here = location.pathname + location.search;

  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
        <a href="/" className="text-xl font-bold text-brand-700">
          {t("app.name")}
        </a>
        <nav aria-label={t("nav.main")} className="order-3 w-full sm:order-none sm:w-auto">
          <ul className="flex flex-wrap gap-1">
            {navItems.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  end={item.to === "/"}
                  className={({ isActive }) =>
                    `block rounded-md px-3 py-2 text-sm font-medium ${isActive ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100"}`
                  }
                >
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="order-4 w-full sm:order-none sm:ml-auto sm:w-64">
          <form method="get" action="/search" role="search">
            <label htmlFor="header-search" className="sr-only">
              {t("search.label")}
            </label>
            <input
              id="header-search"
              name="q"
              type="search"
              placeholder={t("search.placeholder")}
              aria-keyshortcuts="/"
              title={t("search.shortcut")}
              className="w-full rounded-md border border-slate-400 px-3 py-1.5 text-sm"
            />
          </form>
        </div>
        <div className="ml-auto flex items-center gap-3 sm:ml-0">
          <Form method="post" action="/locale" className="flex items-center gap-1">
            <input type="hidden" name="redirectTo" value={here} />
            <label htmlFor="locale-switch" className="sr-only">
              {t("locale.label")}
            </label>
            <select
              id="locale-switch"
              name="locale"
              defaultValue={locale}
              key={locale}
              className="rounded-md border border-slate-400 bg-white px-2 py-1 text-sm"
            >
              {locales.map((option) => (
                <option key={option} value={option} lang={option}>
                  {t(`locale.${option}`)}
                </option>
              ))}
            </select>
            <button type="submit" className="rounded-md border border-slate-400 px-2 py-1 text-sm hover:bg-slate-100">
              {t("locale.switch")}
            </button>
          </Form>
          {user ? <NotificationsLink unread={unread} /> : null}
          {user ? <AccountMenu user={user} /> : <SignInLinks />}
        </div>
      </div>
    </header>
  );
}

function SignInLinks() {
  const t = useT();
  return (
    <div className="flex gap-2 text-sm">
      <a href="/signin" className="rounded-md px-3 py-1.5 font-medium text-brand-700 hover:bg-brand-50">
        {t("account.signIn")}
      </a>
      <a href="/signup" className="rounded-md bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800">
        {t("account.signUp")}
      </a>
    </div>
  );
}

function NotificationsLink({ unread }: { unread: number }) {
  const t = useT();
  const countText = useCountText();
  const label = unread > 99 ? t("notifications.bellUnreadMany") : unread ? countText("notifications.bellUnread", unread) : t("notifications.bell");
  return (
    <NavLink
      to="/notifications"
      aria-label={label}
      title={label}
      className={({ isActive }) =>
        `relative inline-flex items-center rounded-md p-2 ${isActive ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100"}`
      }
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread ? (
        <span aria-hidden="true" className="absolute -right-1 -top-1 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-bold leading-5 text-white">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </NavLink>
  );
}

/** A <details> menu: it opens without JavaScript and is reachable by keyboard. */
/** The account menu's entries for administrators. */
const adminLinks: [string, MessageKey][] = [
  ["/admin/sites", "admin.sites"],
  ["/admin/customers", "admin.customers"],
  ["/admin/audit", "admin.audit"],
  ["/admin/barometers", "admin.barometers"],
  ["/analytics", "analytics.title"],
  ["/admin/mail", "mail.title"],
];

function AccountMenu({ user }: { user: RootUser }) {
  const t = useT();
  return (
    <details className="relative">
      <summary
        aria-label={`${t("account.menu")}: ${user.displayName}`}
        className="cursor-pointer list-none rounded-md px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100"
      >
        {user.displayName}
      </summary>
      <ul className="absolute right-0 z-10 mt-2 w-56 rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg">
        <li>
          <a href={`/users/${user.id}`} className="block px-4 py-2 hover:bg-slate-100">
            {t("account.profile")}
          </a>
        </li>
        <li>
          <a href="/settings" className="block px-4 py-2 hover:bg-slate-100">
            {t("account.settings")}
          </a>
        </li>
        {user.role === "admin"
          ? adminLinks.map(([href, label]) => (
              <li key={href}>
                <a href={href} className="block px-4 py-2 hover:bg-slate-100">
                  {t(label)}
                </a>
              </li>
            ))
          : null}
        <li>
          <Form method="post" action="/signout">
            <button type="submit" className="block w-full px-4 py-2 text-left hover:bg-slate-100">
              {t("account.signOut")}
            </button>
          </Form>
        </li>
      </ul>
    </details>
  );
}
