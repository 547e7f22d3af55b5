import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Forbidden } from "../../server/errors";
import { handleForm, handleLoad, readForm, requireUser } from "../../server/http/respond";
import { editReply } from "../../server/questions/edit";
import { getReply } from "../../server/questions/get-reply";
import { Field, FormMessage, buttonClass, inputClass, isFormFailure, secondaryButtonClass } from "~/components/forms";
import { fillSlots } from "~/components/slots";
import { useT } from "~/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.question.title} · Guilde` : "Guilde" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  return handleLoad(async () => {
    const found = await getReply(context.guilde, { viewer, replyId: params.replyId ?? "" });
    if (!found.may.edit) throw new Forbidden();
    return { reply: found.reply, question: found.question };
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const replyId = params.replyId ?? "";
  const values = await readForm(request);
  return handleForm(values, async () => {
    const { questionId } = await editReply(context.guilde, { viewer, replyId, input: values });
    return redirect(`/questions/${questionId}#${values.kind === "comment" ? "comment" : "answer"}-${replyId}`);
  });
}

export default function EditReply() {
  const { reply, question } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = isFormFailure(result) ? result : undefined;
  const t = useT();
  const anchor = `${reply.kind}-${reply.id}`;
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold">{t(reply.kind === "answer" ? "edit.answer.title" : "edit.comment.title")}</h1>
        <p className="mt-2 text-slate-700">
          {fillSlots(t("edit.on"), {
            question: (
              <a href={`/questions/${question.id}`} className="font-medium text-brand-700 underline underline-offset-2">
                {question.title}
              </a>
            ),
          })}
        </p>
      </header>
      <Form method="post" className="flex flex-col gap-5 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200" noValidate>
        <FormMessage failure={failure} />
        <input type="hidden" name="kind" value={reply.kind} />
        <Field name="body" label="edit.field.body" hint="markdown.help" failure={failure}>
          {(props) => (
            <textarea
              {...props}
              defaultValue={props.defaultValue ?? reply.body}
              required
              rows={reply.kind === "answer" ? 14 : 4}
              className={`${inputClass} font-mono text-sm`}
            />
          )}
        </Field>
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={buttonClass}>
            {t("edit.submit")}
          </button>
          <a href={`/questions/${question.id}#${anchor}`} className={secondaryButtonClass}>
            {t("common.cancel")}
          </a>
        </div>
      </Form>
    </div>
  );
}
