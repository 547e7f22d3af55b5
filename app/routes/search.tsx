import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "../../server/http/respond";
import { useT } from "~/i18n";

export const meta: MetaFunction = () => [{ title: "Search · Guilde" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context.user);
  return { query: new URL(request.url).searchParams.get("q")?.slice(0, 200) ?? "" };
}

export default function Search() {
  const { query } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("nav.search")}</h1>
      <form method="get" role="search" className="flex gap-2">
        <label htmlFor="search-page-q" className="sr-only">{t("search.label")}</label>
        <input id="search-page-q" name="q" type="search" defaultValue={query} className="w-full max-w-lg rounded-md border border-slate-400 px-3 py-2" />
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">{t("search.submit")}</button>
      </form>
      <p className="text-slate-700">{t("search.unavailable")}</p>
    </section>
  );
}
