import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Invalid } from "../../server/errors";
import { handleForm, handleLoad, readForm, requireUser } from "../../server/http/respond";
import { liftSuspension, suspendUser } from "../../server/moderation/suspend-user";
import { getProfile } from "../../server/people/get-profile";
import { tutorialsBy } from "../../server/tutorials/list-tutorials";
import { Badge } from "~/components/badge";
import { Field, FormMessage, inputClass, isFormFailure, secondaryButtonClass, type FormFailureData } from "~/components/forms";
import { Notice, noticeHref } from "~/components/notice";
import { TutorialList } from "~/components/tutorial-list";
import { fillSlots } from "~/components/slots";
import { formatDate, useLocale, useT } from "~/i18n";
import { formatMonthYear } from "~/i18n/format";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.profile.displayName} · Guilde` : "Guilde" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const profile = await handleLoad(() => getProfile(context.guilde, { viewer, userId: params.userId ?? "" }));
  // Their published tutorials, in the communities the viewer may read (monitors' know-how, first of all).
  const tutorials = await tutorialsBy(context.guilde, { viewer, authorId: profile.id });
  return { profile, isSelf: viewer.id === profile.id, tutorials: tutorials.items };
}

/** Administrators suspend an account, or lift its suspension (see server/moderation/suspend-user.ts). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const values = await readForm(request);
  const userId = params.userId ?? "";
  return handleForm(values, async () => {
    switch (values.intent) {
      case "suspend":
        await suspendUser(context.guilde, { viewer, userId, input: values });
        return redirect(noticeHref(`/users/${userId}`, "suspended"));
      case "lift":
        await liftSuspension(context.guilde, { viewer, userId });
        return redirect(noticeHref(`/users/${userId}`, "unsuspended"));
      default:
        throw new Invalid({ form: ["errors.invalidChoice"] });
    }
  });
}

export default function ProfilePage() {
  const { profile, isSelf, tutorials } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = isFormFailure(result) ? result : undefined;
  const t = useT();
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-6">
    <Notice messages={{ suspended: "suspension.done", unsuspended: "suspension.lifted" }} />
    <article className="rounded-lg bg-white p-8 shadow-sm ring-1 ring-slate-200">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{profile.displayName}</h1>
          {profile.details?.title ? <p className="mt-1 text-slate-700">{profile.details.title}</p> : null}
          <p className="mt-1 text-sm text-slate-600">
            {t(`profile.role.${profile.role}`)}
            {profile.site ? ` · ${profile.site.name} (${profile.site.city})` : ""}
          </p>
          {profile.memberSince ? (
            <p className="mt-1 text-sm text-slate-600">
              {t("profile.memberSince", { date: formatDate(locale, profile.memberSince) })}
            </p>
          ) : null}
        </div>
        {isSelf ? (
          <a href="/settings" className="rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100">
            {t("profile.edit")}
          </a>
        ) : null}
      </header>
      {profile.details?.bio ? <p className="mt-6 whitespace-pre-line text-slate-800">{profile.details.bio}</p> : null}
      <section className="mt-8">
        <h2 className="text-lg font-semibold">{t("profile.communities")}</h2>
        {profile.communities.length ? (
          <ul className="mt-3 flex flex-col gap-2">
            {profile.communities.map((community) => (
              <li key={community.slug} className="flex items-center gap-2">
                <span aria-hidden="true" className="inline-block h-3 w-3 shrink-0 rounded-full" style={{ backgroundColor: community.color }} />
                <span>
                  {fillSlots(
                    community.role === "monitor"
                      ? community.monitorSince
                        ? t("profileCommunities.monitorSince", { date: formatMonthYear(locale, community.monitorSince) })
                        : t("profileCommunities.monitor")
                      : t(community.role === "moderator" ? "profileCommunities.moderator" : "profileCommunities.member"),
                    {
                      community: (
                        <Link to={`/c/${community.slug}`} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">
                          {community.name}
                        </Link>
                      ),
                    },
                  )}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-slate-600">{t("profile.noCommunities")}</p>
        )}
      </section>
      {tutorials.length ? (
        <section aria-labelledby="profile-tutorials" className="mt-8 flex flex-col gap-3">
          <h2 id="profile-tutorials" className="text-lg font-semibold">
            {t("tutorial.profileHeading")}
          </h2>
          <TutorialList tutorials={tutorials} label={t("tutorial.profileHeading")} showCommunity />
        </section>
      ) : null}
    </article>
    {profile.account ? <AccountPanel account={profile.account} name={profile.displayName} failure={failure} /> : null}
    </div>
  );
}

type Account = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["profile"]["account"]>;

/** For administrators: whether the account may sign in, and suspending it (until a day, or indefinitely) or lifting that. */
function AccountPanel({ account, name, failure }: { account: Account; name: string; failure?: FormFailureData }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="account-heading" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h2 id="account-heading" className="text-lg font-semibold">
        {t("suspension.title")}
      </h2>
      <p className="mt-2 flex flex-wrap items-center gap-2 text-slate-800">
        {account.deactivated ? <Badge tone="danger">{t("customers.status.deactivated")}</Badge> : null}
        {account.suspended ? (
          <>
            <Badge tone="danger">{t("customers.status.suspended")}</Badge>
            {account.suspendedUntil
              ? t("suspension.until", { date: formatDate(locale, account.suspendedUntil) })
              : t("suspension.indefinitely")}
            {account.reason ? ` · ${account.reason}` : ""}
          </>
        ) : null}
        {!account.suspended && !account.deactivated ? <Badge tone="success">{t("customers.status.active")}</Badge> : null}
      </p>
      {account.suspended ? (
        <Form method="post" className="mt-4">
          <button type="submit" name="intent" value="lift" className={secondaryButtonClass}>
            {t("suspension.lift", { name })}
          </button>
        </Form>
      ) : (
        <Form method="post" className="mt-4 flex max-w-md flex-col gap-4" noValidate>
          <FormMessage failure={failure} />
          <p className="text-slate-700">{t("suspension.intro")}</p>
          <Field name="until" label="suspension.untilField" hint="suspension.untilHint" failure={failure}>
            {(props) => <input {...props} type="date" className={inputClass} />}
          </Field>
          <Field name="reason" label="suspension.reason" hint="suspension.reasonHint" failure={failure}>
            {(props) => <textarea {...props} required rows={3} maxLength={1000} className={inputClass} />}
          </Field>
          <div>
            <button type="submit" name="intent" value="suspend" className="rounded-md bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800">
              {t("suspension.submit", { name })}
            </button>
          </div>
        </Form>
      )}
    </section>
  );
}
