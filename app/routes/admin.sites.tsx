import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { siteKind } from "../../db/schema";
import { handleForm, handleLoad, readForm, requireUser } from "../../server/http/respond";
import { ensureCan } from "../../server/policy";
import { listSites } from "../../server/sites/list-sites";
import { saveSite } from "../../server/sites/save-site";
import { Field, FormMessage, buttonClass, inputClass, isFormFailure } from "~/components/forms";
import { useT } from "~/i18n";

export const meta: MetaFunction = () => [{ title: "Sites · Guilde" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const sites = await handleLoad(async () => {
    ensureCan(viewer, { action: "site.manage" }, "hide");
    return listSites(context.guilde);
  });
  return { sites: sites.map(({ id, name, city, kind }) => ({ id, name, city, kind })), kinds: siteKind.enumValues };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const values = await readForm(request);
  return handleForm(values, async () => {
    await saveSite(context.guilde, { viewer, siteId: values.siteId || undefined, input: values });
    return redirect("/admin/sites?saved=1");
  });
}

export default function Sites() {
  const { sites, kinds } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = isFormFailure(result) ? result : undefined;
  const [searchParams] = useSearchParams();
  const editing = sites.find((site) => site.id === (failure?.values.siteId ?? searchParams.get("edit")));
  const t = useT();
  return (
    <div className="flex flex-col gap-8">
      <header>
        <h1 className="text-2xl font-bold">{t("sites.title")}</h1>
        <p className="mt-2 text-slate-700">{t("sites.intro")}</p>
      </header>
      {searchParams.get("saved") ? (
        <p role="status" className="rounded-md bg-green-50 p-3 text-green-800">
          {t("sites.saved")}
        </p>
      ) : null}
      <table className="w-full overflow-hidden rounded-lg bg-white text-left shadow-sm ring-1 ring-slate-200">
        <caption className="sr-only">{t("sites.count", { count: sites.length })}</caption>
        <thead className="bg-slate-100 text-sm">
          <tr>
            <th scope="col" className="px-4 py-2">{t("field.name")}</th>
            <th scope="col" className="px-4 py-2">{t("field.city")}</th>
            <th scope="col" className="px-4 py-2">{t("field.kind")}</th>
            <th scope="col" className="px-4 py-2"><span className="sr-only">{t("sites.edit")}</span></th>
          </tr>
        </thead>
        <tbody>
          {sites.map((site) => (
            <tr key={site.id} className="border-t border-slate-200">
              <td className="px-4 py-2 font-medium">{site.name}</td>
              <td className="px-4 py-2">{site.city}</td>
              <td className="px-4 py-2">{t(`site.kind.${site.kind}`)}</td>
              <td className="px-4 py-2 text-right">
                <a href={`?edit=${site.id}`} className="text-brand-700 underline">
                  {t("sites.edit")}<span className="sr-only"> {site.name}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="site-form-heading" className="max-w-md rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h2 id="site-form-heading" className="text-lg font-semibold">
          {editing ? `${t("sites.edit")}: ${editing.name}` : t("sites.add")}
        </h2>
        <Form method="post" className="mt-4 flex flex-col gap-4" noValidate key={editing?.id ?? "new"}>
          <FormMessage failure={failure} />
          {editing ? <input type="hidden" name="siteId" value={editing.id} /> : null}
          <Field name="name" label="field.name" failure={failure}>
            {(props) => <input {...props} defaultValue={props.defaultValue ?? editing?.name} required className={inputClass} />}
          </Field>
          <Field name="city" label="field.city" failure={failure}>
            {(props) => <input {...props} defaultValue={props.defaultValue ?? editing?.city} required className={inputClass} />}
          </Field>
          <Field name="kind" label="field.kind" failure={failure}>
            {(props) => (
              <select {...props} defaultValue={props.defaultValue ?? editing?.kind ?? "store"} className={inputClass}>
                {kinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`site.kind.${kind}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" className={buttonClass}>
            {t("sites.save")}
          </button>
        </Form>
      </section>
    </div>
  );
}
