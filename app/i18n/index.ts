import { useRouteLoaderData } from "@remix-run/react";
import { en, type MessageKey } from "./en";
import { fr } from "./fr";

export type { MessageKey };
export const locales = ["en", "fr"] as const;
export type Locale = (typeof locales)[number];

const dictionaries: Record<Locale, Record<MessageKey, string>> = { en, fr };

export function isMessageKey(key: string): key is MessageKey {
  return key in en;
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

// Intl formatters are costly to build and a page formats hundreds of dates and numbers: build each once.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();
function cached<Formatter extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(key: string, build: () => Formatter): Formatter {
  let formatter = formatters.get(key) as Formatter | undefined;
  if (!formatter) formatters.set(key, (formatter = build()));
  return formatter;
}

export const dateFormat = (locale: Locale, options: Intl.DateTimeFormatOptions) =>
  cached(`date:${locale}:${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
export const numberFormat = (locale: Locale) => cached(`number:${locale}`, () => new Intl.NumberFormat(locale));
export const relativeTimeFormat = (locale: Locale) =>
  cached(`relative:${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: "auto" }));

const translators = new Map<Locale, Translate>();

export function translator(locale: Locale): Translate {
  let translate = translators.get(locale);
  if (!translate) translators.set(locale, (translate = buildTranslator(locale)));
  return translate;
}

function buildTranslator(locale: Locale): Translate {
  const dictionary = dictionaries[locale];
  const numbers = numberFormat(locale);
  return (key, params) =>
    dictionary[key].replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = params?.[name];
      return typeof value === "number" ? numbers.format(value) : (value ?? `{${name}}`);
    });
}

/** Translates a message coming from the server (an error key); unknown keys get a generic text. */
export function translateServerMessage(t: Translate, key: string, params?: Record<string, string | number>) {
  return t(isMessageKey(key) ? key : "errors.invalidValue", params);
}

export function formatDate(locale: Locale, date: Date | string, style: "long" | "medium" = "long") {
  return dateFormat(locale, { dateStyle: style, timeZone: "UTC" }).format(new Date(date));
}

/** The locale the root loader chose for this request. */
export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale: Locale }>("root");
  return data?.locale ?? "en";
}

export function useT(): Translate {
  return translator(useLocale());
}
