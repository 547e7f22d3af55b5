import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useParams } from "@remix-run/react";
import { analyticsPage } from "../../server/analytics/analytics-page";
import { handleLoad, requireUser } from "../../server/http/respond";
import { AnalyticsPageBody } from "~/components/analytics-report";
import type { CommunityRouteHandle } from "~/components/community-header";
import { useT } from "~/i18n";

export const handle: CommunityRouteHandle = { ownHeading: true };

/** The community's analytics, for its moderators and administrators; to anyone else the page does not exist. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const page = await handleLoad(() => analyticsPage(context.guilde, { viewer, communitySlug: params.slug ?? "", search: new URL(request.url).searchParams }));
  return data(page, { status: page.failure ? 400 : 200, headers: { "Cache-Control": "private, no-store" } });
}

export default function CommunityAnalytics() {
  const page = useLoaderData<typeof loader>();
  const t = useT();
  const slug = useParams().slug ?? "";
  const name = page.report?.community?.name ?? page.options?.community?.name ?? "";
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("analytics.communityTitle", { community: name })}</h1>
      <AnalyticsPageBody page={page} csvPath={`/c/${slug}/analytics.csv`} offerCommunities={false} />
    </div>
  );
}
