/**
 * Wall-clock times in an IANA time zone, with nothing but Intl: an event is typed as the announcer
 * reads it on the venue's clock ("2026-12-03T18:30" in Europe/Paris), stored as the UTC instant.
 */

/** A zone Intl knows (IANA names, and UTC), answered with its canonical spelling; null otherwise. */
export function canonicalTimeZone(zone: string): string | null {
  if (!zone || zone.length > 64) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Every zone offered to pick from: what this runtime knows. */
export const knownTimeZones = (): string[] => Intl.supportedValuesOf("timeZone");

const wallFormats = new Map<string, Intl.DateTimeFormat>();
function wallFormat(zone: string): Intl.DateTimeFormat {
  let format = wallFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    wallFormats.set(zone, format);
  }
  return format;
}

/** What the clock on the wall reads in `zone` at `instant`, as a `datetime-local` value (YYYY-MM-DDTHH:MM). */
export function wallTimeIn(zone: string, instant: Date): string {
  const parts = Object.fromEntries(wallFormat(zone).formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

const wallPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant at which the wall clock in `zone` reads `wall` (YYYY-MM-DDTHH:MM). `null` for a value
 * that is no time, or a time the clock skips (the hour lost when summer time starts).
 */
export function instantOfWallTime(zone: string, wall: string): Date | null {
  const match = wallPattern.exec(wall);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(asUtc) || new Date(asUtc).toISOString().slice(0, 16) !== wall) return null;
  // The zone's offset at a first guess, then at the instant that guess gives (they differ across a change of offset).
  const offsetAt = (instant: number) => Date.parse(`${wallTimeIn(zone, new Date(instant))}:00Z`) - instant;
  let instant = asUtc - offsetAt(asUtc);
  instant = asUtc - offsetAt(instant);
  return wallTimeIn(zone, new Date(instant)) === wall ? new Date(instant) : null;
}
