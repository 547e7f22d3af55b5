import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { closeRound } from "../../server/barometers/close-round";
import { listRounds } from "../../server/barometers/list-rounds";
import { openRound } from "../../server/barometers/open-round";
import { barometerAudiences } from "../../server/barometers/schemas";
import { Invalid } from "../../server/errors";
import { handleForm, handleLoad, readForm, requireUser } from "../../server/http/respond";
import { Badge } from "~/components/badge";
import { Field, FormMessage, buttonClass, inputClass, isFormFailure } from "~/components/forms";
import { Notice, noticeHref } from "~/components/notice";
import { lastDayOf } from "~/components/barometer-parts";
import { RadioFieldset } from "~/components/radio-fieldset";
import { formatDate, useLocale, useT } from "~/i18n";
import { pageTitle } from "~/i18n/format";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("barometers.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const { rounds, openCommunities } = await handleLoad(() => listRounds(context.guilde, { viewer }));
  return { rounds, openCommunities, threshold: context.guilde.config.barometerMinAnswers, audiences: barometerAudiences };
}

/** Administrators open a round, or close one before its last day. */
export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const values = await readForm(request);
  return handleForm(values, async () => {
    switch (values.intent) {
      case "open": {
        const { roundId } = await openRound(context.guilde, { viewer, input: values });
        return redirect(`${noticeHref("/admin/barometers", "opened")}#round-${roundId}`);
      }
      case "close": {
        const roundId = values.roundId ?? "";
        await closeRound(context.guilde, { viewer, roundId });
        return redirect(noticeHref(`/admin/barometers/${roundId}`, "closed"));
      }
      default:
        throw new Invalid({ form: ["errors.invalidChoice"] });
    }
  });
}

export default function BarometerRounds() {
  const { rounds, openCommunities, threshold, audiences } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = isFormFailure(result) ? result : undefined;
  const openFailure = failure?.values.intent === "open" ? failure : undefined;
  const t = useT();
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-8">
      <header>
        <h1 className="text-2xl font-bold">{t("barometers.title")}</h1>
        <p className="mt-2 max-w-prose text-slate-700">{t("barometers.intro", { threshold })}</p>
      </header>
      <Notice messages={{ opened: "barometers.opened" }} />
      {failure && !openFailure ? <FormMessage failure={failure} /> : null}

      <section aria-labelledby="rounds-heading" className="flex flex-col gap-3">
        <h2 id="rounds-heading" className="text-lg font-semibold">
          {t("barometers.rounds")}
        </h2>
        {rounds.length ? (
          <div className="overflow-x-auto">
            <table className="w-full rounded-lg bg-white text-left shadow-sm ring-1 ring-slate-200">
              <thead className="bg-slate-100 text-sm">
                <tr>
                  <th scope="col" className="px-4 py-2">{t("barometers.col.round")}</th>
                  <th scope="col" className="px-4 py-2">{t("barometers.col.audience")}</th>
                  <th scope="col" className="px-4 py-2">{t("barometers.col.opened")}</th>
                  <th scope="col" className="px-4 py-2">{t("barometers.col.status")}</th>
                  <th scope="col" className="px-4 py-2 text-right">{t("barometers.col.answers")}</th>
                  <th scope="col" className="px-4 py-2">{t("barometers.col.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {rounds.map((round) => (
                  <tr key={round.id} id={`round-${round.id}`} className="border-t border-slate-200">
                    <th scope="row" className="px-4 py-2 font-medium">
                      {round.title}
                      <span className="block text-sm font-normal text-slate-600">{round.subject}</span>
                    </th>
                    <td className="px-4 py-2">
                      {round.audience === "customers" ? `${t("barometers.audience.customers")} · ${round.communityName ?? ""}` : t("barometers.audience.employees")}
                    </td>
                    <td className="px-4 py-2">{formatDate(locale, round.opensAt, "medium")}</td>
                    <td className="px-4 py-2">
                      {round.open ? <Badge tone="success">{t("barometers.status.open")}</Badge> : <Badge>{t("barometers.status.closed")}</Badge>}
                      {round.open && round.closesAt ? (
                        <span className="ml-1 text-sm text-slate-600">{t("barometers.closesOn", { date: formatDate(locale, lastDayOf(round.closesAt), "medium") })}</span>
                      ) : null}
                    </td>
                    <td className="px-4 py-2 text-right tabular-nums">{round.answers}</td>
                    <td className="px-4 py-2">
                      <div className="flex flex-wrap gap-2">
                        <a href={`/admin/barometers/${round.id}`} className="text-brand-700 underline underline-offset-2">
                          {t("barometers.results")}
                          <span className="sr-only"> · {round.title}</span>
                        </a>
                        {round.open ? (
                          <Form method="post">
                            <input type="hidden" name="intent" value="close" />
                            <input type="hidden" name="roundId" value={round.id} />
                            <button type="submit" className="text-sm font-medium text-red-800 underline underline-offset-2">
                              {t("barometers.close")}
                              <span className="sr-only"> · {round.title}</span>
                            </button>
                          </Form>
                        ) : null}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="text-slate-700">{t("barometers.noRounds")}</p>
        )}
      </section>

      <section aria-labelledby="open-heading" className="max-w-xl rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h2 id="open-heading" className="text-lg font-semibold">
          {t("barometers.open")}
        </h2>
        <Form method="post" className="mt-4 flex flex-col gap-4" noValidate>
          <input type="hidden" name="intent" value="open" />
          <FormMessage failure={openFailure} />
          <Field name="title" label="barometers.field.title" failure={openFailure}>
            {(props) => <input {...props} required maxLength={150} className={inputClass} />}
          </Field>
          <Field name="subject" label="barometers.field.subject" hint="barometers.field.subjectHint" failure={openFailure}>
            {(props) => <input {...props} required maxLength={80} className={inputClass} />}
          </Field>
          <RadioFieldset
            name="audience"
            legend="barometers.field.audience"
            defaultValue="employees"
            failure={openFailure}
            options={audiences.map((audience) => ({ value: audience, label: `barometers.audience.${audience}`, description: `barometers.audience.${audience}Hint` }))}
          />
          <Field name="communityId" label="barometers.field.community" failure={openFailure}>
            {(props) => (
              <select {...props} className={inputClass}>
                <option value="">{t("barometers.field.communityNone")}</option>
                {openCommunities.map((community) => (
                  <option key={community.id} value={community.id}>
                    {community.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="closesOn" label="barometers.field.closesOn" hint="barometers.field.closesOnHint" failure={openFailure}>
            {(props) => <input {...props} type="date" className={inputClass} />}
          </Field>
          <div>
            <button type="submit" className={buttonClass}>
              {t("barometers.submitOpen")}
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}

