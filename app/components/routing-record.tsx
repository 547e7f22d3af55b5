import { Form } from "@remix-run/react";
import { useT, type MessageKey } from "~/i18n";
import { useCountText } from "~/i18n/format";
import { RelativeTime } from "./question-parts";
import { fillSlots } from "./slots";

type Audience = "matching_monitors" | "all_monitors" | "other_monitors" | "moderators";

/** What the question page receives of its routing (the shape of server/routing/get-routing.ts, as loader data). */
export interface RoutingRecordData {
  waves: { wave: number; audience: Audience | null; outcome: "sent" | "nobody" | "stopped"; at: Date | string; recipients: number; declined: number; hastened: boolean }[];
  nextDueAt: Date | string | null;
  mine: { sent: boolean; declined: boolean; mayDecline: boolean };
}

/**
 * Who a question was routed to and when, wave by wave ("Sent to 3 monitors who know its topic 2 hours
 * ago", "Escalated to 2 moderators …"), when it escalates next, and for someone it was sent to, the
 * "Not my topic" form (a plain form: it works without JavaScript).
 */
export function RoutingRecord({ routing, now }: { routing: RoutingRecordData; now: Date | string }) {
  const t = useT();
  const countText = useCountText();
  if (routing.waves.length === 0) return null;
  const sentence = (wave: RoutingRecordData["waves"][number]) => {
    const date = <RelativeTime date={wave.at} now={now} />;
    if (wave.outcome === "stopped" || !wave.audience) return fillSlots(t("routing.stopped"), { date });
    if (wave.outcome === "nobody") return fillSlots(t(`routing.nobody.${wave.audience}` satisfies MessageKey), { date });
    return fillSlots(countText(`routing.sent.${wave.audience}`, wave.recipients), { date });
  };
  return (
    <section id="routing" tabIndex={-1} aria-labelledby="routing-heading" className="flex flex-col gap-2 rounded-lg bg-white p-5 text-sm shadow-sm ring-1 ring-slate-200 focus:outline-none">
      <h2 id="routing-heading" className="text-base font-semibold">
        {t("routing.title")}
      </h2>
      <ol className="flex flex-col gap-1 text-slate-800">
        {routing.waves.map((wave) => (
          <li key={wave.wave}>
            {sentence(wave)}
            {wave.hastened ? ` (${t("routing.hastened")})` : ""}
            {wave.declined > 0 ? ` · ${countText("routing.declined", wave.declined)}` : ""}
          </li>
        ))}
      </ol>
      {routing.nextDueAt ? <p className="text-slate-700">{fillSlots(t("routing.next"), { date: <RelativeTime date={routing.nextDueAt} now={now} /> })}</p> : null}
      {routing.mine.declined ? <p className="text-slate-700">{t("routing.mineDeclined")}</p> : null}
      {routing.mine.mayDecline ? (
        <Form method="post" className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-3">
          <p className="text-slate-800">{t("routing.mine")}</p>
          <input type="hidden" name="intent" value="decline" />
          <button type="submit" aria-describedby="routing-decline-hint" className="rounded-md border border-slate-400 bg-white px-3 py-1 font-medium text-slate-800 hover:bg-slate-100">
            {t("routing.decline")}
          </button>
          <span id="routing-decline-hint" className="text-slate-700">
            {t("routing.declineHint")}
          </span>
        </Form>
      ) : null}
    </section>
  );
}
