import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AccountBlocked } from "../../server/auth/account-status";
import { signIn } from "../../server/auth/sign-in";
import { handleForm, readForm, safeRedirectPath } from "../../server/http/respond";
import { Field, FormMessage, buttonClass, inputClass, isFormFailure } from "~/components/forms";
import { formatDate, useLocale, useT } from "~/i18n";

export const meta: MetaFunction = () => [{ title: "Guilde" }];

// A throttled attempt tells the browser when to come back.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return new Headers(retryAfter ? { "Retry-After": retryAfter } : undefined);
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (context.user) throw redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")));
  const { oidc, passwordSignIn } = context.guilde.config;
  return { singleSignOn: oidc !== null, passwordForCustomersOnly: passwordSignIn === "customers-only" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = await readForm(request);
  return handleForm(values, async () => {
    try {
      const { cookie } = await signIn(context.guilde, { input: values, ip: context.clientIp });
      return redirect(safeRedirectPath(values.redirectTo), { headers: { "Set-Cookie": cookie.serialized } });
    } catch (error) {
      if (!(error instanceof AccountBlocked)) throw error;
      // The form says why the account may not sign in, and until when, rather than an error page.
      const { block } = error;
      return data(
        {
          ok: false as const,
          message: error.message,
          fieldErrors: { form: [error.message] },
          values: { email: values.email ?? "", redirectTo: values.redirectTo ?? "" },
          blocked: block.kind === "suspended" ? { until: block.until, reason: block.reason } : { until: null, reason: null },
        },
        { status: 403 },
      );
    }
  });
}

export default function SignIn() {
  const { singleSignOn, passwordForCustomersOnly } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = isFormFailure(result) ? result : undefined;
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo") ?? "/";
  const blocked = result && "blocked" in result ? result.blocked : null;
  const t = useT();
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-md rounded-lg bg-white p-8 shadow-sm ring-1 ring-slate-200">
      <h1 className="text-2xl font-bold">{t("signIn.title")}</h1>
      {singleSignOn ? (
        <>
          <a href={`/auth/oidc?${new URLSearchParams({ redirectTo })}`} className={`${buttonClass} mt-6 w-full`}>
            {t("signIn.withCompany")}
          </a>
          <h2 className="mt-8 text-base font-semibold text-slate-800">
            {t(passwordForCustomersOnly ? "signIn.passwordForCustomers" : "signIn.orPassword")}
          </h2>
        </>
      ) : null}
      <Form method="post" className="mt-6 flex flex-col gap-4" noValidate>
        <FormMessage failure={failure} />
        {blocked && (blocked.until || blocked.reason) ? (
          <p className="text-sm text-red-800">
            {blocked.until ? t("suspension.signInUntil", { date: formatDate(locale, blocked.until) }) : null}
            {blocked.reason ? ` ${t("suspension.signInReason", { reason: blocked.reason })}` : null}
          </p>
        ) : null}
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field name="email" label="field.email" failure={failure}>
          {(props) => <input {...props} type="email" autoComplete="username" required className={inputClass} />}
        </Field>
        <Field name="password" label="field.password" failure={failure}>
          {(props) => <input {...props} type="password" autoComplete="current-password" required className={inputClass} />}
        </Field>
        <button type="submit" className={buttonClass}>
          {t("signIn.submit")}
        </button>
      </Form>
      {passwordForCustomersOnly ? null : (
        <p className="mt-6 text-sm text-slate-700">
          {t("signIn.noAccount")}{" "}
          <a href="/signup" className="font-semibold text-brand-700 underline">
            {t("account.signUp")}
          </a>
        </p>
      )}
    </div>
  );
}
