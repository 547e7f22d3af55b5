import { Form } from "@remix-run/react";
import { Field, FormMessage, buttonClass, inputClass, secondaryButtonClass, type FormFailureData } from "~/components/forms";
import { formatDate, useLocale, useT } from "~/i18n";

export interface ApiTokenRow {
  id: string;
  name: string;
  scope: "read" | "write";
  createdAt: string | Date;
  lastUsedAt: string | Date | null;
  revokedAt: string | Date | null;
}

/** The settings section where someone creates and revokes their API tokens; a new token is shown once. */
export function ApiTokensSection({ tokens, created, failure }: { tokens: ApiTokenRow[]; created: { name: string; token: string } | null; failure?: FormFailureData }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="api-tokens-heading" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h2 id="api-tokens-heading" className="text-lg font-semibold">
        {t("apiTokens.title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        {t("apiTokens.intro")}{" "}
        <a href="/api" className="font-medium text-indigo-700 underline">
          {t("apiTokens.docs")}
        </a>
      </p>
      {created ? (
        <div role="status" className="mt-4 rounded-md bg-green-50 p-3 text-green-900">
          <p>{t("apiTokens.created", { name: created.name })}</p>
          <code data-testid="new-api-token" className="mt-2 block break-all rounded bg-white p-2 font-mono text-sm ring-1 ring-green-200">
            {created.token}
          </code>
        </div>
      ) : null}
      <Form method="post" className="mt-4 flex flex-col gap-4" noValidate>
        <FormMessage failure={failure} />
        <input type="hidden" name="intent" value="createApiToken" />
        <Field name="name" id="api-token-name" label="field.apiTokenName" hint="field.apiTokenNameHint" failure={failure}>
          {(props) => <input {...props} required maxLength={80} className={inputClass} />}
        </Field>
        <Field name="scope" id="api-token-scope" label="field.apiTokenScope" failure={failure}>
          {(props) => (
            <select {...props} defaultValue={props.defaultValue ?? "read"} className={inputClass}>
              <option value="read">{t("apiTokens.scope.read")}</option>
              <option value="write">{t("apiTokens.scope.write")}</option>
            </select>
          )}
        </Field>
        <button type="submit" className={buttonClass}>
          {t("apiTokens.create")}
        </button>
      </Form>
      {tokens.length === 0 ? (
        <p className="mt-4 text-slate-600">{t("apiTokens.none")}</p>
      ) : (
        <ul className="mt-4 divide-y divide-slate-200">
          {tokens.map((token) => (
            <li key={token.id} className="flex items-center justify-between gap-4 py-3">
              <div>
                <p className="font-medium">
                  {token.name} <span className="text-sm font-normal text-slate-600">({t(`apiTokens.scope.${token.scope}`)})</span>
                </p>
                <p className="text-sm text-slate-600">
                  {token.revokedAt
                    ? t("apiTokens.revoked", { date: formatDate(locale, token.revokedAt, "medium") })
                    : `${t("apiTokens.createdOn", { date: formatDate(locale, token.createdAt, "medium") })}, ${
                        token.lastUsedAt ? t("apiTokens.lastUsed", { date: formatDate(locale, token.lastUsedAt, "medium") }) : t("apiTokens.neverUsed")
                      }`}
                </p>
              </div>
              {token.revokedAt ? null : (
                <Form method="post">
                  <input type="hidden" name="tokenId" value={token.id} />
                  <button type="submit" name="intent" value="revokeApiToken" aria-label={t("apiTokens.revokeLabel", { name: token.name })} className={secondaryButtonClass}>
                    {t("apiTokens.revoke")}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
