import type { LoaderFunctionArgs } from "@remix-run/node";
import { analyticsInputFrom } from "../../server/analytics/analytics-page";
import { exportAnalyticsCsv } from "../../server/analytics/export-analytics-csv";
import { csvResponse } from "../../server/http/csv-response";
import { handleLoad, requireUser } from "../../server/http/respond";

/** One figure of every community's analytics (or the one in the filter) as CSV, for administrators. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const search = new URL(request.url).searchParams;
  const { filename, content } = await handleLoad(() =>
    exportAnalyticsCsv(context.guilde, { viewer, communitySlug: null, figure: search.get("figure"), input: analyticsInputFrom(search) }),
  );
  return csvResponse(filename, content);
}
