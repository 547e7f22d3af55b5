import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { editEvent } from "../../server/community-events/edit-event";
import { getEventForEdit } from "../../server/community-events/get-event";
import { knownTimeZones } from "../../server/community-events/time-zones";
import { handleForm, handleLoad, readForm, requireUser } from "../../server/http/respond";
import { listSites } from "../../server/sites/list-sites";
import { EventForm } from "~/components/event-form";
import { isFormFailure } from "~/components/forms";
import { noticeHref } from "~/components/notice";
import { useT } from "~/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.event.values.title} · Guilde` : "Guilde" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const event = await handleLoad(() => getEventForEdit(context.guilde, { viewer, eventId: params.eventId ?? "" }));
  const sites = await listSites(context.guilde);
  return { event, sites: sites.map((site) => ({ id: site.id, name: site.name, city: site.city })), timeZones: knownTimeZones() };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const eventId = params.eventId ?? "";
  const values = await readForm(request);
  return handleForm(values, async () => {
    await editEvent(context.guilde, { viewer, eventId, input: values });
    return redirect(noticeHref(`/events/${eventId}`, "saved"));
  });
}

export default function EditEvent() {
  const { event, sites, timeZones } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold">{t("events.form.editTitle", { title: event.values.title })}</h1>
        <p className="mt-2 text-slate-700">{t("events.form.intro")}</p>
      </header>
      <EventForm
        values={event.values}
        failure={isFormFailure(result) ? result : undefined}
        sites={sites}
        timeZones={timeZones}
        submit="events.form.save"
        cancelHref={`/events/${event.id}`}
      />
    </div>
  );
}
