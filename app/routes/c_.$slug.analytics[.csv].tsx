import type { LoaderFunctionArgs } from "@remix-run/node";
import { analyticsInputFrom } from "../../server/analytics/analytics-page";
import { exportAnalyticsCsv } from "../../server/analytics/export-analytics-csv";
import { csvResponse } from "../../server/http/csv-response";
import { handleLoad, requireUser } from "../../server/http/respond";

/** One figure of the community's analytics as CSV, for its moderators and administrators. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const search = new URL(request.url).searchParams;
  const { filename, content } = await handleLoad(() =>
    exportAnalyticsCsv(context.guilde, { viewer, communitySlug: params.slug ?? "", figure: search.get("figure"), input: analyticsInputFrom(search) }),
  );
  return csvResponse(filename, content);
}
