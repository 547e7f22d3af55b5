import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { analyticsPage } from "../../server/analytics/analytics-page";
import { handleLoad, requireUser } from "../../server/http/respond";
import { AnalyticsPageBody } from "~/components/analytics-report";
import { useT } from "~/i18n";
import { pageTitle } from "~/i18n/format";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("analytics.title"));

/** Every community's analytics, for administrators; to anyone else the page does not exist. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const page = await handleLoad(() => analyticsPage(context.guilde, { viewer, communitySlug: null, search: new URL(request.url).searchParams }));
  return data(page, { status: page.failure ? 400 : 200, headers: { "Cache-Control": "private, no-store" } });
}

export default function Analytics() {
  const page = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("analytics.title")}</h1>
      <AnalyticsPageBody page={page} csvPath="/analytics.csv" offerCommunities />
    </div>
  );
}
