import { Link } from "@remix-run/react";
import { Badge } from "~/components/badge";
import { dateFormat, useLocale, useT, type Locale } from "~/i18n";

export interface EventListItem {
  id: string;
  title: string;
  format: "in_person" | "online";
  startsAt: Date | string;
  endsAt: Date | string;
  timeZone: string;
  capacity: number;
  goingCount: number;
  cancelled: boolean;
  site: { name: string; city: string } | null;
  community: { slug: string; name: string; color: string };
  hasMaterials: boolean;
}

/** An event's start and end, on the venue's clock and in its zone ("Thursday 3 December 2026, 18:30 – 20:00 CET"). */
export function formatEventTime(locale: Locale, { startsAt, endsAt, timeZone }: Pick<EventListItem, "startsAt" | "endsAt" | "timeZone">): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const day = { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone } as const;
  const time = { hour: "2-digit", minute: "2-digit", timeZone } as const;
  const sameDay = dateFormat(locale, day).format(start) === dateFormat(locale, day).format(end);
  const zoneName = dateFormat(locale, { ...time, timeZoneName: "short" })
    .formatToParts(end)
    .find((part) => part.type === "timeZoneName")?.value;
  const from = `${dateFormat(locale, day).format(start)}, ${dateFormat(locale, time).format(start)}`;
  const to = sameDay ? dateFormat(locale, time).format(end) : `${dateFormat(locale, day).format(end)}, ${dateFormat(locale, time).format(end)}`;
  return `${from} – ${to}${zoneName ? ` ${zoneName}` : ""}`;
}

export function EventList({ events, showCommunity = false }: { events: EventListItem[]; showCommunity?: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ul className="flex flex-col divide-y divide-slate-200 overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      {events.map((event) => (
        <li key={event.id} className="flex flex-col gap-1 p-4">
          <h3 className="font-semibold">
            <Link to={`/events/${event.id}`} className="text-brand-700 underline underline-offset-2 hover:text-brand-800">
              {event.title}
            </Link>
          </h3>
          <p className="text-sm text-slate-700">{formatEventTime(locale, event)}</p>
          <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <Badge tone="neutral">{t(`events.format.${event.format}`)}</Badge>
            {event.site ? <span>{`${event.site.name}, ${event.site.city}`}</span> : null}
            {showCommunity ? <span>· {event.community.name}</span> : null}
            {event.cancelled ? <Badge tone="danger">{t("events.cancelled")}</Badge> : null}
            {!event.cancelled && event.goingCount >= event.capacity ? <Badge tone="warning">{t("events.full")}</Badge> : null}
            {event.hasMaterials ? <Badge tone="success">{t("events.hasMaterials")}</Badge> : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
