import type { ReactNode } from "react";
import { formatDate, useLocale, useT, type MessageKey, type Translate } from "~/i18n";
import { BarChart, LineChart, type ChartDatum } from "./charts";
import { EmptyState } from "./empty-state";
import { buttonClass, Field, FormMessage, inputClass, type FormFailureData } from "./forms";

export interface AnalyticsFiltersData {
  from: string;
  to: string;
  site: string;
  community: string;
  olderThanDays: number | string;
}

interface Named {
  id: string;
  name: string;
}

export interface ResponseTimeRowData {
  key: string | null;
  questions: number;
  answered: number;
  accepted: number;
  crossSite: number;
  firstAnswerMedianHours: number | null;
  firstAnswerP90Hours: number | null;
  acceptedMedianHours: number | null;
  acceptedP90Hours: number | null;
}

interface ScoreData {
  answers: number;
  score: number;
}

export interface BarometerTrendRoundData {
  id: string;
  title: string;
  opensOn: string;
  overall: ScoreData | null;
  sites: { siteId: string | null; figures: ScoreData | null }[];
  otherSites: ScoreData | null;
}

/** The analytics report as the loader sends it (see server/analytics/get-analytics.ts). */
export interface AnalyticsReportData {
  filters: AnalyticsFiltersData;
  community: { id: string; slug: string; name: string } | null;
  sites: Named[];
  communities: (Named & { slug: string })[];
  responseTimes: { overall: ResponseTimeRowData; byCommunity: ResponseTimeRowData[]; bySite: ResponseTimeRowData[]; byWeek: ResponseTimeRowData[] };
  matrix: { answererSiteId: string | null; askerSiteId: string | null; answers: number; accepted: number }[];
  unanswered: { total: number; oldest: { id: string; title: string; communityName: string; askedAt: string }[] };
  monitors: { userId: string; displayName: string; siteName: string | null; answers: number; accepted: number; peopleHelped: number; sitesHelped: number }[];
  ideas: { stages: { stage: string; reached: number; current: number }[]; declined: number; adoptionBySite: { siteId: string; siteName: string; adoptions: number }[] };
  tutorials: { published: number; viewsInRange: number; helpedInRange: number; top: { id: string; title: string; viewsInRange: number; helpedInRange: number; helpedTotal: number }[] };
  barometers: { threshold: number; rounds: BarometerTrendRoundData[] } | null;
  queryMs: number;
}

const cell = "px-3 py-2";
const numberCell = "px-3 py-2 text-right tabular-nums";

const hoursText = (t: Translate, hours: number | null) => (hours === null ? t("analytics.noValue") : t("analytics.hours", { value: Math.round(hours * 10) / 10 }));

/** The filters as a plain GET form: a filtered view is a link, and works without JavaScript. */
export function AnalyticsFilterForm({
  filters,
  sites,
  communities,
  failure,
}: {
  filters: AnalyticsFiltersData;
  sites: Named[];
  /** Offered to administrators on the all-communities page only. */
  communities: (Named & { slug: string })[] | null;
  failure?: FormFailureData;
}) {
  const t = useT();
  return (
    <form method="get" aria-labelledby="analytics-filters" className="flex flex-col gap-4 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id="analytics-filters" className="text-lg font-semibold">
        {t("analytics.filters")}
      </h2>
      <FormMessage failure={failure} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="from" label="analytics.filter.from" failure={failure}>
          {(props) => <input {...props} type="date" defaultValue={props.defaultValue ?? filters.from} className={inputClass} />}
        </Field>
        <Field name="to" label="analytics.filter.to" failure={failure}>
          {(props) => <input {...props} type="date" defaultValue={props.defaultValue ?? filters.to} className={inputClass} />}
        </Field>
        <Field name="olderThanDays" label="analytics.filter.olderThanDays" failure={failure}>
          {(props) => (
            <input {...props} type="number" min={1} max={365} defaultValue={props.defaultValue ?? String(filters.olderThanDays)} className={inputClass} />
          )}
        </Field>
        <Field name="site" label="analytics.filter.site" failure={failure}>
          {(props) => (
            <select {...props} defaultValue={props.defaultValue ?? filters.site} className={inputClass}>
              <option value="">{t("analytics.filter.anySite")}</option>
              {sites.map((site) => (
                <option key={site.id} value={site.id}>
                  {site.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {communities ? (
          <Field name="community" label="analytics.filter.community" failure={failure}>
            {(props) => (
              <select {...props} defaultValue={props.defaultValue ?? filters.community} className={inputClass}>
                <option value="">{t("analytics.filter.anyCommunity")}</option>
                {communities.map((community) => (
                  <option key={community.id} value={community.slug}>
                    {community.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
      </div>
      <div>
        <button type="submit" className={buttonClass}>
          {t("analytics.filter.submit")}
        </button>
      </div>
    </form>
  );
}

function Figure({ heading, id, csvHref, children }: { heading: string; id: string; csvHref: string; children: ReactNode }) {
  const t = useT();
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold">
          {heading}
        </h2>
        <a href={csvHref} className="text-sm text-brand-700 underline underline-offset-2" download>
          {t("analytics.csv", { figure: heading })}
        </a>
      </div>
      {children}
    </section>
  );
}

function DataTable({ caption, columns, rows }: { caption: string; columns: MessageKey[]; rows: { key: string; cells: ReactNode[] }[] }) {
  const t = useT();
  return (
    // A wide table scrolls on its own: it takes focus so that the keyboard can scroll it too.
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100">
          <tr>
            {columns.map((column, index) => (
              <th key={column} scope="col" className={index === 0 ? cell : numberCell}>
                {t(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-t border-slate-200">
              {row.cells.map((content, index) =>
                index === 0 ? (
                  <th key={index} scope="row" className={`${cell} font-normal`}>
                    {content}
                  </th>
                ) : (
                  <td key={index} className={numberCell}>
                    {content}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const timingColumns: MessageKey[] = ["analytics.column.questions", "analytics.column.answered", "analytics.column.crossSite", "analytics.column.firstAnswerMedian", "analytics.column.firstAnswerP90", "analytics.column.acceptedMedian"];

function timingCells(t: Translate, row: ResponseTimeRowData): ReactNode[] {
  return [row.questions, row.answered, row.crossSite, hoursText(t, row.firstAnswerMedianHours), hoursText(t, row.firstAnswerP90Hours), hoursText(t, row.acceptedMedianHours)];
}

/** A chart with its data table beside it (below on narrow screens). */
function ChartWithTable({ chart, table }: { chart: ReactNode; table: ReactNode }) {
  return <div className="grid items-start gap-4 xl:grid-cols-2">{[<div key="chart">{chart}</div>, <div key="table">{table}</div>]}</div>;
}

/** Every figure of the analytics report: response times, who helps whom, the backlog, monitors, ideas, tutorials. */
export function AnalyticsFigures({ report, csvPath }: { report: AnalyticsReportData; csvPath: string }) {
  const t = useT();
  const locale = useLocale();
  const { overall, byWeek, bySite, byCommunity } = report.responseTimes;
  const query = new URLSearchParams({
    from: report.filters.from,
    to: report.filters.to,
    site: report.filters.site,
    community: report.filters.community,
    olderThanDays: String(report.filters.olderThanDays),
  });
  const csvHref = (figure: string) => `${csvPath}?${new URLSearchParams([...query, ["figure", figure]])}`;
  const siteName = new Map(report.sites.map((site) => [site.id, site.name]));
  const nameOfSite = (id: string | null) => (id === null ? t("analytics.matrix.noSite") : (siteName.get(id) ?? id));
  const communityName = new Map(report.communities.map((community) => [community.id, community.name]));
  const hours = (value: number) => hoursText(t, value);
  const median = (row: ResponseTimeRowData): ChartDatum => ({ label: "", value: row.firstAnswerMedianHours });

  const matrixAnswerers = [...new Set(report.matrix.map((entry) => entry.answererSiteId))];
  const matrixAskers = [...new Set(report.matrix.map((entry) => entry.askerSiteId))];
  const matrixCell = new Map(report.matrix.map((entry) => [`${entry.answererSiteId}|${entry.askerSiteId}`, entry]));
  const matrixMax = Math.max(1, ...report.matrix.map((entry) => entry.answers));

  const summary: [MessageKey, string | number][] = [
    ["analytics.summary.questions", overall.questions],
    ["analytics.summary.answered", overall.answered],
    ["analytics.summary.accepted", overall.accepted],
    ["analytics.summary.crossSite", overall.crossSite],
    ["analytics.summary.firstAnswerMedian", hoursText(t, overall.firstAnswerMedianHours)],
    ["analytics.summary.firstAnswerP90", hoursText(t, overall.firstAnswerP90Hours)],
    ["analytics.summary.acceptedMedian", hoursText(t, overall.acceptedMedianHours)],
    ["analytics.summary.acceptedP90", hoursText(t, overall.acceptedP90Hours)],
  ];

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="analytics-summary" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <h2 id="analytics-summary" className="text-lg font-semibold">
          {t("analytics.summary.heading")}
        </h2>
        <p className="mt-1 text-slate-700">
          {t("analytics.range", { from: formatDate(locale, report.filters.from), to: formatDate(locale, report.filters.to) })}{" "}
          <span data-query-ms>{t("analytics.queryTime", { ms: report.queryMs })}</span>
        </p>
        <dl className="mt-4 grid gap-4 sm:grid-cols-4">
          {summary.map(([label, value]) => (
            <div key={label}>
              <dt className="text-sm text-slate-700">{t(label)}</dt>
              <dd className="text-xl font-semibold tabular-nums" data-figure={label}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <Figure heading={t("analytics.weekly.heading")} id="analytics-weekly" csvHref={csvHref("weekly")}>
        {byWeek.length === 0 ? (
          <EmptyState>{t("analytics.empty")}</EmptyState>
        ) : (
          <ChartWithTable
            chart={
              <LineChart
                title={t("analytics.weekly.heading")}
                description={t("analytics.weekly.description", { count: byWeek.length })}
                data={byWeek.map((row) => ({ ...median(row), label: row.key ?? "" }))}
                format={hours}
              />
            }
            table={
              <DataTable
                caption={t("analytics.weekly.heading")}
                columns={["analytics.column.week", ...timingColumns]}
                rows={byWeek.map((row) => ({ key: row.key ?? "", cells: [row.key, ...timingCells(t, row)] }))}
              />
            }
          />
        )}
      </Figure>

      <Figure heading={t("analytics.sites.heading")} id="analytics-sites" csvHref={csvHref("sites")}>
        {bySite.length === 0 ? (
          <EmptyState>{t("analytics.empty")}</EmptyState>
        ) : (
          <ChartWithTable
            chart={
              <BarChart
                title={t("analytics.sites.heading")}
                description={t("analytics.sites.description", { count: bySite.length })}
                data={bySite.map((row) => ({ ...median(row), label: nameOfSite(row.key) }))}
                format={hours}
              />
            }
            table={
              <DataTable
                caption={t("analytics.sites.heading")}
                columns={["analytics.column.site", ...timingColumns]}
                rows={bySite.map((row) => ({ key: row.key ?? "", cells: [nameOfSite(row.key), ...timingCells(t, row)] }))}
              />
            }
          />
        )}
      </Figure>

      {report.community ? null : (
        <Figure heading={t("analytics.communities.heading")} id="analytics-communities" csvHref={csvHref("communities")}>
          {byCommunity.length === 0 ? (
            <EmptyState>{t("analytics.empty")}</EmptyState>
          ) : (
            <ChartWithTable
              chart={
                <BarChart
                  title={t("analytics.communities.heading")}
                  description={t("analytics.communities.description", { count: byCommunity.length })}
                  data={byCommunity.map((row) => ({ ...median(row), label: communityName.get(row.key ?? "") ?? "" }))}
                  format={hours}
                />
              }
              table={
                <DataTable
                  caption={t("analytics.communities.heading")}
                  columns={["analytics.column.community", ...timingColumns]}
                  rows={byCommunity.map((row) => ({ key: row.key ?? "", cells: [communityName.get(row.key ?? "") ?? "", ...timingCells(t, row)] }))}
                />
              }
            />
          )}
        </Figure>
      )}

      <Figure heading={t("analytics.matrix.heading")} id="analytics-matrix" csvHref={csvHref("matrix")}>
        <p className="text-sm text-slate-700">{t("analytics.matrix.intro")}</p>
        {report.matrix.length === 0 ? (
          <EmptyState>{t("analytics.empty")}</EmptyState>
        ) : (
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("analytics.matrix.heading")}>
            <table className="text-sm">
              <caption className="sr-only">{t("analytics.matrix.heading")}</caption>
              <thead>
                <tr>
                  <th scope="col" className={`${cell} text-left`}>
                    {t("analytics.matrix.corner")}
                  </th>
                  {matrixAskers.map((asker) => (
                    <th key={asker ?? "none"} scope="col" className={numberCell}>
                      {nameOfSite(asker)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {matrixAnswerers.map((answerer) => (
                  <tr key={answerer ?? "none"} className="border-t border-slate-200">
                    <th scope="row" className={`${cell} text-left font-normal`}>
                      {nameOfSite(answerer)}
                    </th>
                    {matrixAskers.map((asker) => {
                      const entry = matrixCell.get(`${answerer}|${asker}`);
                      // Shading in the brand's lightest tints keeps the dark text above 4.5:1 contrast.
                      const shade = !entry ? "" : entry.answers / matrixMax > 0.5 ? "bg-brand-100" : "bg-brand-50";
                      return (
                        <td key={asker ?? "none"} className={`${numberCell} ${shade} text-slate-900`}>
                          {entry ? `${entry.answers} (${entry.accepted})` : "0"}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Figure>

      <Figure heading={t("analytics.unanswered.heading", { days: Number(report.filters.olderThanDays) })} id="analytics-unanswered" csvHref={csvHref("unanswered")}>
        {report.unanswered.total === 0 ? (
          <EmptyState>{t("analytics.empty")}</EmptyState>
        ) : (
          <>
            <p className="text-slate-700">{t("analytics.unanswered.total", { count: report.unanswered.total })}</p>
            <ul className="flex flex-col gap-1">
              {report.unanswered.oldest.map((question) => (
                <li key={question.id}>
                  <a href={`/questions/${question.id}`} className="text-brand-700 underline underline-offset-2">
                    {question.title}
                  </a>{" "}
                  <span className="text-sm text-slate-700">
                    · {question.communityName} · <time dateTime={question.askedAt}>{formatDate(locale, question.askedAt, "medium")}</time>
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </Figure>

      <Figure heading={t("analytics.monitors.heading")} id="analytics-monitors" csvHref={csvHref("monitors")}>
        {report.monitors.length === 0 ? (
          <EmptyState>{t("analytics.empty")}</EmptyState>
        ) : (
          <DataTable
            caption={t("analytics.monitors.heading")}
            columns={["analytics.column.monitor", "analytics.column.site", "analytics.column.answers", "analytics.column.accepted", "analytics.column.peopleHelped", "analytics.column.sitesHelped"]}
            rows={report.monitors.map((monitor) => ({
              key: monitor.userId,
              cells: [
                <a key="name" href={`/users/${monitor.userId}`} className="text-brand-700 underline underline-offset-2">
                  {monitor.displayName}
                </a>,
                monitor.siteName ?? t("analytics.matrix.noSite"),
                monitor.answers,
                monitor.accepted,
                monitor.peopleHelped,
                monitor.sitesHelped,
              ],
            }))}
          />
        )}
      </Figure>

      <Figure heading={t("analytics.ideas.heading")} id="analytics-ideas" csvHref={csvHref("ideas")}>
        <ChartWithTable
          chart={
            <BarChart
              title={t("analytics.ideas.heading")}
              description={t("analytics.ideas.description")}
              data={report.ideas.stages.map((stage) => ({ label: t(`ideas.status.${stage.stage}` as MessageKey), value: stage.reached }))}
              format={(value) => String(Math.round(value))}
            />
          }
          table={
            <>
              <DataTable
                caption={t("analytics.ideas.heading")}
                columns={["analytics.column.stage", "analytics.column.reached", "analytics.column.current"]}
                rows={report.ideas.stages.map((stage) => ({ key: stage.stage, cells: [t(`ideas.status.${stage.stage}` as MessageKey), stage.reached, stage.current] }))}
              />
              <p className="mt-2 text-sm text-slate-700">{t("analytics.ideas.declined", { count: report.ideas.declined })}</p>
            </>
          }
        />
      </Figure>

      <Figure heading={t("analytics.adoption.heading")} id="analytics-adoption" csvHref={csvHref("adoption")}>
        {report.ideas.adoptionBySite.length === 0 ? (
          <EmptyState>{t("analytics.empty")}</EmptyState>
        ) : (
          <ChartWithTable
            chart={
              <BarChart
                title={t("analytics.adoption.heading")}
                description={t("analytics.adoption.description", { count: report.ideas.adoptionBySite.length })}
                data={report.ideas.adoptionBySite.map((row) => ({ label: row.siteName, value: row.adoptions }))}
                format={(value) => String(Math.round(value))}
              />
            }
            table={
              <DataTable
                caption={t("analytics.adoption.heading")}
                columns={["analytics.column.site", "analytics.column.adoptions"]}
                rows={report.ideas.adoptionBySite.map((row) => ({ key: row.siteId, cells: [row.siteName, row.adoptions] }))}
              />
            }
          />
        )}
      </Figure>

      <Figure heading={t("analytics.tutorials.heading")} id="analytics-tutorials" csvHref={csvHref("tutorials")}>
        <p className="text-slate-700">
          {t("analytics.tutorials.summary", { views: report.tutorials.viewsInRange, helped: report.tutorials.helpedInRange, published: report.tutorials.published })}
        </p>
        {report.tutorials.top.length === 0 ? null : (
          <DataTable
            caption={t("analytics.tutorials.heading")}
            columns={["analytics.column.tutorial", "analytics.column.viewsInRange", "analytics.column.helpedInRange", "analytics.column.helpedTotal"]}
            rows={report.tutorials.top.map((row) => ({
              key: row.id,
              cells: [
                <a key="title" href={`/tutorials/${row.id}`} className="text-brand-700 underline underline-offset-2">
                  {row.title}
                </a>,
                row.viewsInRange,
                row.helpedInRange,
                row.helpedTotal,
              ],
            }))}
          />
        )}
      </Figure>

      {report.barometers ? <BarometerTrend barometers={report.barometers} nameOfSite={nameOfSite} csvHref={csvHref("barometer")} /> : null}
    </div>
  );
}

/** The recommendation score of each employees' round, company-wide (a line) and per site (a table). */
function BarometerTrend({
  barometers,
  nameOfSite,
  csvHref,
}: {
  barometers: NonNullable<AnalyticsReportData["barometers"]>;
  nameOfSite: (id: string | null) => string;
  csvHref: string;
}) {
  const t = useT();
  const locale = useLocale();
  const { rounds, threshold } = barometers;
  const roundLabel = (round: BarometerTrendRoundData) => `${round.title} (${formatDate(locale, round.opensOn)})`;
  const siteIds = [...new Set(rounds.flatMap((round) => round.sites.map((row) => row.siteId)))].sort((a, b) => nameOfSite(a).localeCompare(nameOfSite(b)));
  const withOthers = rounds.some((round) => round.otherSites);
  const scoreText = (figures: ScoreData | null | undefined) =>
    figures ? t("analytics.barometer.score", { score: figures.score, answers: figures.answers }) : t("analytics.barometer.tooFew");
  const heading = t("analytics.barometer.heading");
  return (
    <Figure heading={heading} id="analytics-barometer" csvHref={csvHref}>
      <p className="text-sm text-slate-700">{t("analytics.barometer.intro", { threshold })}</p>
      {rounds.length === 0 ? (
        <EmptyState>{t("analytics.barometer.empty")}</EmptyState>
      ) : (
        <>
          <LineChart
            title={heading}
            description={t("analytics.barometer.description", { count: rounds.length })}
            data={rounds.map((round) => ({ label: roundLabel(round), value: round.overall?.score ?? null }))}
            format={(value) => String(Math.round(value))}
          />
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={heading}>
            <table className="text-sm">
              <caption className="sr-only">{heading}</caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className={`${cell} text-left`}>
                    {t("analytics.column.round")}
                  </th>
                  <th scope="col" className={numberCell}>
                    {t("analytics.barometer.allSites")}
                  </th>
                  {siteIds.map((siteId) => (
                    <th key={siteId ?? "none"} scope="col" className={numberCell}>
                      {nameOfSite(siteId)}
                    </th>
                  ))}
                  {withOthers ? (
                    <th scope="col" className={numberCell}>
                      {t("analytics.barometer.otherSites")}
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {rounds.map((round) => {
                  const bySite = new Map(round.sites.map((row) => [row.siteId, row]));
                  return (
                    <tr key={round.id} className="border-t border-slate-200">
                      <th scope="row" className={`${cell} text-left font-normal`}>
                        <a href={`/admin/barometers/${round.id}`} className="text-brand-700 underline underline-offset-2">
                          {roundLabel(round)}
                        </a>
                      </th>
                      <td className={numberCell}>{scoreText(round.overall)}</td>
                      {siteIds.map((siteId) => {
                        const row = bySite.get(siteId);
                        return (
                          <td key={siteId ?? "none"} className={numberCell}>
                            {row ? scoreText(row.figures) : t("analytics.noValue")}
                          </td>
                        );
                      })}
                      {withOthers ? <td className={numberCell}>{round.otherSites ? scoreText(round.otherSites) : t("analytics.noValue")}</td> : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Figure>
  );
}

/** The page under its heading: the filters, then the report, or the filters with their errors and no figures. */
export function AnalyticsPageBody({
  page,
  csvPath,
  offerCommunities,
}: {
  page: { report: AnalyticsReportData; failure: null } | { report: null; options: Pick<AnalyticsReportData, "sites" | "communities">; failure: FormFailureData };
  csvPath: string;
  /** The all-communities page lets administrators narrow to one community. */
  offerCommunities: boolean;
}) {
  const t = useT();
  const emptyFilters: AnalyticsFiltersData = { from: "", to: "", site: "", community: "", olderThanDays: "" };
  const choices = page.report ?? page.options;
  return (
    <div className="flex flex-col gap-6">
      <p className="text-slate-700">{t("analytics.intro")}</p>
      <AnalyticsFilterForm
        filters={page.report?.filters ?? emptyFilters}
        sites={choices.sites}
        communities={offerCommunities ? choices.communities : null}
        failure={page.failure ?? undefined}
      />
      {page.report ? <AnalyticsFigures report={page.report} csvPath={csvPath} /> : null}
    </div>
  );
}
