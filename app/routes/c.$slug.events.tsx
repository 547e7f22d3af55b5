import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { communityEventsPage } from "../../server/community-events/list-events";
import { handleLoad, requireUser } from "../../server/http/respond";
import { EmptyState } from "~/components/empty-state";
import { EventList } from "~/components/event-list";
import { buttonClass } from "~/components/forms";
import { useT } from "~/i18n";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  return handleLoad(async () => {
    const shown = await communityEventsPage(context.guilde, { viewer, slug: params.slug ?? "" });
    // The layout shows how to join instead of this page.
    if (!shown.readable) return { upcoming: [], past: [], mayAnnounce: false };
    return { upcoming: shown.upcoming, past: shown.past, mayAnnounce: shown.mayAnnounce };
  });
}

export default function CommunityEvents() {
  const { upcoming, past, mayAnnounce } = useLoaderData<typeof loader>();
  const { slug } = useParams();
  const t = useT();
  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="events-upcoming" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="events-upcoming" className="text-xl font-semibold">
            {t("events.upcoming")}
          </h2>
          {mayAnnounce ? (
            <Link to={`/c/${slug}/events/new`} className={buttonClass}>
              {t("events.announce")}
            </Link>
          ) : null}
        </div>
        {upcoming.length ? <EventList events={upcoming} /> : <EmptyState>{t("events.noUpcoming")}</EmptyState>}
      </section>
      <section aria-labelledby="events-past" className="flex flex-col gap-3">
        <h2 id="events-past" className="text-xl font-semibold">
          {t("events.past")}
        </h2>
        {past.length ? <EventList events={past} /> : <p className="text-slate-700">{t("events.noPast")}</p>}
      </section>
    </div>
  );
}
