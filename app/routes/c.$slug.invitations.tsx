import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getCommunity } from "../../server/communities/get-community";
import { Invalid, NotFound } from "../../server/errors";
import { handleForm, handleLoad, readForm, requireUser } from "../../server/http/respond";
import { inviteCustomers } from "../../server/invitations/invite-customers";
import { listInvitations } from "../../server/invitations/list-invitations";
import { revokeInvitation } from "../../server/invitations/revoke-invitation";
import type { CommunityRouteHandle } from "~/components/community-header";
import { Field, FormMessage, buttonClass, inputClass, isFormFailure } from "~/components/forms";
import { InvitationTable } from "~/components/invitation-table";
import { noticeHref } from "~/components/notice";
import { Pagination } from "~/components/pagination";
import { locales, useLocale, useT } from "~/i18n";

export const handle: CommunityRouteHandle = { ownHeading: true };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const cursor = new URL(request.url).searchParams.get("cursor");
  return handleLoad(async () => {
    const page = await getCommunity(context.guilde, { viewer, slug: params.slug ?? "" });
    // Invitations are for the moderators of an open community; to anyone else the page does not exist.
    if (!page.may.moderate) throw new NotFound();
    const invitations = await listInvitations(context.guilde, { viewer, communityId: page.community.id, cursor });
    return { community: { id: page.community.id, name: page.community.name, visibility: page.community.visibility }, mayInvite: page.may.invite, invitations };
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const values = await readForm(request);
  const origin = new URL(request.url).origin;
  return handleForm(values, async () => {
    switch (values.intent) {
      case "invite": {
        const outcome = await inviteCustomers(context.guilde, { viewer, communityId: values.communityId ?? "", input: values, origin });
        return { ok: true as const, outcome };
      }
      case "revoke":
        await revokeInvitation(context.guilde, { viewer, invitationId: values.invitationId ?? "" });
        return redirect(noticeHref(`/c/${params.slug}/invitations`, "invitationRevoked"));
      default:
        throw new Invalid({ form: ["errors.invalidChoice"] });
    }
  });
}

export default function CommunityInvitations() {
  const { community, mayInvite, invitations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = isFormFailure(result) ? result : undefined;
  const outcome = result && !isFormFailure(result) ? result.outcome : null;
  const t = useT();
  const locale = useLocale();
  const invalid = failure?.fieldErrors.invalidAddresses ?? [];
  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-2xl font-bold">{t("invitations.title")}</h1>
      {outcome ? <InvitationOutcome outcome={outcome} /> : null}
      {mayInvite ? (
        <section aria-labelledby="invite-heading" className="max-w-2xl rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <h2 id="invite-heading" className="text-lg font-semibold">
            {t("invitations.invite")}
          </h2>
          <p className="mt-2 text-slate-700">{t("invitations.intro")}</p>
          <Form method="post" className="mt-4 flex flex-col gap-4" noValidate>
            <FormMessage failure={failure} />
            <input type="hidden" name="communityId" value={community.id} />
            <Field name="emails" label="invitations.emails" hint="invitations.emailsHint" failure={failure}>
              {(props) => <textarea {...props} required rows={6} className={`${inputClass} font-mono text-sm`} />}
            </Field>
            {invalid.length ? (
              <p className="text-sm font-medium text-red-700">{t("invitations.invalidList", { addresses: invalid.join(", ") })}</p>
            ) : null}
            <Field name="locale" label="invitations.language" failure={failure}>
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
            <div>
              <button type="submit" name="intent" value="invite" className={buttonClass}>
                {t("invitations.submit")}
              </button>
            </div>
          </Form>
        </section>
      ) : (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">{t("invitations.openOnly")}</p>
      )}
      <section aria-labelledby="invitations-heading" className="flex flex-col gap-3">
        <h2 id="invitations-heading" className="text-xl font-semibold">
          {t("invitations.list")}
        </h2>
        <InvitationTable invitations={invitations.items} showCommunity={false} />
        <Pagination nextCursor={invitations.nextCursor} />
      </section>
    </div>
  );
}

type Outcome = Awaited<ReturnType<typeof inviteCustomers>>;

/** What was sent: each address, and the link to pass on when no mail server sent it. */
function InvitationOutcome({ outcome }: { outcome: Outcome }) {
  const t = useT();
  return (
    <section role="status" aria-labelledby="outcome-heading" className="flex flex-col gap-3 rounded-lg border border-green-200 bg-green-50 p-5 text-green-950">
      <h2 id="outcome-heading" className="text-lg font-semibold">
        {t("invitations.sentCount", { count: outcome.sent.length })}
      </h2>
      {outcome.sent.some((sent) => sent.link) ? <p>{t("invitations.linksHint")}</p> : null}
      <ul className="flex flex-col gap-2">
        {outcome.sent.map((sent) => (
          <li key={sent.email} className="flex flex-col gap-1">
            <span className="font-medium">
              {sent.email} · {t(`invitations.delivery.${sent.delivery}`)}
            </span>
            {sent.link ? (
              <input
                readOnly
                value={sent.link}
                aria-label={t("invitations.linkFor", { email: sent.email })}
                className="w-full rounded-md border border-green-300 bg-white px-2 py-1 font-mono text-sm text-slate-900"
              />
            ) : null}
          </li>
        ))}
      </ul>
      {outcome.skipped.length ? <p>{t("invitations.skipped", { addresses: outcome.skipped.join(", ") })}</p> : null}
    </section>
  );
}
