import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { cancelEvent } from "../../server/community-events/cancel-event";
import { getEvent } from "../../server/community-events/get-event";
import { respondToEvent } from "../../server/community-events/rsvp";
import { shareEventMaterials } from "../../server/community-events/share-event-materials";
import { Invalid } from "../../server/errors";
import { handleForm, handleLoad, readForm, requireUser } from "../../server/http/respond";
import { Badge } from "~/components/badge";
import { formatEventTime } from "~/components/event-list";
import { Field, buttonClass, inputClass, isFormFailure, secondaryButtonClass, type FormFailureData } from "~/components/forms";
import { Notice, noticeHref } from "~/components/notice";
import { CommunityLink, RenderedMarkdown } from "~/components/question-parts";
import { fillSlots } from "~/components/slots";
import { translateServerMessage, useLocale, useT, type MessageKey } from "~/i18n";
import { useCountText } from "~/i18n/format";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.page.event.title} · Guilde` : "Guilde" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const page = await handleLoad(() => getEvent(context.guilde, { viewer, eventId: params.eventId ?? "" }));
  return { page };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const { guilde } = context;
  const eventId = params.eventId ?? "";
  const here = `/events/${eventId}`;
  const values = await readForm(request);
  return handleForm(values, async () => {
    switch (values.intent) {
      case "rsvp": {
        const { status } = await respondToEvent(guilde, { viewer, eventId, input: values });
        return redirect(`${noticeHref(here, status)}#rsvp`);
      }
      case "cancel":
        await cancelEvent(guilde, { viewer, eventId, input: values });
        return redirect(noticeHref(here, "cancelled"));
      case "materials":
        await shareEventMaterials(guilde, { viewer, eventId, input: values });
        return redirect(`${noticeHref(here, "materials")}#materials`);
      default:
        throw new Invalid({ intent: ["errors.invalidChoice"] });
    }
  });
}

const notices: Record<string, MessageKey> = {
  announced: "events.notice.announced",
  saved: "events.notice.saved",
  cancelled: "events.notice.cancelled",
  going: "events.notice.going",
  waitlisted: "events.notice.waitlisted",
  not_going: "events.notice.not_going",
  materials: "events.notice.materials",
};

type Page = ReturnType<typeof useLoaderData<typeof loader>>["page"];

const sectionClass = "flex flex-col gap-3 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200";

export default function EventPage() {
  const { page } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = isFormFailure(result) ? result : undefined;
  const t = useT();
  const locale = useLocale();
  const { event, community, may } = page;
  return (
    <article aria-labelledby="event-title" className="flex flex-col gap-6">
      <Notice messages={notices} />
      {failure && failure.values.intent !== "materials" ? <FailureAlert failure={failure} /> : null}
      <header className="flex flex-col gap-3">
        <p className="text-sm text-slate-700">{fillSlots(t("events.in"), { community: <CommunityLink community={community} /> })}</p>
        <h1 id="event-title" className="text-2xl font-bold sm:text-3xl">
          {event.title}
        </h1>
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone="neutral">{t(`events.format.${event.format}`)}</Badge>
          {event.cancelled ? <Badge tone="danger">{t("events.cancelled")}</Badge> : null}
          {!event.cancelled && event.goingCount >= event.capacity ? <Badge tone="warning">{t("events.full")}</Badge> : null}
        </div>
        {event.announcer ? <p className="text-sm text-slate-700">{t("events.announcedBy", { person: event.announcer.displayName })}</p> : null}
      </header>

      {event.cancelled ? (
        <p className="rounded-md border border-red-300 bg-red-50 p-3 font-medium text-red-800">{t("events.cancelledNotice")}</p>
      ) : event.over ? (
        <p className="rounded-md border border-slate-300 bg-slate-50 p-3 text-slate-800">{t("events.over")}</p>
      ) : event.started ? (
        <p className="rounded-md border border-slate-300 bg-slate-50 p-3 text-slate-800">{t("events.started")}</p>
      ) : null}

      <section aria-labelledby="event-details" className={sectionClass}>
        <h2 id="event-details" className="sr-only">
          {t("events.when")}
        </h2>
        <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold text-slate-800">{t("events.when")}</dt>
          <dd className="text-slate-900">
            {formatEventTime(locale, event)}
            <span className="block text-sm text-slate-600">{t("events.timeZoneNote", { zone: event.timeZone })}</span>
          </dd>
          <dt className="font-semibold text-slate-800">{t("events.where")}</dt>
          <dd className="text-slate-900">
            {event.format === "online" && event.onlineUrl ? (
              fillSlots(t("events.whereOnline"), {
                link: (
                  <a href={event.onlineUrl} rel="noopener noreferrer" className="font-medium text-brand-700 underline underline-offset-2">
                    {event.onlineUrl}
                  </a>
                ),
              })
            ) : (
              [event.room, event.site ? `${event.site.name}, ${event.site.city}` : null, event.address].filter(Boolean).join(" · ")
            )}
          </dd>
        </dl>
        <p>
          <a href={`/events/${event.id}.ics`} download className={secondaryButtonClass}>
            {t("events.addToCalendar")}
          </a>
        </p>
      </section>

      <Rsvp page={page} />

      <section aria-labelledby="event-description" className={sectionClass}>
        <h2 id="event-description" className="text-lg font-semibold">
          {t("events.description")}
        </h2>
        <RenderedMarkdown html={event.descriptionHtml} />
      </section>

      <Materials page={page} failure={failure?.values.intent === "materials" ? failure : undefined} />
      {may.edit || may.cancel ? <Manage page={page} /> : null}
    </article>
  );
}

function FailureAlert({ failure }: { failure: FormFailureData }) {
  const t = useT();
  const messages = Object.values(failure.fieldErrors).flat();
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
      {t("events.actionFailed")} {(messages.length ? messages : [failure.message]).map((message) => translateServerMessage(t, message)).join(" ")}
    </div>
  );
}

/** Seats, the viewer's answer, and the buttons to change it: plain forms. */
function Rsvp({ page }: { page: Page }) {
  const t = useT();
  const countText = useCountText();
  const { event, myRsvp, may } = page;
  const full = event.goingCount >= event.capacity;
  const answer = (response: "going" | "not_going", label: MessageKey, primary: boolean) => (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="intent" value="rsvp" />
      <input type="hidden" name="response" value={response} />
      <button type="submit" className={primary ? buttonClass : secondaryButtonClass}>
        {t(label)}
      </button>
    </Form>
  );
  const status = myRsvp?.status ?? null;
  return (
    <section id="rsvp" tabIndex={-1} aria-labelledby="rsvp-heading" className={`${sectionClass} focus:outline-none`}>
      <h2 id="rsvp-heading" className="text-lg font-semibold">
        {t("events.rsvp.title")}
      </h2>
      <p aria-live="polite" className="text-slate-900">
        {t("events.seats", { going: event.goingCount, capacity: event.capacity })}
        {event.waitlistCount ? ` · ${countText("events.waitlistCount", event.waitlistCount)}` : ""}
      </p>
      {status === "going" ? <p className="font-medium text-green-800">{t("events.rsvp.youAreGoing")}</p> : null}
      {status === "waitlisted" ? <p className="font-medium text-amber-900">{t("events.rsvp.youAreWaiting", { position: myRsvp?.position ?? 1 })}</p> : null}
      {status === "not_going" ? <p className="text-slate-700">{t("events.rsvp.youAreNotGoing")}</p> : null}
      {may.rsvp ? (
        <div className="flex flex-wrap gap-3">
          {status !== "going" && status !== "waitlisted" ? answer("going", full ? "events.rsvp.joinWaitlist" : "events.rsvp.going", true) : null}
          {status === "going" ? answer("not_going", "events.rsvp.cancelMine", false) : null}
          {status === "waitlisted" ? answer("not_going", "events.rsvp.leaveWaitlist", false) : null}
          {status === null ? answer("not_going", "events.rsvp.notGoing", false) : null}
        </div>
      ) : null}
    </section>
  );
}

function Materials({ page, failure }: { page: Page; failure?: FormFailureData }) {
  const t = useT();
  const { event, may } = page;
  if (!event.slidesUrl && !event.tutorial && !may.shareMaterials) return null;
  return (
    <section id="materials" tabIndex={-1} aria-labelledby="materials-heading" className={`${sectionClass} focus:outline-none`}>
      <h2 id="materials-heading" className="text-lg font-semibold">
        {t("events.materials.title")}
      </h2>
      {event.slidesUrl || event.tutorial ? (
        <ul className="flex flex-col gap-1">
          {event.slidesUrl ? (
            <li>
              <a href={event.slidesUrl} rel="noopener noreferrer" className="font-medium text-brand-700 underline underline-offset-2">
                {t("events.materials.slides")}
              </a>
            </li>
          ) : null}
          {event.tutorial ? (
            <li>
              <a href={`/tutorials/${event.tutorial.id}`} className="font-medium text-brand-700 underline underline-offset-2">
                {t("events.materials.tutorial", { title: event.tutorial.title })}
              </a>
            </li>
          ) : null}
        </ul>
      ) : (
        <p className="text-slate-700">{t("events.materials.none")}</p>
      )}
      {may.shareMaterials ? (
        <details open={Boolean(failure)}>
          <summary className="cursor-pointer font-medium text-slate-900 underline underline-offset-2">{t("events.materials.formTitle")}</summary>
          <Form method="post" className="mt-3 flex max-w-lg flex-col gap-4" noValidate>
            <input type="hidden" name="intent" value="materials" />
            <Field name="slidesUrl" id="event-slides" label="events.materials.slidesField" failure={failure}>
              {(props) => <input {...props} type="url" defaultValue={props.defaultValue ?? event.slidesUrl ?? ""} className={inputClass} />}
            </Field>
            <Field name="tutorial" id="event-tutorial" label="events.materials.tutorialField" hint="events.materials.tutorialHint" failure={failure}>
              {(props) => <input {...props} defaultValue={props.defaultValue ?? (event.tutorial ? `/tutorials/${event.tutorial.id}` : "")} className={inputClass} />}
            </Field>
            <div>
              <button type="submit" className={buttonClass}>
                {t("events.materials.submit")}
              </button>
            </div>
          </Form>
        </details>
      ) : null}
    </section>
  );
}

/** The moderators' (or its monitor's) tools: edit, cancel with a note for the people coming. */
function Manage({ page }: { page: Page }) {
  const t = useT();
  const { event, may } = page;
  return (
    <section aria-labelledby="manage-heading" className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-slate-100 p-5">
      <h2 id="manage-heading" className="font-semibold">
        {t("events.manage.title")}
      </h2>
      {may.edit ? (
        <p>
          <a href={`/events/${event.id}/edit`} className={secondaryButtonClass}>
            {t("events.manage.edit")}
          </a>
        </p>
      ) : null}
      {may.cancel ? (
        <Form method="post" className="flex max-w-lg flex-col gap-3">
          <input type="hidden" name="intent" value="cancel" />
          <Field name="note" id="event-cancel-note" label="events.manage.cancelNote">
            {(props) => <textarea {...props} rows={2} maxLength={1000} className={inputClass} />}
          </Field>
          <div>
            <button type="submit" className="rounded-md border border-red-700 bg-white px-4 py-2 font-semibold text-red-800 hover:bg-red-50">
              {t("events.manage.cancel")}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
