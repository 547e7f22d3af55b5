import { Form } from "@remix-run/react";
import { Field, FormMessage, buttonClass, inputClass, secondaryButtonClass, type FormFailureData } from "./forms";
import { useT, type MessageKey } from "~/i18n";

export interface IdeaFormValues {
  title: string;
  problem: string;
  proposal: string;
  benefit: string;
  tags: string;
}

/** Proposing or editing an idea: the same fields, filled with what was sent after a failure, else with `values`. */
export function IdeaForm({
  values,
  failure,
  submitLabel,
  cancelHref,
}: {
  values?: IdeaFormValues;
  failure?: FormFailureData;
  submitLabel: MessageKey;
  cancelHref: string;
}) {
  const t = useT();
  const markdownField = (name: "problem" | "proposal" | "benefit", label: "ideas.form.problem" | "ideas.form.proposal" | "ideas.form.benefit", rows: number) => (
    <Field name={name} label={label} hint="markdown.help" failure={failure}>
      {(props) => <textarea {...props} defaultValue={props.defaultValue ?? values?.[name]} required rows={rows} className={`${inputClass} font-mono text-sm`} />}
    </Field>
  );
  return (
    <Form method="post" className="flex flex-col gap-5 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200" noValidate>
      <FormMessage failure={failure} />
      <Field name="title" label="ideas.form.titleField" hint="ideas.form.titleHint" failure={failure}>
        {(props) => <input {...props} defaultValue={props.defaultValue ?? values?.title} required maxLength={150} className={inputClass} />}
      </Field>
      {markdownField("problem", "ideas.form.problem", 5)}
      {markdownField("proposal", "ideas.form.proposal", 6)}
      {markdownField("benefit", "ideas.form.benefit", 3)}
      <Field name="tags" label="ideas.form.tags" hint="ideas.form.tagsHint" failure={failure}>
        {(props) => <input {...props} defaultValue={props.defaultValue ?? values?.tags} className={inputClass} />}
      </Field>
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClass}>
          {t(submitLabel)}
        </button>
        <a href={cancelHref} className={secondaryButtonClass}>
          {t("common.cancel")}
        </a>
      </div>
    </Form>
  );
}
