import type { Config } from "../config";

export type DigestCadence = "daily" | "weekly";

const dayMs = 24 * 60 * 60 * 1000;
export const periodLengthMs: Record<DigestCadence, number> = { daily: dayMs, weekly: 7 * dayMs };

/** The ISO week ("2026-W49") or the UTC day ("2026-12-03") a moment falls in: a digest's period. */
export function periodKey(cadence: DigestCadence, now: Date): string {
  if (cadence === "daily") return now.toISOString().slice(0, 10);
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  // The ISO week-numbering year is the one of the week's Thursday.
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / dayMs + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/** Whether this period's digests are due at `now`: from the configured hour (and weekday, for weekly ones) on. */
export function isDue(cadence: DigestCadence, now: Date, schedule: Config["digests"]): boolean {
  const weekday = now.getUTCDay() || 7;
  if (cadence === "weekly" && weekday < schedule.weekday) return false;
  if (cadence === "weekly" && weekday > schedule.weekday) return true;
  return now.getUTCHours() >= schedule.hour;
}
