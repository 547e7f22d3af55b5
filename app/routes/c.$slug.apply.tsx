import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getCommunity } from "../../server/communities/get-community";
import { applyToBeMonitor } from "../../server/communities/monitors";
import { handleForm, handleLoad, readForm, requireUser } from "../../server/http/respond";
import type { CommunityRouteHandle } from "~/components/community-header";
import { Field, FormMessage, buttonClass, inputClass, isFormFailure, secondaryButtonClass } from "~/components/forms";
import { noticeHref } from "~/components/notice";
import { useT, type MessageKey } from "~/i18n";

export const handle: CommunityRouteHandle = { ownHeading: true };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const { community, may, membership, pendingApplication } = await handleLoad(() =>
    getCommunity(context.guilde, { viewer, slug: params.slug ?? "" }),
  );
  // Why the form is not offered, when it is not.
  const refusal: MessageKey | null = may.applyMonitor
    ? pendingApplication
      ? "community.apply.pending"
      : null
    : community.archivedAt
      ? "community.apply.archived"
      : membership?.status === "active" && membership.role !== "member"
        ? "community.apply.alreadyMonitor"
        : "community.apply.notMember";
  return { community: { id: community.id, slug: community.slug, name: community.name }, refusal };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const values = await readForm(request);
  return handleForm(values, async () => {
    await applyToBeMonitor(context.guilde, { viewer, communityId: values.communityId ?? "", input: values });
    return redirect(noticeHref(`/c/${params.slug}`, "applied"));
  });
}

export default function ApplyToBeMonitor() {
  const { community, refusal } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = isFormFailure(result) ? result : undefined;
  const t = useT();
  return (
    <section aria-labelledby="apply-heading" className="flex max-w-2xl flex-col gap-4 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h1 id="apply-heading" className="text-2xl font-bold">
        {t("community.apply.title", { name: community.name })}
      </h1>
      <p className="max-w-prose text-slate-700">{t("community.apply.intro")}</p>
      {refusal ? (
        <>
          <p className="rounded-md border border-slate-300 bg-slate-50 p-3 text-slate-800">{t(refusal)}</p>
          <div>
            <Link to={`/c/${community.slug}`} className={secondaryButtonClass}>
              {t("community.backTo", { name: community.name })}
            </Link>
          </div>
        </>
      ) : (
        <Form method="post" className="flex flex-col gap-4" noValidate>
          <input type="hidden" name="communityId" value={community.id} />
          <FormMessage failure={failure} />
          <Field name="motivation" label="community.apply.motivation" hint="community.apply.motivationHint" failure={failure}>
            {(props) => <textarea {...props} rows={6} required minLength={20} maxLength={2000} className={inputClass} />}
          </Field>
          <Field name="topics" label="community.apply.topics" hint="community.apply.topicsHint" failure={failure}>
            {(props) => <input {...props} required className={inputClass} />}
          </Field>
          <div className="flex flex-wrap gap-2">
            <button type="submit" className={buttonClass}>
              {t("community.apply.submit")}
            </button>
            <Link to={`/c/${community.slug}`} className={secondaryButtonClass}>
              {t("common.cancel")}
            </Link>
          </div>
        </Form>
      )}
    </section>
  );
}
