import Negotiator from "negotiator";
import type { SessionUser } from "../../server/auth/sessions";
import { locales, type Locale } from "./index";

export const localeCookieName = "guilde_locale";

/** The user's setting, else the switcher's cookie, else the browser's Accept-Language, else English. */
export function resolveLocale(request: Request, user: SessionUser | null): Locale {
  if (user?.locale) return user.locale;
  const fromCookie = readCookie(request.headers.get("cookie"), localeCookieName);
  if (isLocale(fromCookie)) return fromCookie;
  const negotiator = new Negotiator({ headers: { "accept-language": request.headers.get("accept-language") ?? "" } });
  const preferred = negotiator.language([...locales]);
  return isLocale(preferred) ? preferred : "en";
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export function localeCookie(locale: Locale): string {
  return `${localeCookieName}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

function readCookie(header: string | null, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}
