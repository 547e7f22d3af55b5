import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Forbidden } from "../../server/errors";
import { handleForm, handleLoad, readForm, requireUser } from "../../server/http/respond";
import { editQuestion } from "../../server/questions/edit";
import { getQuestion } from "../../server/questions/get-question";
import { Field, FormMessage, buttonClass, inputClass, isFormFailure, secondaryButtonClass } from "~/components/forms";
import { useT } from "~/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.question.title} · Guilde` : "Guilde" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const { question } = await handleLoad(async () => {
    const thread = await getQuestion(context.guilde, { viewer, questionId: params.questionId ?? "" });
    if (!thread.may.edit) throw new Forbidden();
    return thread;
  });
  return { question: { id: question.id, title: question.title, body: question.body, tags: question.tags } };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const questionId = params.questionId ?? "";
  const values = await readForm(request);
  return handleForm(values, async () => {
    await editQuestion(context.guilde, { viewer, questionId, input: values });
    return redirect(`/questions/${questionId}`);
  });
}

export default function EditQuestion() {
  const { question } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = isFormFailure(result) ? result : undefined;
  const t = useT();
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("edit.question.title")}</h1>
      <Form method="post" className="flex flex-col gap-5 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200" noValidate>
        <FormMessage failure={failure} />
        <Field name="title" label="ask.field.title" hint="ask.field.titleHint" failure={failure}>
          {(props) => <input {...props} defaultValue={props.defaultValue ?? question.title} required maxLength={150} className={inputClass} />}
        </Field>
        <Field name="body" label="ask.field.body" hint="markdown.help" failure={failure}>
          {(props) => (
            <textarea {...props} defaultValue={props.defaultValue ?? question.body} required rows={14} className={`${inputClass} font-mono text-sm`} />
          )}
        </Field>
        <Field name="tags" label="ask.field.tags" hint="ask.field.tagsHint" failure={failure}>
          {(props) => <input {...props} defaultValue={props.defaultValue ?? question.tags.join(", ")} className={inputClass} />}
        </Field>
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={buttonClass}>
            {t("edit.submit")}
          </button>
          <a href={`/questions/${question.id}`} className={secondaryButtonClass}>
            {t("common.cancel")}
          </a>
        </div>
      </Form>
    </div>
  );
}
