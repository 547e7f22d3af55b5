import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { unreadCount } from "../server/notifications/list-notifications";
import { AppHeader } from "~/components/header";
import { useNonce } from "~/components/nonce";
import { unlessOnlyADisclosureOpened } from "~/components/on-demand-disclosure";
import { useLocale, useT } from "~/i18n";
import { resolveLocale } from "~/i18n/locale.server";
import { RealtimeProvider } from "~/realtime/socket";
import stylesheet from "~/tailwind.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export const meta: MetaFunction = () => [{ title: "Guilde" }];

// Opening an on-demand form (comment, flag, thanks) changes only the address: nothing to load again.
export const shouldRevalidate = unlessOnlyADisclosureOpened;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = context;
  return {
    locale: resolveLocale(request, user),
    user: user ? { id: user.id, displayName: user.displayName, role: user.role } : null,
    unreadCount: await unreadCount(context.guilde, { viewer: user }),
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export function useViewer() {
  return useRouteLoaderData<typeof loader>("root")?.user ?? null;
}

export function Layout({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const nonce = useNonce();
  return (
    <html lang={locale} className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-full bg-slate-50 text-slate-900 antialiased">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const viewer = useViewer();
  return (
    <RealtimeProvider userId={viewer?.id ?? null}>
      <Page>
        <Outlet />
      </Page>
    </RealtimeProvider>
  );
}

function Page({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("nav.skipToContent")}
      </a>
      <AppHeader />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl px-4 py-8 focus:outline-none">
        {children}
      </main>
      <footer className="mx-auto w-full max-w-5xl px-4 pb-8 text-sm text-slate-600">{t("app.tagline")}</footer>
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const forbidden = isRouteErrorResponse(error) && error.status === 403;
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <Page>
      <div className="mx-auto max-w-xl rounded-lg bg-white p-8 shadow-sm ring-1 ring-slate-200">
        <h1 className="text-2xl font-bold">{notFound ? t("errors.notFoundTitle") : t("errors.title")}</h1>
        <p className="mt-3 text-slate-700">
          {notFound ? t("errors.notFound") : forbidden ? t("errors.forbidden") : t("errors.serverError")}
        </p>
        <a href="/" className="mt-6 inline-block font-semibold text-brand-700 underline">
          {t("errors.goHome")}
        </a>
      </div>
    </Page>
  );
}
