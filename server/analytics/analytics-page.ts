import type { Guilde } from "../context";
import { Invalid } from "../errors";
import type { FormFailure } from "../http/respond";
import type { Viewer } from "../policy";
import { getAnalytics, type AnalyticsReport } from "./get-analytics";
import { getAnalyticsOptions, type AnalyticsOptions } from "./get-analytics-options";

/** The analytics page's GET form fields, read from the query string. */
export const analyticsFilterNames = ["from", "to", "site", "community", "olderThanDays"] as const;

export function analyticsInputFrom(search: URLSearchParams): Record<string, string> {
  return Object.fromEntries(analyticsFilterNames.map((name) => [name, search.get(name) ?? ""]));
}

export type AnalyticsPage =
  | { report: AnalyticsReport; options: null; failure: null }
  | { report: null; options: AnalyticsOptions; failure: FormFailure };

/**
 * The report for the page's filters or, when a filter is wrong, the form again with its errors and the
 * choices it offers: bad filters are the viewer's to fix, never an error page. Anyone who may not see the
 * analytics is still told the page does not exist.
 */
export async function analyticsPage(guilde: Guilde, { viewer, communitySlug, search, now }: { viewer: Viewer; communitySlug: string | null; search: URLSearchParams; now?: Date }): Promise<AnalyticsPage> {
  const input = analyticsInputFrom(search);
  try {
    return { report: await getAnalytics(guilde, { viewer, communitySlug, input, now }), options: null, failure: null };
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    const options = await getAnalyticsOptions(guilde, { viewer, communitySlug });
    return { report: null, options, failure: { ok: false, message: "analytics.invalid", fieldErrors: error.fieldErrors, values: input } };
  }
}
