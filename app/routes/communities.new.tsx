import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { communityVisibility } from "../../db/schema";
import { createCommunity, mayCreateCommunity } from "../../server/communities/create-community";
import { handleForm, readForm, requireUser } from "../../server/http/respond";
import { CommunityForm } from "~/components/community-form";
import { isFormFailure } from "~/components/forms";
import { noticeHref } from "~/components/notice";
import { useT } from "~/i18n";
import { pageTitle } from "~/i18n/format";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("communities.new.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  if (!(await mayCreateCommunity(context.guilde, { viewer }))) throw new Response("Not found", { status: 404 });
  return { visibilities: communityVisibility.enumValues };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const values = await readForm(request);
  return handleForm(values, async () => {
    const { slug } = await createCommunity(context.guilde, { viewer, input: values });
    return redirect(noticeHref(`/c/${slug}`, "created"));
  });
}

export default function NewCommunity() {
  const { visibilities } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = isFormFailure(result) ? result : undefined;
  const t = useT();
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold">{t("communities.new.title")}</h1>
        <p className="mt-2 text-slate-700">{t("communities.new.intro")}</p>
      </header>
      <section aria-label={t("communities.new.title")} className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <CommunityForm visibilities={visibilities} failure={failure} submitLabel="communities.new.submit" />
      </section>
    </div>
  );
}
