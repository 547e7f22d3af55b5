import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { handleForm, handleLoad, requireUser } from "../../server/http/respond";
import { findCommunityToWriteIn } from "../../server/tutorials/find-community-to-write-in";
import { readTutorialForm } from "../../server/tutorials/read-tutorial-form";
import { writeTutorial } from "../../server/tutorials/write-tutorial";
import { isFormFailure } from "~/components/forms";
import { noticeHref } from "~/components/notice";
import { fillSlots } from "~/components/slots";
import { TutorialForm } from "~/components/tutorial-form";
import { useT } from "~/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.community.name} · Guilde` : "Guilde" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const community = await handleLoad(() => findCommunityToWriteIn(context.guilde, { viewer, slug: params.slug ?? "" }));
  const { config } = context.guilde;
  return {
    community: { slug: community.slug, name: community.name },
    maxMegabytes: Math.floor(config.uploads.maxBytes / (1024 * 1024)),
    videoHosts: config.videoHosts,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const community = await handleLoad(() => findCommunityToWriteIn(context.guilde, { viewer, slug: params.slug ?? "" }));
  const { values, fileError } = await readTutorialForm(context.guilde, { viewer, request });
  return handleForm(values, async () => {
    if (fileError) throw fileError;
    const publish = values.intent !== "draft";
    const { tutorialId } = await writeTutorial(context.guilde, { viewer, communityId: community.id, input: values, publish });
    return redirect(noticeHref(`/tutorials/${tutorialId}`, publish ? "published" : "drafted"));
  });
}

export default function WriteTutorial() {
  const { community, maxMegabytes, videoHosts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = isFormFailure(result) ? result : undefined;
  const t = useT();
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold">
          {fillSlots(t("tutorial.write.title"), {
            community: (
              <a href={`/c/${community.slug}/tutorials`} className="text-brand-700 underline underline-offset-2">
                {community.name}
              </a>
            ),
          })}
        </h1>
        <p className="mt-2 text-slate-700">{t("tutorial.write.intro")}</p>
      </header>
      <TutorialForm
        values={null}
        failure={failure}
        currentVideo={null}
        draft
        cancelHref={`/c/${community.slug}/tutorials`}
        maxMegabytes={maxMegabytes}
        videoHosts={videoHosts}
      />
    </div>
  );
}
