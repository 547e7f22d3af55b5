import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { handleForm, handleLoad, requireUser } from "../../server/http/respond";
import { editTutorial } from "../../server/tutorials/edit-tutorial";
import { getTutorialForEdit } from "../../server/tutorials/get-tutorial-for-edit";
import { publishTutorial } from "../../server/tutorials/publish-tutorial";
import { readTutorialForm } from "../../server/tutorials/read-tutorial-form";
import { isFormFailure } from "~/components/forms";
import { noticeHref } from "~/components/notice";
import { TutorialForm } from "~/components/tutorial-form";
import { useT } from "~/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.tutorial.values.title} · Guilde` : "Guilde" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const tutorial = await handleLoad(() => getTutorialForEdit(context.guilde, { viewer, tutorialId: params.tutorialId ?? "" }));
  const { config } = context.guilde;
  return { tutorial, maxMegabytes: Math.floor(config.uploads.maxBytes / (1024 * 1024)), videoHosts: config.videoHosts };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const tutorialId = params.tutorialId ?? "";
  // Checked before the body is read: someone who may not edit never gets to upload.
  await handleLoad(() => getTutorialForEdit(context.guilde, { viewer, tutorialId }));
  const { values, fileError } = await readTutorialForm(context.guilde, { viewer, request });
  return handleForm(values, async () => {
    if (fileError) throw fileError;
    await editTutorial(context.guilde, { viewer, tutorialId, input: values });
    if (values.intent === "publish") {
      await publishTutorial(context.guilde, { viewer, tutorialId });
      return redirect(noticeHref(`/tutorials/${tutorialId}`, "published"));
    }
    return redirect(noticeHref(`/tutorials/${tutorialId}`, "saved"));
  });
}

export default function EditTutorial() {
  const { tutorial, maxMegabytes, videoHosts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = isFormFailure(result) ? result : undefined;
  const t = useT();
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold">{t("tutorial.edit.title")}</h1>
        <p className="mt-2 text-slate-700">
          <a href={`/tutorials/${tutorial.id}`} className="text-brand-700 underline underline-offset-2">
            {tutorial.values.title}
          </a>
        </p>
      </header>
      <TutorialForm
        values={tutorial.values}
        failure={failure}
        currentVideo={tutorial.currentVideo}
        draft={tutorial.draft}
        cancelHref={`/tutorials/${tutorial.id}`}
        maxMegabytes={maxMegabytes}
        videoHosts={videoHosts}
      />
    </div>
  );
}
