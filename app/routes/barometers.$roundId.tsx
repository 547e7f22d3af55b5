import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { answerBarometer } from "../../server/barometers/answer-barometer";
import { getRoundToAnswer } from "../../server/barometers/get-round";
import { handleForm, handleLoad, readForm, requireUser } from "../../server/http/respond";
import { lastDayOf } from "~/components/barometer-parts";
import { Field, FormMessage, buttonClass, inputClass, isFormFailure, type FormFailureData } from "~/components/forms";
import { Notice, noticeHref } from "~/components/notice";
import { formatDate, translateServerMessage, useLocale, useT } from "~/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.round.title} · Guilde` : "Guilde" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  return handleLoad(() => getRoundToAnswer(context.guilde, { viewer, roundId: params.roundId ?? "" }));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const roundId = params.roundId ?? "";
  const values = await readForm(request);
  return handleForm(values, async () => {
    await answerBarometer(context.guilde, { viewer, roundId, input: values });
    return redirect(noticeHref(`/barometers/${roundId}`, "answered"));
  });
}

const scores = Array.from({ length: 11 }, (_, score) => String(score));

export default function AnswerBarometerPage() {
  const { round, open, answered } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = isFormFailure(result) ? result : undefined;
  const t = useT();
  const locale = useLocale();
  // A refusal of the whole answer (closed meanwhile, answered in another tab) replaces the form.
  const refusedWhole = failure && !failure.fieldErrors.score && !failure.fieldErrors.comment;
  return (
    <article aria-labelledby="round-heading" className="mx-auto flex max-w-2xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 id="round-heading" className="text-2xl font-bold">
          {round.title}
        </h1>
        {open && round.closesAt ? <p className="text-sm text-slate-700">{t("barometers.closesAt", { date: formatDate(locale, lastDayOf(round.closesAt)) })}</p> : null}
      </header>
      <Notice messages={{ answered: "barometers.thanks" }} />
      {refusedWhole ? <FormMessage failure={failure} /> : null}
      {answered ? (
        <p role="status" className="rounded-md border border-slate-300 bg-slate-50 p-3 text-slate-800">
          {t("barometers.alreadyAnswered")}
        </p>
      ) : !open ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
          {t("barometers.closedNotice")}
        </p>
      ) : (
        <Form method="post" className="flex flex-col gap-6 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200" noValidate>
          <ScoreFieldset subject={round.subject} failure={refusedWhole ? undefined : failure} />
          <Field name="comment" label="barometers.comment" hint="barometers.commentHint" failure={failure}>
            {(props) => <textarea {...props} rows={4} maxLength={2000} className={inputClass} />}
          </Field>
          <div>
            <button type="submit" className={buttonClass}>
              {t("barometers.submitAnswer")}
            </button>
          </div>
        </Form>
      )}
    </article>
  );
}

/** The 0–10 scale: one radio group in a fieldset whose legend is the question, with its errors. */
function ScoreFieldset({ subject, failure }: { subject: string; failure?: FormFailureData }) {
  const t = useT();
  const errors = failure?.fieldErrors.score ?? [];
  const chosen = failure?.values.score;
  const describedBy = ["score-hint", errors.length ? "score-error" : null].filter(Boolean).join(" ");
  return (
    <fieldset aria-describedby={describedBy} className="flex flex-col gap-3">
      <legend className="mb-1 text-lg font-semibold text-slate-900">{t("barometers.question", { subject })}</legend>
      <p id="score-hint" className="text-sm text-slate-600">
        {t("barometers.questionHint")}
      </p>
      <div className="flex flex-wrap gap-2">
        {scores.map((score) => (
          <div key={score} className="flex flex-col items-center gap-1">
            <input
              type="radio"
              id={`score-${score}`}
              name="score"
              value={score}
              defaultChecked={chosen === score}
              aria-invalid={errors.length ? true : undefined}
              className="h-5 w-5 accent-brand-700"
            />
            <label htmlFor={`score-${score}`} className="font-medium tabular-nums text-slate-900">
              {score}
            </label>
          </div>
        ))}
      </div>
      {errors.length ? (
        <p id="score-error" className="text-sm font-medium text-red-700">
          {errors.map((error) => translateServerMessage(t, error)).join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
