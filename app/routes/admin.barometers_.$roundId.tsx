import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { barometerResults } from "../../server/barometers/barometer-results";
import { handleLoad, requireUser } from "../../server/http/respond";
import { DistributionTable, lastDayOf } from "~/components/barometer-parts";
import { Badge } from "~/components/badge";
import { secondaryButtonClass } from "~/components/forms";
import { Notice } from "~/components/notice";
import { formatDate, useLocale, useT } from "~/i18n";
import { useCountText } from "~/i18n/format";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.results.round.title} · Guilde` : "Guilde" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const results = await handleLoad(() => barometerResults(context.guilde, { viewer, roundId: params.roundId ?? "" }));
  return { results };
}

type Results = ReturnType<typeof useLoaderData<typeof loader>>["results"];
type Figures = NonNullable<NonNullable<Results["results"]>["overall"]>;

export default function BarometerResultsPage() {
  const { results } = useLoaderData<typeof loader>();
  const { round, threshold, answerCount } = results;
  const t = useT();
  const locale = useLocale();
  const countText = useCountText();
  return (
    <article aria-labelledby="results-heading" className="flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        <p>
          <a href="/admin/barometers" className="text-sm text-brand-700 underline underline-offset-2">
            {t("barometers.backToRounds")}
          </a>
        </p>
        <h1 id="results-heading" className="text-2xl font-bold">
          {t("barometers.resultsOf", { title: round.title })}
        </h1>
        <p className="text-slate-700">{t("barometers.question", { subject: round.subject })}</p>
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          {round.open ? <Badge tone="success">{t("barometers.status.open")}</Badge> : <Badge>{t("barometers.status.closed")}</Badge>}
          <span>{round.audience === "customers" ? `${t("barometers.audience.customers")} · ${round.community?.name ?? ""}` : t("barometers.audience.employees")}</span>
          <span>· {formatDate(locale, round.opensAt, "medium")}</span>
          {round.closesAt ? <span>· {t("barometers.closesOn", { date: formatDate(locale, lastDayOf(round.closesAt), "medium") })}</span> : null}
        </p>
      </header>
      <Notice messages={{ closed: "barometers.closed" }} />

      {results.results === null ? (
        <section aria-labelledby="counts-heading" className="flex flex-col gap-3 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 id="counts-heading" className="text-lg font-semibold">
            {t("barometers.col.answers")}
          </h2>
          <p>{countText("barometers.openCounts", answerCount)}</p>
          <Form method="post" action="/admin/barometers">
            <input type="hidden" name="intent" value="close" />
            <input type="hidden" name="roundId" value={round.id} />
            <button type="submit" className={secondaryButtonClass}>
              {t("barometers.close")}
            </button>
          </Form>
        </section>
      ) : (
        <>
          <section aria-labelledby="overall-heading" className="flex flex-col gap-3 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <h2 id="overall-heading" className="text-lg font-semibold">
              {t("barometers.overall")}
            </h2>
            {results.results.overall ? (
              <FiguresView figures={results.results.overall} caption={`${t("barometers.distribution")} · ${t("barometers.overall")}`} />
            ) : (
              <p>{t("barometers.nothingShown", { threshold })}</p>
            )}
            {results.results.leftOut ? <p className="text-sm text-slate-700">{t("barometers.leftOut")}</p> : null}
          </section>
          {results.results.groups.map((group) => {
            const name = group.name ?? t("barometers.noSite");
            return (
              <section key={group.key} aria-labelledby={`group-${group.key || "none"}`} className="flex flex-col gap-3 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
                <h2 id={`group-${group.key || "none"}`} className="text-lg font-semibold">
                  {name}
                </h2>
                {group.figures ? (
                  <>
                    <FiguresView figures={group.figures} caption={`${t("barometers.distribution")} · ${name}`} />
                    <CommentList comments={group.comments} />
                  </>
                ) : (
                  <p className="text-slate-700">{t("barometers.notEnough", { threshold })}</p>
                )}
              </section>
            );
          })}
          {results.results.pooled ? (
            <section aria-labelledby="group-pooled" className="flex flex-col gap-3 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
              <h2 id="group-pooled" className="text-lg font-semibold">
                {t("barometers.otherGroups")}
              </h2>
              <FiguresView figures={results.results.pooled.figures} caption={`${t("barometers.distribution")} · ${t("barometers.otherGroups")}`} />
              <CommentList comments={results.results.pooled.comments} />
            </section>
          ) : null}
          <TrendTable results={results} />
        </>
      )}
    </article>
  );
}

function FiguresView({ figures, caption }: { figures: Figures; caption: string }) {
  const t = useT();
  const countText = useCountText();
  return (
    <div className="flex flex-col gap-3">
      <p>
        <span className="text-3xl font-bold tabular-nums">{figures.score}</span> <span className="font-medium">{t("barometers.score")}</span>
        <span className="ml-2 text-slate-700">({countText("barometers.answerCount", figures.answers)})</span>
      </p>
      <p className="text-sm text-slate-600">{t("barometers.scoreHint")}</p>
      <DistributionTable distribution={figures.distribution} caption={caption} />
    </div>
  );
}

function CommentList({ comments }: { comments: string[] }) {
  const t = useT();
  return (
    <div>
      <h3 className="font-semibold">{t("barometers.comments")}</h3>
      {comments.length ? (
        <ul className="mt-2 flex flex-col gap-2">
          {comments.map((comment, index) => (
            <li key={index} className="whitespace-pre-line rounded-md border border-slate-200 p-2 text-slate-900">
              {comment}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-700">{t("barometers.noComments")}</p>
      )}
    </div>
  );
}

/** The score per round (oldest first) overall and per group; a group under the threshold says so. */
function TrendTable({ results }: { results: Results }) {
  const t = useT();
  const locale = useLocale();
  const keys = Object.keys(results.groupNames).sort((a, b) => (results.groupNames[a] ?? "").localeCompare(results.groupNames[b] ?? ""));
  const cell = (figures: Figures | null | undefined, answered: boolean) =>
    !answered ? "—" : figures ? String(figures.score) : t("barometers.hiddenCell");
  return (
    <section aria-labelledby="trend-heading" className="flex flex-col gap-3">
      <h2 id="trend-heading" className="text-lg font-semibold">
        {t("barometers.trend")}
      </h2>
      <div className="overflow-x-auto">
        <table className="w-full rounded-lg bg-white text-left text-sm shadow-sm ring-1 ring-slate-200">
          <caption className="sr-only">{t("barometers.trendCaption")}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-3 py-2">{t("barometers.col.round")}</th>
              <th scope="col" className="px-3 py-2">{t("barometers.overall")}</th>
              {keys.map((key) => (
                <th key={key} scope="col" className="px-3 py-2">
                  {results.groupNames[key] ?? t("barometers.noSite")}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {results.trend.map((row) => (
              <tr key={row.roundId} className="border-t border-slate-200">
                <th scope="row" className="px-3 py-2 font-medium">
                  {row.title}
                  <span className="block font-normal text-slate-600">{formatDate(locale, row.opensAt, "medium")}</span>
                </th>
                <td className="px-3 py-2 tabular-nums">{cell(row.overall, true)}</td>
                {keys.map((key) => {
                  const group = row.groups.find((each) => each.key === key);
                  return (
                    <td key={key} className="px-3 py-2 tabular-nums">
                      {cell(group?.figures, Boolean(group))}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
