import { z } from "zod";
import type { Guilde } from "../context";
import type { Figures } from "../barometers/summarise";
import { NotFound } from "../errors";
import type { Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { toCsv, type CsvCell } from "./csv";
import { getAnalytics, type AnalyticsReport } from "./get-analytics";
import type { ResponseTimeRow } from "./response-times";
import type { AnalyticsInput } from "./schemas";

export const analyticsFigures = ["weekly", "communities", "sites", "matrix", "unanswered", "monitors", "ideas", "adoption", "tutorials", "barometer"] as const;
export type AnalyticsFigure = (typeof analyticsFigures)[number];

const figureSchema = z.enum(analyticsFigures, "errors.invalidChoice");

const timingHeader = ["questions", "answered", "accepted", "cross_site", "first_answer_median_hours", "first_answer_p90_hours", "accepted_median_hours", "accepted_p90_hours"];
const rounded = (hours: number | null) => (hours === null ? null : Math.round(hours * 100) / 100);
const timingCells = (row: ResponseTimeRow): CsvCell[] => [
  row.questions,
  row.answered,
  row.accepted,
  row.crossSite,
  rounded(row.firstAnswerMedianHours),
  rounded(row.firstAnswerP90Hours),
  rounded(row.acceptedMedianHours),
  rounded(row.acceptedP90Hours),
];

/** Each figure of the analytics page as a header and its rows, from the same report the page draws. */
function figureTable(report: AnalyticsReport, figure: AnalyticsFigure): { header: string[]; rows: CsvCell[][] } {
  const siteName = new Map(report.sites.map((site) => [site.id, site.name]));
  const communityName = new Map(report.communities.map((community) => [community.id, community.name]));
  const nameOfSite = (id: string | null) => (id === null ? null : (siteName.get(id) ?? id));
  switch (figure) {
    case "weekly":
      return { header: ["week", ...timingHeader], rows: report.responseTimes.byWeek.map((row) => [row.key, ...timingCells(row)]) };
    case "communities":
      return {
        header: ["community", ...timingHeader],
        rows: report.responseTimes.byCommunity.map((row) => [row.key === null ? null : (communityName.get(row.key) ?? row.key), ...timingCells(row)]),
      };
    case "sites":
      return { header: ["site", ...timingHeader], rows: report.responseTimes.bySite.map((row) => [nameOfSite(row.key), ...timingCells(row)]) };
    case "matrix":
      return {
        header: ["answerer_site", "asker_site", "answers", "accepted"],
        rows: report.matrix.map((cell) => [nameOfSite(cell.answererSiteId), nameOfSite(cell.askerSiteId), cell.answers, cell.accepted]),
      };
    case "unanswered":
      return {
        header: ["question_id", "title", "community", "asked_at"],
        rows: report.unanswered.oldest.map((question) => [question.id, question.title, question.communityName, question.askedAt]),
      };
    case "monitors":
      return {
        header: ["monitor", "site", "answers", "accepted", "people_helped", "sites_helped"],
        rows: report.monitors.map((monitor) => [monitor.displayName, monitor.siteName, monitor.answers, monitor.accepted, monitor.peopleHelped, monitor.sitesHelped]),
      };
    case "ideas":
      return {
        header: ["stage", "reached", "current"],
        rows: [...report.ideas.stages.map((stage): CsvCell[] => [stage.stage, stage.reached, stage.current]), ["declined", null, report.ideas.declined]],
      };
    case "adoption":
      return { header: ["site", "adoptions"], rows: report.ideas.adoptionBySite.map((row) => [row.siteName, row.adoptions]) };
    case "tutorials":
      return {
        header: ["tutorial_id", "title", "views_in_range", "helped_in_range", "helped_total"],
        rows: report.tutorials.top.map((row) => [row.id, row.title, row.viewsInRange, row.helpedInRange, row.helpedTotal]),
      };
    case "barometer": {
      // A site under the privacy threshold is a row without figures, as on the page.
      const figureCells = (figures: Figures | null): CsvCell[] => [figures?.answers ?? null, figures?.score ?? null];
      return {
        header: ["round", "opened_on", "site", "answers", "recommendation_score"],
        rows: (report.barometers?.rounds ?? []).flatMap((round) => [
          [round.title, round.opensOn, "(all sites)", ...figureCells(round.overall)],
          ...round.sites.map((row): CsvCell[] => [round.title, round.opensOn, nameOfSite(row.siteId), ...figureCells(row.figures)]),
          ...(round.otherSites ? [[round.title, round.opensOn, "(other sites)", ...figureCells(round.otherSites)]] : []),
        ]),
      };
    }
  }
}

/**
 * One figure of the analytics page as a CSV file, with the page's filters and the page's policy (whoever
 * may not see the page is told the file does not exist).
 */
export async function exportAnalyticsCsv(
  guilde: Guilde,
  { viewer, communitySlug, figure, input, now }: { viewer: Viewer; communitySlug: string | null; figure: unknown; input: Untrusted<AnalyticsInput>; now?: Date },
) {
  const report = await getAnalytics(guilde, { viewer, communitySlug, input, now });
  const chosen = parseInput(z.object({ figure: figureSchema }), { figure }).figure;
  if (chosen === "barometer" && report.barometers === null) throw new NotFound();
  const { header, rows } = figureTable(report, chosen);
  const scope = report.community?.slug ?? "all";
  return { filename: `guilde-${scope}-${chosen}-${report.filters.from}-${report.filters.to}.csv`, content: toCsv(header, rows) };
}
