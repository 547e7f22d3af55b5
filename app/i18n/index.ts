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

export function translator(locale: Locale): Translate {
  const dictionary = dictionaries[locale];
  const numbers = new Intl.NumberFormat(locale);
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
  return new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: "UTC" }).format(new Date(date));
}

/** The locale the root loader chose for this request. */
export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale: Locale }>("root");
  return data?.locale ?? "en";
}

export function useT(): Translate {
  return translator(useLocale());
}
