import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { handleForm, handleLoad, readForm } from "../../server/http/respond";
import { acceptInvitation } from "../../server/invitations/accept-invitation";
import { getInvitation } from "../../server/invitations/find-invitation";
import { Field, FormMessage, buttonClass, inputClass, isFormFailure } from "~/components/forms";
import { noticeHref } from "~/components/notice";
import { formatDate, locales, useLocale, useT } from "~/i18n";

export const meta: MetaFunction = () => [{ title: "Guilde" }];

/** Whoever holds the link sees the invitation; a used, expired or revoked one says so (410), a forged one is a 404. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const invitation = await handleLoad(() => getInvitation(context.guilde, { token: params.token ?? "" }));
  const signedInAs = context.user ? context.user.displayName : null;
  return data({ invitation, signedInAs }, { status: invitation.state === "valid" ? 200 : 410 });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const values = await readForm(request);
  return handleForm(values, async () => {
    const { cookie, communitySlug } = await acceptInvitation(context.guilde, { token: params.token ?? "", input: values });
    return redirect(noticeHref(`/c/${communitySlug}`, "welcome"), { headers: { "Set-Cookie": cookie.serialized } });
  });
}

export default function AcceptInvitation() {
  const { invitation, signedInAs } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = isFormFailure(result) ? result : undefined;
  const t = useT();
  const locale = useLocale();
  const { community } = invitation;
  return (
    <div className="mx-auto max-w-lg rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <div aria-hidden="true" className="h-3 rounded-t-lg" style={{ backgroundColor: community.color }} />
      <div className="p-8">
        <h1 className="text-2xl font-bold">{t("invitation.title", { community: community.name })}</h1>
        {invitation.state === "valid" ? (
          <>
            <p className="mt-2 text-slate-700">{t("invitation.intro", { inviter: invitation.inviterName, community: community.name })}</p>
            {community.description ? <p className="mt-3 line-clamp-4 whitespace-pre-line text-slate-700">{community.description}</p> : null}
            <p className="mt-3 text-sm text-slate-600">
              {t("invitation.expires", { date: formatDate(locale, invitation.expiresAt) })}
            </p>
            {signedInAs ? (
              <p className="mt-6 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">{t("invitation.signedIn", { name: signedInAs })}</p>
            ) : (
              <Form method="post" className="mt-6 flex flex-col gap-4" noValidate>
                <FormMessage failure={failure} />
                <div className="flex flex-col gap-1">
                  <span className="font-medium text-slate-800">{t("field.email")}</span>
                  <span className="text-slate-900">{invitation.email}</span>
                </div>
                <Field name="displayName" label="field.displayName" hint="invitation.nameHint" failure={failure}>
                  {(props) => <input {...props} autoComplete="name" required className={inputClass} />}
                </Field>
                <Field name="password" label="field.password" hint="field.passwordHint" failure={failure}>
                  {(props) => <input {...props} type="password" autoComplete="new-password" required className={inputClass} />}
                </Field>
                <Field name="locale" label="field.locale" failure={failure}>
                  {(props) => (
                    <select {...props} defaultValue={props.defaultValue ?? locale} className={inputClass}>
                      {locales.map((option) => (
                        <option key={option} value={option} lang={option}>
                          {t(`locale.${option}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <button type="submit" className={buttonClass}>
                  {t("invitation.accept")}
                </button>
              </Form>
            )}
          </>
        ) : (
          <p role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
            {t(`invitation.state.${invitation.state}`)}
          </p>
        )}
      </div>
    </div>
  );
}
