/** Locale-aware wording that a plain key lookup cannot give: counts, month-and-year dates, page titles. */
import { dateFormat, translator, useLocale, useT, type Locale, type MessageKey, type Translate } from "./index";

/** Message keys that come as a `.one` / `.other` pair, e.g. "communities.count.members". */
export type CountKey = {
  [K in MessageKey]: K extends `${infer Base}.other` ? (`${Base}.one` extends MessageKey ? Base : never) : never;
}[MessageKey];

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** "1 member", "12 members": English and French only need "one" and "other" for counts. */
export function countText(t: Translate, locale: Locale, key: CountKey, count: number, params?: Record<string, string | number>) {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  const category = rules.select(count) === "one" ? "one" : "other";
  return t(`${key}.${category}`, { ...params, count });
}

export function useCountText() {
  const t = useT();
  const locale = useLocale();
  return (key: CountKey, count: number, params?: Record<string, string | number>) => countText(t, locale, key, count, params);
}

/** "March 2026" / "mars 2026". */
export function formatMonthYear(locale: Locale, date: Date | string) {
  return dateFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(date));
}

/** A page title in the visitor's language, for a route's `meta` (which cannot use hooks). */
export function pageTitle(matches: readonly { id: string; data: unknown }[], title: (t: Translate) => string) {
  const root = matches.find((match) => match.id === "root")?.data as { locale?: Locale } | undefined;
  return [{ title: `${title(translator(root?.locale ?? "en"))} · Guilde` }];
}
