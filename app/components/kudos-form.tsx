import { Form } from "@remix-run/react";
import { Field, FormMessage, inputClass, secondaryButtonClass, type FormFailureData } from "./forms";
import { OnDemandDisclosure } from "./on-demand-disclosure";
import { useT, type MessageKey } from "~/i18n";

/** What a thank form posts: the page's action turns `targetId` into the thing thanked (an answer, a tutorial, a person). */
export const thankIntent = "thank";

/**
 * "Thank" with an optional note, folded in a disclosure rendered once opened, so that a page with many
 * answers stays calm and light; it opens by itself when the server refused the note. Once thanked, it
 * says so instead.
 */
export function KudosForm({
  targetId,
  label,
  name,
  thanked,
  failure,
  messageShownAbove = false,
}: {
  targetId: string;
  label: MessageKey;
  /** Who is thanked, for the button's accessible name. */
  name: string;
  thanked: boolean;
  failure?: FormFailureData;
  /** The page already announces a failed form's message at its top (the question page does). */
  messageShownAbove?: boolean;
}) {
  const t = useT();
  const mine = failure?.values.intent === thankIntent && failure.values.targetId === targetId ? failure : undefined;
  if (thanked && !mine) return <p className="text-sm text-slate-700">{t("kudos.thanked")}</p>;
  return (
    <OnDemandDisclosure
      id={`thank-${targetId}`}
      open={Boolean(mine)}
      className="text-sm"
      summaryClassName="cursor-pointer text-sm font-medium text-brand-700 underline underline-offset-2"
      summary={t(label, { name })}
    >
      <Form method="post" preventScrollReset className="mt-2 flex max-w-xl flex-col gap-2" noValidate>
        <input type="hidden" name="intent" value={thankIntent} />
        <input type="hidden" name="targetId" value={targetId} />
        {messageShownAbove ? null : <FormMessage failure={mine && !mine.fieldErrors.note ? mine : undefined} />}
        <Field name="note" id={`kudos-note-${targetId}`} label="kudos.note" hint="kudos.noteHint" failure={mine}>
          {(props) => <textarea {...props} rows={2} maxLength={280} className={inputClass} />}
        </Field>
        <div>
          <button type="submit" className={secondaryButtonClass}>
            {t("kudos.thank")}
          </button>
        </div>
      </Form>
    </OnDemandDisclosure>
  );
}
