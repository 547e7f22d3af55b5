import { z } from "zod";
import { day } from "../validation";

const dayMs = 86_400_000;
/** A longer range would scan years of rows for one page; two years covers every comparison asked for. */
export const maxRangeDays = 731;
export const defaultRangeDays = 90;
export const defaultOlderThanDays = 7;

const blankAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/**
 * The analytics filters, all optional, as the page's GET form sends them. The range is whole UTC days,
 * `to` included; without dates it is the last 90 days.
 */
export const analyticsInputSchema = z
  .object({
    from: z.preprocess(blankAsUndefined, day.optional()),
    to: z.preprocess(blankAsUndefined, day.optional()),
    site: z.string().trim().max(64).default(""),
    community: z.string().trim().max(60).default(""),
    olderThanDays: z.preprocess(blankAsUndefined, z.coerce.number("errors.invalidValue").int("errors.invalidValue").min(1, "errors.invalidValue").max(365, "errors.invalidValue").default(defaultOlderThanDays)),
  })
  .transform((input, context) => {
    const today = new Date(new Date().toISOString().slice(0, 10) + "T00:00:00Z");
    const to = input.to ?? (input.from ? new Date(Math.max(today.getTime(), input.from.getTime())) : today);
    const from = input.from ?? new Date(to.getTime() - (defaultRangeDays - 1) * dayMs);
    if (to < from) context.addIssue({ code: "custom", path: ["to"], message: "errors.rangeEndBeforeStart" });
    else if ((to.getTime() - from.getTime()) / dayMs + 1 > maxRangeDays) context.addIssue({ code: "custom", path: ["from"], message: "errors.rangeTooLong" });
    return { ...input, from, to, endExclusive: new Date(to.getTime() + dayMs) };
  });

export type AnalyticsInput = z.input<typeof analyticsInputSchema>;
export type AnalyticsFilters = z.output<typeof analyticsInputSchema>;

/** What every figure is computed over: questions (ideas, tutorials…) of one community or all, optionally one site, asked in [from, endExclusive). */
export interface AnalyticsScope {
  communityId: string | null;
  siteId: string | null;
  from: Date;
  endExclusive: Date;
}
