import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { announceEvent, communityToAnnounceIn } from "../../server/community-events/announce-event";
import { knownTimeZones } from "../../server/community-events/time-zones";
import { handleForm, handleLoad, readForm, requireUser } from "../../server/http/respond";
import { listSites } from "../../server/sites/list-sites";
import { EventForm } from "~/components/event-form";
import { isFormFailure } from "~/components/forms";
import { noticeHref } from "~/components/notice";
import { fillSlots } from "~/components/slots";
import { useT } from "~/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.community.name} · Guilde` : "Guilde" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const community = await handleLoad(() => communityToAnnounceIn(context.guilde, { viewer, slug: params.slug ?? "" }));
  const sites = await listSites(context.guilde);
  return {
    community,
    sites: sites.map((site) => ({ id: site.id, name: site.name, city: site.city })),
    timeZones: knownTimeZones(),
    // The announcer's own site, in the company's home zone, to start from.
    siteId: viewer.siteId ?? "",
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const community = await handleLoad(() => communityToAnnounceIn(context.guilde, { viewer, slug: params.slug ?? "" }));
  const values = await readForm(request);
  return handleForm(values, async () => {
    const { eventId } = await announceEvent(context.guilde, { viewer, communityId: community.id, input: values });
    return redirect(noticeHref(`/events/${eventId}`, "announced"));
  });
}

export default function AnnounceEvent() {
  const { community, sites, timeZones, siteId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const values = { title: "", description: "", format: "in_person", siteId, room: "", address: "", onlineUrl: "", startsAt: "", endsAt: "", timeZone: "Europe/Paris", capacity: "20" };
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold">
          {fillSlots(t("events.form.title"), {
            community: (
              <a href={`/c/${community.slug}/events`} className="text-brand-700 underline underline-offset-2">
                {community.name}
              </a>
            ),
          })}
        </h1>
        <p className="mt-2 text-slate-700">{t("events.form.intro")}</p>
      </header>
      <EventForm
        values={values}
        failure={isFormFailure(result) ? result : undefined}
        sites={sites}
        timeZones={timeZones}
        submit="events.form.submit"
        cancelHref={`/c/${community.slug}/events`}
      />
    </div>
  );
}
