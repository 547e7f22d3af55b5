import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { handleForm, handleLoad, readForm, requireUser } from "../../server/http/respond";
import { editIdea } from "../../server/ideas/edit-idea";
import { getIdeaForEdit } from "../../server/ideas/get-idea-for-edit";
import { isFormFailure } from "~/components/forms";
import { IdeaForm } from "~/components/idea-form";
import { noticeHref } from "~/components/notice";
import { useT } from "~/i18n";
import { postPath } from "~/links";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.idea.values.title} · Guilde` : "Guilde" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const idea = await handleLoad(() => getIdeaForEdit(context.guilde, { viewer, ideaId: params.ideaId ?? "" }));
  return { idea };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const ideaId = params.ideaId ?? "";
  const values = await readForm(request);
  return handleForm(values, async () => {
    await editIdea(context.guilde, { viewer, ideaId, input: values });
    return redirect(noticeHref(postPath("idea", ideaId), "saved"));
  });
}

export default function EditIdea() {
  const { idea } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = isFormFailure(result) ? result : undefined;
  const t = useT();
  const here = postPath("idea", idea.id);
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold">{t("ideas.edit.title")}</h1>
        <p className="mt-2 text-slate-700">
          <a href={here} className="text-brand-700 underline underline-offset-2">
            {idea.values.title}
          </a>
        </p>
      </header>
      <IdeaForm values={idea.values} failure={failure} submitLabel="ideas.edit.submit" cancelHref={here} />
    </div>
  );
}
