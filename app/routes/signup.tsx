import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { signUp } from "../../server/auth/sign-up";
import { handleForm, readForm } from "../../server/http/respond";
import { listSites } from "../../server/sites/list-sites";
import { Field, FormMessage, buttonClass, inputClass, isFormFailure } from "~/components/forms";
import { useLocale, useT } from "~/i18n";

export const meta: MetaFunction = () => [{ title: "Guilde" }];

export async function loader({ context }: LoaderFunctionArgs) {
  if (context.user) throw redirect("/");
  // Employees use single sign-on only: their accounts are created on their first sign-in.
  if (context.guilde.config.passwordSignIn === "customers-only") throw redirect("/signin");
  const sites = await listSites(context.guilde);
  return { sites: sites.map(({ id, name, city }) => ({ id, name, city })) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = await readForm(request);
  return handleForm(values, async () => {
    const { cookie } = await signUp(context.guilde, { input: values });
    return redirect("/", { headers: { "Set-Cookie": cookie.serialized } });
  });
}

export default function SignUp() {
  const { sites } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = isFormFailure(result) ? result : undefined;
  const t = useT();
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-md rounded-lg bg-white p-8 shadow-sm ring-1 ring-slate-200">
      <h1 className="text-2xl font-bold">{t("signUp.title")}</h1>
      <p className="mt-2 text-slate-700">{t("signUp.intro")}</p>
      <Form method="post" className="mt-6 flex flex-col gap-4" noValidate>
        <FormMessage failure={failure} />
        <input type="hidden" name="locale" value={locale} />
        <Field name="email" label="field.email" failure={failure}>
          {(props) => <input {...props} type="email" autoComplete="email" required className={inputClass} />}
        </Field>
        <Field name="displayName" label="field.displayName" failure={failure}>
          {(props) => <input {...props} autoComplete="name" required className={inputClass} />}
        </Field>
        <Field name="password" label="field.password" hint="field.passwordHint" failure={failure}>
          {(props) => <input {...props} type="password" autoComplete="new-password" required className={inputClass} />}
        </Field>
        <Field name="siteId" label="field.site" failure={failure}>
          {(props) => (
            <select {...props} defaultValue={props.defaultValue ?? ""} required className={inputClass}>
              <option value="">{t("field.sitePlaceholder")}</option>
              {sites.map((site) => (
                <option key={site.id} value={site.id}>
                  {site.name} ({site.city})
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className={buttonClass}>
          {t("signUp.submit")}
        </button>
      </Form>
      <p className="mt-6 text-sm text-slate-700">
        {t("signUp.haveAccount")}{" "}
        <a href="/signin" className="font-semibold text-brand-700 underline">
          {t("account.signIn")}
        </a>
      </p>
    </div>
  );
}
