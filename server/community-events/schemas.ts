import { z } from "zod";
import { eventFormat } from "../../db/schema";
import { maxBodyLength } from "../questions/schemas";
import { canonicalTimeZone, instantOfWallTime } from "./time-zones";

export const eventFormats = eventFormat.enumValues;
/** The longest an event may last: a seminar of a few days, not a season. */
const maxDurationDays = 14;
export const maxCapacity = 10_000;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "errors.tooLong")
    .optional()
    .transform((value) => value || null);

const httpsUrl = z.url({ protocol: /^https$/, error: "errors.urlInvalid" }).max(500, "errors.urlInvalid");
const optionalHttpsUrl = z
  .union([z.literal("").transform(() => null), httpsUrl])
  .optional()
  .transform((value) => value ?? null);

/**
 * Announcing or editing an event. Times are typed as the venue's clock reads them, in the zone given
 * with them; they come out as UTC instants. `now` is the service's clock: an event starts after it.
 */
export function eventSchema(now: Date) {
  return z
    .object({
      title: z.string("errors.required").trim().min(5, "events.errors.titleTooShort").max(150, "errors.titleTooLong"),
      description: z.string("errors.required").trim().min(10, "events.errors.descriptionTooShort").max(maxBodyLength, "errors.bodyTooLong"),
      format: z.enum(eventFormats, "errors.invalidChoice"),
      siteId: optionalText(40),
      room: optionalText(120),
      address: optionalText(300),
      onlineUrl: optionalHttpsUrl,
      startsAt: z.string("errors.required").trim().min(1, "errors.required"),
      endsAt: z.string("errors.required").trim().min(1, "errors.required"),
      timeZone: z.string("errors.required").trim().min(1, "errors.required"),
      capacity: z.coerce
        .number("events.errors.capacityInvalid")
        .int("events.errors.capacityInvalid")
        .min(1, "events.errors.capacityTooSmall")
        .max(maxCapacity, "events.errors.capacityTooLarge"),
    })
    .transform((value, context) => {
      const fail = (path: string, message: string) => {
        context.addIssue({ code: "custom", path: [path], message });
        return z.NEVER;
      };
      if (value.format === "in_person" && !value.siteId) return fail("siteId", "events.errors.siteRequired");
      if (value.format === "online" && !value.onlineUrl) return fail("onlineUrl", "events.errors.linkRequired");
      const timeZone = canonicalTimeZone(value.timeZone);
      if (!timeZone) return fail("timeZone", "events.errors.timeZoneInvalid");
      const startsAt = instantOfWallTime(timeZone, value.startsAt);
      if (!startsAt) return fail("startsAt", "events.errors.timeInvalid");
      if (startsAt <= now) return fail("startsAt", "events.errors.inThePast");
      const endsAt = instantOfWallTime(timeZone, value.endsAt);
      if (!endsAt) return fail("endsAt", "events.errors.timeInvalid");
      if (endsAt <= startsAt) return fail("endsAt", "events.errors.endsBeforeStart");
      if (endsAt.getTime() - startsAt.getTime() > maxDurationDays * 24 * 3600 * 1000) return fail("endsAt", "events.errors.tooLong");
      const inPerson = value.format === "in_person";
      return {
        title: value.title,
        description: value.description,
        format: value.format,
        siteId: inPerson ? value.siteId : null,
        room: inPerson ? value.room : null,
        address: inPerson ? value.address : null,
        onlineUrl: inPerson ? null : value.onlineUrl,
        startsAt,
        endsAt,
        timeZone,
        capacity: value.capacity,
      };
    });
}
export type EventInput = z.input<ReturnType<typeof eventSchema>>;
export type EventDetails = z.output<ReturnType<typeof eventSchema>>;

/** A person's answer to an event. */
export const rsvpSchema = z.object({ response: z.enum(["going", "not_going"], "errors.invalidChoice") });
export type RsvpInput = z.input<typeof rsvpSchema>;

/** What an event leaves behind: its slides, a tutorial written after it (an id or a link); empty removes one. */
export const materialsSchema = z.object({
  slidesUrl: optionalHttpsUrl,
  tutorial: z
    .string()
    .trim()
    .max(300, "errors.tooLong")
    .optional()
    .transform((value) => value || null),
});
export type MaterialsInput = z.input<typeof materialsSchema>;

export const cancelSchema = z.object({ note: z.string().trim().max(1000, "errors.tooLong").default("") });
export type CancelInput = z.input<typeof cancelSchema>;
