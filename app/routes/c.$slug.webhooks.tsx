import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getCommunity } from "../../server/communities/get-community";
import { Invalid, NotFound } from "../../server/errors";
import { handleForm, handleLoad, readForm, requireUser } from "../../server/http/respond";
import { createWebhook, deleteWebhook, listWebhooks, sendTestWebhook, setWebhookActive } from "../../server/webhooks/manage-webhooks";
import { subscribableEvents } from "../../server/webhooks/schemas";
import type { CommunityRouteHandle } from "~/components/community-header";
import { buttonClass, Field, FormMessage, inputClass, isFormFailure, secondaryButtonClass } from "~/components/forms";
import { Notice, noticeHref } from "~/components/notice";
import { formatDate, translateServerMessage, useLocale, useT } from "~/i18n";

export const handle: CommunityRouteHandle = { ownHeading: true };

const notices = {
  created: "webhooks.notice.created",
  tested: "webhooks.notice.tested",
  saved: "webhooks.notice.saved",
  deleted: "webhooks.notice.deleted",
} as const;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  return handleLoad(async () => {
    const { community, may } = await getCommunity(context.guilde, { viewer, slug: params.slug ?? "" });
    if (!may.manageWebhooks) throw new NotFound();
    return { community: { id: community.id, slug: community.slug }, webhooks: await listWebhooks(context.guilde, { viewer, communityId: community.id }) };
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const values = await readForm(request);
  const here = `/c/${params.slug}/webhooks`;
  return handleForm(values, async () => {
    const webhookId = values.webhookId ?? "";
    switch (values.intent) {
      case "create": {
        // One checkbox per event, each with a name of its own (a form's repeated names arrive as one value).
        const events = subscribableEvents.filter((event) => values[`event:${event}`] === "on");
        await createWebhook(context.guilde, { viewer, communityId: values.communityId ?? "", input: { url: values.url, events } });
        return redirect(noticeHref(here, "created"));
      }
      case "enable":
      case "disable":
        await setWebhookActive(context.guilde, { viewer, webhookId, active: values.intent === "enable" });
        return redirect(noticeHref(here, "saved"));
      case "delete":
        await deleteWebhook(context.guilde, { viewer, webhookId });
        return redirect(noticeHref(here, "deleted"));
      case "test":
        await sendTestWebhook(context.guilde, { viewer, webhookId });
        return redirect(noticeHref(here, "tested"));
      default:
        throw new Invalid({ form: ["errors.invalidChoice"] });
    }
  });
}

export default function CommunityWebhooks() {
  const { community, webhooks } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = isFormFailure(result) ? result : undefined;
  const t = useT();
  const locale = useLocale();
  const eventErrors = failure?.fieldErrors.events ?? [];
  return (
    <div className="flex max-w-4xl flex-col gap-8">
      <h1 className="text-2xl font-bold">{t("webhooks.title")}</h1>
      <p className="max-w-prose text-slate-700">{t("webhooks.intro")}</p>
      <Notice messages={notices} />
      <section aria-labelledby="webhook-add-heading" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h2 id="webhook-add-heading" className="mb-4 text-lg font-semibold">
          {t("webhooks.add")}
        </h2>
        <Form method="post" className="flex flex-col gap-4">
          <FormMessage failure={failure} />
          <input type="hidden" name="communityId" value={community.id} />
          <Field name="url" label="webhooks.url" hint="webhooks.urlHint" failure={failure}>
            {(props) => <input {...props} type="url" required className={inputClass} />}
          </Field>
          <fieldset aria-describedby={eventErrors.length ? "webhook-events-error" : undefined} className="flex flex-col gap-2">
            <legend className="font-medium text-slate-800">{t("webhooks.events")}</legend>
            {subscribableEvents.map((event) => (
              <label key={event} className="flex items-center gap-2">
                <input type="checkbox" name={`event:${event}`} defaultChecked={failure ? failure.values[`event:${event}`] === "on" : true} />
                {t(`webhooks.event.${event}`)}
              </label>
            ))}
            {eventErrors.length ? (
              <p id="webhook-events-error" className="text-sm font-medium text-red-700">
                {eventErrors.map((error) => translateServerMessage(t, error)).join(" ")}
              </p>
            ) : null}
          </fieldset>
          <div>
            <button type="submit" name="intent" value="create" className={buttonClass}>
              {t("webhooks.save")}
            </button>
          </div>
        </Form>
      </section>
      {webhooks.length === 0 ? <p className="text-slate-700">{t("webhooks.none")}</p> : null}
      {webhooks.map((webhook) => (
        <section key={webhook.id} aria-label={webhook.url} className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <h2 className="break-all font-mono text-base font-semibold">{webhook.url}</h2>
          <p className="mt-1 text-sm text-slate-700">
            {t(webhook.active ? "webhooks.active" : "webhooks.inactive")} · {webhook.events.map((event) => t(`webhooks.event.${event}`)).join(", ")}
          </p>
          <details className="mt-2">
            <summary className="cursor-pointer text-sm font-medium text-slate-800">{t("webhooks.showSecret")}</summary>
            <p className="mt-1 break-all font-mono text-sm" aria-label={t("webhooks.secret")}>
              {webhook.secret}
            </p>
          </details>
          <Form method="post" className="mt-4 flex flex-wrap gap-2">
            <input type="hidden" name="webhookId" value={webhook.id} />
            <button type="submit" name="intent" value="test" className={secondaryButtonClass}>
              {t("webhooks.sendTest")}
            </button>
            <button type="submit" name="intent" value={webhook.active ? "disable" : "enable"} className={secondaryButtonClass}>
              {t(webhook.active ? "webhooks.disable" : "webhooks.enable")}
            </button>
            <button type="submit" name="intent" value="delete" className={secondaryButtonClass}>
              {t("webhooks.delete")}
            </button>
          </Form>
          <h3 className="mt-6 font-semibold">{t("webhooks.log")}</h3>
          {webhook.deliveries.length === 0 ? (
            <p className="text-sm text-slate-700">{t("webhooks.noDeliveries")}</p>
          ) : (
            <div className="mt-2 overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead>
                  <tr className="border-b border-slate-200">
                    <th scope="col" className="px-2 py-1">{t("webhooks.col.when")}</th>
                    <th scope="col" className="px-2 py-1">{t("webhooks.col.event")}</th>
                    <th scope="col" className="px-2 py-1">{t("webhooks.col.status")}</th>
                    <th scope="col" className="px-2 py-1">{t("webhooks.col.attempts")}</th>
                    <th scope="col" className="px-2 py-1">{t("webhooks.col.response")}</th>
                  </tr>
                </thead>
                <tbody>
                  {webhook.deliveries.map((delivery) => (
                    <tr key={delivery.id} className="border-b border-slate-100 align-top">
                      <td className="px-2 py-1">{formatDate(locale, delivery.createdAt, "medium")}</td>
                      <td className="px-2 py-1">{t(`webhooks.event.${delivery.event}`)}</td>
                      <td className="px-2 py-1">{t(`webhooks.status.${delivery.status}`)}</td>
                      <td className="px-2 py-1">{delivery.attempts}</td>
                      <td className="max-w-xs break-all px-2 py-1 font-mono">
                        {delivery.lastStatusCode ?? ""} {delivery.lastResponse ?? ""}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </div>
  );
}
