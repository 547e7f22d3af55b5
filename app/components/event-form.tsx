import { Form } from "@remix-run/react";
import { Field, FormMessage, buttonClass, inputClass, secondaryButtonClass, type FormFailureData } from "~/components/forms";
import { useT, type MessageKey } from "~/i18n";

export interface EventFormValues {
  title: string;
  description: string;
  format: string;
  siteId: string;
  room: string;
  address: string;
  onlineUrl: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  capacity: string;
}

/** Announcing and editing an event: the same fields; the server checks them all and answers with field errors. */
export function EventForm({
  values,
  failure,
  sites,
  timeZones,
  submit,
  cancelHref,
}: {
  values: EventFormValues;
  failure?: FormFailureData;
  sites: { id: string; name: string; city: string }[];
  timeZones: string[];
  submit: MessageKey;
  cancelHref: string;
}) {
  const t = useT();
  // What was sent comes back with the errors; otherwise the event's current values.
  const shown = (name: keyof EventFormValues) => failure?.values[name] ?? values[name];
  const field = (name: keyof EventFormValues, label: MessageKey, input: (props: Record<string, unknown>) => JSX.Element, hint?: MessageKey) => (
    <Field name={name} label={label} hint={hint} failure={failure}>
      {(props) => input({ ...props, defaultValue: shown(name) })}
    </Field>
  );
  return (
    <Form method="post" className="flex flex-col gap-5 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200" noValidate>
      <FormMessage failure={failure} />
      {field("title", "events.form.titleField", (props) => <input {...props} required maxLength={150} className={inputClass} />)}
      {field("description", "events.form.description", (props) => <textarea {...props} required rows={6} className={`${inputClass} font-mono text-sm`} />, "markdown.help")}
      {field("format", "events.form.format", (props) => (
        <select {...props} className={inputClass}>
          <option value="in_person">{t("events.format.in_person")}</option>
          <option value="online">{t("events.format.online")}</option>
        </select>
      ))}
      <fieldset className="flex flex-col gap-4 rounded-md border border-slate-300 p-4">
        <legend className="px-1 font-medium text-slate-800">{t("events.where")}</legend>
        <p className="text-sm text-slate-600">{t("events.form.inPersonHint")}</p>
        {field("siteId", "events.form.site", (props) => (
          <select {...props} className={inputClass}>
            <option value="">{t("events.form.sitePlaceholder")}</option>
            {sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name} ({site.city})
              </option>
            ))}
          </select>
        ))}
        {field("room", "events.form.room", (props) => <input {...props} maxLength={120} className={inputClass} />)}
        {field("address", "events.form.address", (props) => <input {...props} maxLength={300} autoComplete="street-address" className={inputClass} />)}
        <p className="text-sm text-slate-600">{t("events.form.onlineHint")}</p>
        {field("onlineUrl", "events.form.onlineUrl", (props) => <input {...props} type="url" maxLength={500} className={inputClass} />)}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        {field("startsAt", "events.form.startsAt", (props) => <input {...props} type="datetime-local" required className={inputClass} />)}
        {field("endsAt", "events.form.endsAt", (props) => <input {...props} type="datetime-local" required className={inputClass} />)}
      </div>
      {field(
        "timeZone",
        "events.form.timeZone",
        (props) => <input {...props} required list="event-time-zones" autoComplete="off" className={inputClass} />,
        "events.form.timeZoneHint",
      )}
      <datalist id="event-time-zones">
        {timeZones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      {field("capacity", "events.form.capacity", (props) => <input {...props} type="number" required min={1} max={10000} step={1} className={inputClass} />)}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClass}>
          {t(submit)}
        </button>
        <a href={cancelHref} className={secondaryButtonClass}>
          {t("common.cancel")}
        </a>
      </div>
    </Form>
  );
}
