import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { createApiToken } from "../../server/api-tokens/create-api-token";
import { listApiTokens } from "../../server/api-tokens/list-api-tokens";
import { revokeApiToken } from "../../server/api-tokens/revoke-api-token";
import { signOutEverywhere } from "../../server/auth/sign-out";
import { handleForm, handleLoad, readForm, requireUser } from "../../server/http/respond";
import { getDigestFrequency } from "../../server/digests/digest-settings";
import { getProfile } from "../../server/people/get-profile";
import { updateProfile } from "../../server/people/update-profile";
import { listSites } from "../../server/sites/list-sites";
import { ApiTokensSection } from "~/components/api-tokens";
import { Field, FormMessage, buttonClass, inputClass, isFormFailure, secondaryButtonClass } from "~/components/forms";
import { useT } from "~/i18n";

export const meta: MetaFunction = () => [{ title: "Guilde" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const [profile, sites, digestFrequency, apiTokens] = await handleLoad(() =>
    Promise.all([
      getProfile(context.guilde, { viewer, userId: viewer.id }),
      listSites(context.guilde),
      getDigestFrequency(context.guilde, { viewer }),
      listApiTokens(context.guilde, { viewer }),
    ]),
  );
  return { profile, digestFrequency, apiTokens, sites: sites.map(({ id, name, city }) => ({ id, name, city })) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const values = await readForm(request);
  return handleForm(values, async () => {
    if (values.intent === "signOutEverywhere") {
      const cookie = await signOutEverywhere(context.guilde, { viewer });
      return redirect("/settings?signedOut=1", { headers: { "Set-Cookie": cookie.serialized } });
    }
    // Answered with data, not a redirect: the new token is in this one response and nowhere else.
    if (values.intent === "createApiToken") {
      const { name, token } = await createApiToken(context.guilde, { viewer, input: values });
      return { ok: true as const, createdApiToken: { name, token } };
    }
    if (values.intent === "revokeApiToken") {
      await revokeApiToken(context.guilde, { viewer, tokenId: values.tokenId ?? "" });
      return redirect("/settings?tokenRevoked=1");
    }
    await updateProfile(context.guilde, { viewer, userId: viewer.id, input: values });
    return redirect("/settings?saved=1");
  });
}

export default function Settings() {
  const { profile, sites, digestFrequency, apiTokens } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const anyFailure = isFormFailure(result) ? result : undefined;
  // Each form shows its own refusal: the token form's, or the profile form's.
  const tokenFailure = anyFailure?.values.intent === "createApiToken" ? anyFailure : undefined;
  const failure = tokenFailure ? undefined : anyFailure;
  const createdApiToken = result && "createdApiToken" in result ? result.createdApiToken : null;
  const [searchParams] = useSearchParams();
  const t = useT();
  const current = (field: string, fallback: string) => failure?.values[field] ?? fallback;
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-8">
      <h1 className="text-2xl font-bold">{t("settings.title")}</h1>
      {searchParams.get("notice") === "chooseSite" ? (
        <p role="status" className="rounded-md bg-amber-50 p-3 text-amber-900">
          {t("settings.chooseSite")}
        </p>
      ) : null}
      {searchParams.get("saved") ? (
        <p role="status" className="rounded-md bg-green-50 p-3 text-green-800">
          {t("settings.saved")}
        </p>
      ) : null}
      {searchParams.get("tokenRevoked") ? (
        <p role="status" className="rounded-md bg-green-50 p-3 text-green-800">
          {t("apiTokens.revokedNotice")}
        </p>
      ) : null}
      {searchParams.get("signedOut") ? (
        <p role="status" className="rounded-md bg-green-50 p-3 text-green-800">
          {t("account.signedOutEverywhere")}
        </p>
      ) : null}
      <section aria-labelledby="profile-heading" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h2 id="profile-heading" className="text-lg font-semibold">
          {t("settings.profile")}
        </h2>
        <Form method="post" className="mt-4 flex flex-col gap-4" noValidate>
          <FormMessage failure={failure} />
          <Field name="displayName" label="field.displayName" failure={failure}>
            {(props) => <input {...props} defaultValue={current("displayName", profile.displayName)} required className={inputClass} />}
          </Field>
          <Field name="title" label="field.title" failure={failure}>
            {(props) => <input {...props} defaultValue={current("title", profile.details?.title ?? "")} className={inputClass} />}
          </Field>
          <Field name="bio" label="field.bio" failure={failure}>
            {(props) => <textarea {...props} rows={4} defaultValue={current("bio", profile.details?.bio ?? "")} className={inputClass} />}
          </Field>
          {profile.role !== "customer" ? (
            <Field name="siteId" label="field.site" failure={failure}>
              {(props) => (
                <select {...props} defaultValue={current("siteId", profile.site?.id ?? "")} className={inputClass}>
                  {sites.map((site) => (
                    <option key={site.id} value={site.id}>
                      {site.name} ({site.city})
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          <Field name="locale" label="field.locale" failure={failure}>
            {(props) => (
              <select {...props} defaultValue={current("locale", profile.details?.locale ?? "")} className={inputClass}>
                <option value="">{t("field.localeAuto")}</option>
                <option value="en" lang="en">
                  {t("locale.en")}
                </option>
                <option value="fr" lang="fr">
                  {t("locale.fr")}
                </option>
              </select>
            )}
          </Field>
          <Field name="digestFrequency" label="field.digestFrequency" hint="field.digestFrequencyHint" failure={failure}>
            {(props) => (
              <select {...props} defaultValue={current("digestFrequency", digestFrequency)} className={inputClass}>
                <option value="weekly">{t("digest.frequency.weekly")}</option>
                <option value="daily">{t("digest.frequency.daily")}</option>
                <option value="off">{t("digest.frequency.off")}</option>
              </select>
            )}
          </Field>
          <button type="submit" className={buttonClass}>
            {t("settings.save")}
          </button>
        </Form>
      </section>
      <section aria-labelledby="security-heading" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h2 id="security-heading" className="text-lg font-semibold">
          {t("settings.security")}
        </h2>
        <Form method="post" className="mt-4">
          <button type="submit" name="intent" value="signOutEverywhere" className={secondaryButtonClass}>
            {t("account.signOutEverywhere")}
          </button>
        </Form>
      </section>
      <ApiTokensSection tokens={apiTokens} created={createdApiToken} failure={tokenFailure} />
    </div>
  );
}
