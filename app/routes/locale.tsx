import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { isLocale, localeCookie } from "~/i18n/locale.server";
import { readForm, safeRedirectPath } from "../../server/http/respond";
import { setLocale } from "../../server/people/update-profile";

export async function loader() {
  return redirect("/");
}

/** The language switcher: remembered in a cookie, and on the account when signed in. */
export async function action({ request, context }: ActionFunctionArgs) {
  const values = await readForm(request);
  const back = safeRedirectPath(values.redirectTo);
  if (!isLocale(values.locale)) return redirect(back);
  await setLocale(context.guilde, { viewer: context.user, locale: values.locale });
  return redirect(back, { headers: { "Set-Cookie": localeCookie(values.locale) } });
}
