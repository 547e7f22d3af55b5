import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { communityVisibility, premoderation } from "../../db/schema";
import { getCommunity } from "../../server/communities/get-community";
import { setCommunityArchived, updateCommunity } from "../../server/communities/update-community";
import { setPremoderation } from "../../server/moderation/set-premoderation";
import { Invalid, NotFound } from "../../server/errors";
import { handleForm, handleLoad, readForm, requireUser } from "../../server/http/respond";
import type { CommunityRouteHandle } from "~/components/community-header";
import { CommunityForm } from "~/components/community-form";
import { isFormFailure, secondaryButtonClass } from "~/components/forms";
import { RadioFieldset } from "~/components/radio-fieldset";
import { noticeHref } from "~/components/notice";
import { formatDate, useLocale, useT } from "~/i18n";

export const handle: CommunityRouteHandle = { ownHeading: true };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const { community, may } = await handleLoad(async () => {
    const page = await getCommunity(context.guilde, { viewer, slug: params.slug ?? "" });
    // Settings are for the community's moderators; to anyone else the page does not exist.
    if (!page.may.moderate) throw new NotFound();
    return page;
  });
  return { community, manageWebhooks: may.manageWebhooks, visibilities: communityVisibility.enumValues, premoderations: premoderation.enumValues };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const values = await readForm(request);
  const communityId = values.communityId ?? "";
  return handleForm(values, async () => {
    switch (values.intent) {
      case "save": {
        const { slug } = await updateCommunity(context.guilde, { viewer, communityId, input: values });
        return redirect(noticeHref(`/c/${slug}/settings`, "saved"));
      }
      case "premoderation":
        await setPremoderation(context.guilde, { viewer, communityId, input: values });
        return redirect(noticeHref(`/c/${params.slug}/settings`, "saved"));
      case "archive":
      case "unarchive": {
        const archived = values.intent === "archive";
        await setCommunityArchived(context.guilde, { viewer, communityId, archived });
        return redirect(noticeHref(`/c/${params.slug}/settings`, archived ? "archived" : "unarchived"));
      }
      default:
        throw new Invalid({ form: ["errors.invalidChoice"] });
    }
  });
}

export default function CommunitySettings() {
  const { community, manageWebhooks, visibilities, premoderations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = isFormFailure(result) ? result : undefined;
  const t = useT();
  const locale = useLocale();
  const archived = community.archivedAt !== null;
  return (
    <div className="flex max-w-2xl flex-col gap-8">
      <h1 className="text-2xl font-bold">{t("community.settings.title")}</h1>
      <section aria-labelledby="settings-edit-heading" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h2 id="settings-edit-heading" className="mb-4 text-lg font-semibold">
          {t("community.settings.edit")}
        </h2>
        <CommunityForm visibilities={visibilities} values={community} failure={failure} submitLabel="community.settings.submit">
          <input type="hidden" name="communityId" value={community.id} />
        </CommunityForm>
      </section>
      <section aria-labelledby="settings-premoderation-heading" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h2 id="settings-premoderation-heading" className="text-lg font-semibold">
          {t("premoderation.title")}
        </h2>
        <p className="mt-2 max-w-prose text-slate-700">{t("premoderation.intro")}</p>
        <Form method="post" className="mt-4 flex flex-col gap-4">
          <input type="hidden" name="communityId" value={community.id} />
          <RadioFieldset
            name="premoderation"
            legend="premoderation.legend"
            defaultValue={community.premoderation ?? "customers_first_post"}
            failure={failure?.values.intent === "premoderation" ? failure : undefined}
            options={premoderations.map((value) => ({ value, label: `premoderation.option.${value}`, description: `premoderation.option.${value}.hint` }))}
          />
          <div>
            <button type="submit" name="intent" value="premoderation" className={secondaryButtonClass}>
              {t("premoderation.save")}
            </button>
          </div>
        </Form>
      </section>
      {manageWebhooks ? (
        <p>
          <Link to={`/c/${community.slug}/webhooks`} className="font-medium text-sky-800 underline">
            {t("webhooks.link")}
          </Link>
        </p>
      ) : null}
      <section aria-labelledby="settings-archive-heading" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h2 id="settings-archive-heading" className="text-lg font-semibold">
          {t("community.settings.archiveTitle")}
        </h2>
        <p className="mt-2 max-w-prose text-slate-700">{t("community.settings.archiveHint")}</p>
        {community.archivedAt ? (
          <p className="mt-2 font-medium text-slate-800">{t("community.settings.archivedSince", { date: formatDate(locale, community.archivedAt) })}</p>
        ) : null}
        <Form method="post" className="mt-4">
          <input type="hidden" name="communityId" value={community.id} />
          <button type="submit" name="intent" value={archived ? "unarchive" : "archive"} className={secondaryButtonClass}>
            {t(archived ? "community.settings.unarchive" : "community.settings.archive")}
          </button>
        </Form>
      </section>
    </div>
  );
}
