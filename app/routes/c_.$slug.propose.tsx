import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { handleForm, handleLoad, readForm, requireUser } from "../../server/http/respond";
import { communityToProposeIn, proposeIdea } from "../../server/ideas/propose-idea";
import { isFormFailure } from "~/components/forms";
import { IdeaForm } from "~/components/idea-form";
import { noticeHref } from "~/components/notice";
import { fillSlots } from "~/components/slots";
import { useT } from "~/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.community.name} · Guilde` : "Guilde" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const community = await handleLoad(() => communityToProposeIn(context.guilde, { viewer, slug: params.slug ?? "" }));
  return { community };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const community = await handleLoad(() => communityToProposeIn(context.guilde, { viewer, slug: params.slug ?? "" }));
  const values = await readForm(request);
  return handleForm(values, async () => {
    const { ideaId } = await proposeIdea(context.guilde, { viewer, communityId: community.id, input: values });
    return redirect(noticeHref(`/ideas/${ideaId}`, "proposed"));
  });
}

export default function ProposeIdea() {
  const { community } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = isFormFailure(result) ? result : undefined;
  const t = useT();
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold">
          {fillSlots(t("ideas.form.title"), {
            community: (
              <a href={`/c/${community.slug}/ideas`} className="text-brand-700 underline underline-offset-2">
                {community.name}
              </a>
            ),
          })}
        </h1>
        <p className="mt-2 text-slate-700">{t("ideas.form.intro")}</p>
      </header>
      <IdeaForm failure={failure} submitLabel="ideas.form.submit" cancelHref={`/c/${community.slug}/ideas`} />
    </div>
  );
}
