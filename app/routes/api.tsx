import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { apiReference, type ReferenceField, type ReferenceOperation } from "../../server/api/reference";
import { requireUser } from "../../server/http/respond";
import { Badge } from "~/components/badge";
import { useT } from "~/i18n";
import { pageTitle } from "~/i18n/format";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("apiDocs.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context.user);
  return apiReference();
}

const anchorOf = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-");

const cell = "px-3 py-2 align-top";

function FieldTable({ caption, fields, showIn = false, showRequired = true }: { caption: string; fields: (ReferenceField & { in?: "path" | "query" })[]; showIn?: boolean; showRequired?: boolean }) {
  const t = useT();
  return (
    <div className="overflow-x-auto rounded-md ring-1 ring-slate-200">
      <table className="w-full text-left text-sm">
        <caption className="bg-slate-50 px-3 py-2 text-left font-semibold">{caption}</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className={cell}>{t("apiDocs.column.name")}</th>
            {showIn ? <th scope="col" className={cell}>{t("apiDocs.column.in")}</th> : null}
            <th scope="col" className={cell}>{t("apiDocs.column.type")}</th>
            {showRequired ? <th scope="col" className={cell}>{t("apiDocs.column.required")}</th> : null}
            <th scope="col" className={cell}>{t("apiDocs.column.description")}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field.name} className="border-t border-slate-200">
              <th scope="row" className={`${cell} font-normal`}>
                <code className="font-mono text-slate-900">{field.name}</code>
              </th>
              {showIn ? <td className={cell}>{field.in ? t(`apiDocs.in.${field.in}`) : null}</td> : null}
              <td className={`${cell} text-slate-700`}>{field.type}</td>
              {showRequired ? <td className={cell}>{field.required ? t("apiDocs.yes") : t("apiDocs.no")}</td> : null}
              <td className={`${cell} text-slate-700`}>{field.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Operation({ operation }: { operation: ReferenceOperation }) {
  const t = useT();
  const headingId = `operation-${operation.operationId}`;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h3 id={headingId} className="flex flex-wrap items-center gap-2 text-base font-semibold">
        <span className={operation.method === "GET" ? "rounded bg-slate-100 px-2 py-0.5 font-mono text-slate-900" : "rounded bg-amber-50 px-2 py-0.5 font-mono text-amber-900"}>
          {operation.method}
        </span>
        <code className="break-all font-mono">{`/api/v1${operation.path}`}</code>
      </h3>
      <p>{operation.summary}</p>
      <p>
        <Badge tone={operation.scope === "write" ? "warning" : "neutral"}>{operation.scope === "write" ? t("apiDocs.writeScope") : t("apiDocs.readScope")}</Badge>
      </p>
      {operation.parameters.length ? <FieldTable caption={t("apiDocs.parameters")} fields={operation.parameters} showIn /> : null}
      {operation.requestBody ? <FieldTable caption={t("apiDocs.requestBody")} fields={operation.requestBody} /> : null}
      <FieldTable caption={t("apiDocs.response", { status: operation.success.status })} fields={operation.success.fields} showRequired={false} />
      <div>
        <h4 className="text-sm font-semibold">{t("apiDocs.failures")}</h4>
        <ul className="mt-1 list-inside list-disc text-sm text-slate-700">
          {operation.failures.map((failure) => (
            <li key={failure.status}>
              <strong className="font-mono text-slate-900">{failure.status}</strong> {failure.description}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

/** The API reference, rendered on the server from /api/v1/openapi.json's own content, operations grouped by topic. */
export default function ApiDocs() {
  const reference = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">{t("apiDocs.title")}</h1>
        <p className="text-slate-700">{t("apiDocs.intro")}</p>
        <p className="text-slate-700">{t("apiDocs.conventions")}</p>
        <p className="flex flex-wrap gap-4">
          <a href="/api/v1/openapi.json" className="font-medium text-brand-700 underline underline-offset-2">
            {t("apiDocs.openapi")}
          </a>
          <a href="/settings#api-tokens-heading" className="font-medium text-brand-700 underline underline-offset-2">
            {t("apiDocs.tokens")}
          </a>
        </p>
      </header>
      <nav aria-labelledby="api-contents-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <h2 id="api-contents-heading" className="text-lg font-semibold">
          {t("apiDocs.operations")}
        </h2>
        <ul className="mt-2 grid gap-3 sm:grid-cols-2">
          {reference.groups.map((group) => (
            <li key={group.tag}>
              <a href={`#${anchorOf(group.tag)}`} className="font-medium text-brand-700 underline underline-offset-2">
                {group.tag}
              </a>
              <ul className="mt-1 text-sm">
                {group.operations.map((operation) => (
                  <li key={operation.operationId}>
                    <a href={`#operation-${operation.operationId}`} className="text-slate-800 underline underline-offset-2">
                      <span className="font-mono">{operation.method}</span> {operation.path}
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
          <li>
            <a href="#api-errors" className="font-medium text-brand-700 underline underline-offset-2">
              {t("apiDocs.errors")}
            </a>
          </li>
        </ul>
      </nav>
      {reference.groups.map((group) => (
        <section key={group.tag} aria-labelledby={anchorOf(group.tag)} className="flex flex-col gap-4">
          <h2 id={anchorOf(group.tag)} className="text-xl font-semibold">
            {group.tag}
          </h2>
          {group.operations.map((operation) => (
            <Operation key={operation.operationId} operation={operation} />
          ))}
        </section>
      ))}
      <section aria-labelledby="api-errors" className="flex flex-col gap-3">
        <h2 id="api-errors" className="text-xl font-semibold">
          {t("apiDocs.errors")}
        </h2>
        <p className="text-slate-700">{t("apiDocs.errorsIntro")}</p>
        <FieldTable caption={t("apiDocs.errors")} fields={reference.errorFields} showRequired={false} />
      </section>
    </div>
  );
}
