import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Invalid } from "../../server/errors";
import { handleForm, handleLoad, readForm, requireUser } from "../../server/http/respond";
import { liftSuspension, suspendUser } from "../../server/moderation/suspend-user";
import { getProfile } from "../../server/people/get-profile";
import { can } from "../../server/policy";
import { giveKudos } from "../../server/recognition/give-kudos";
import { recognitionSummary } from "../../server/recognition/recognition-summary";
import { tutorialsBy } from "../../server/tutorials/list-tutorials";
import { Badge } from "~/components/badge";
import { Field, FormMessage, inputClass, isFormFailure, secondaryButtonClass, type FormFailureData } from "~/components/forms";
import { KudosForm, thankIntent } from "~/components/kudos-form";
import { Notice, noticeHref } from "~/components/notice";
import { PersonLink } from "~/components/person-link";
import { TutorialList } from "~/components/tutorial-list";
import { fillSlots } from "~/components/slots";
import { unlessOnlyADisclosureOpened } from "~/components/on-demand-disclosure";
import { formatDate, useLocale, useT, type MessageKey } from "~/i18n";
import { formatMonthYear, useCountText } from "~/i18n/format";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.profile.displayName} · Guilde` : "Guilde" }];

// Opening the thanks form changes only the address: nothing to load again.
export const shouldRevalidate = unlessOnlyADisclosureOpened;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const profile = await handleLoad(() => getProfile(context.guilde, { viewer, userId: params.userId ?? "" }));
  // Their published tutorials, in the communities the viewer may read (monitors' know-how, first of all).
  const person = { id: profile.id, role: profile.role };
  const [tutorials, recognition] = await Promise.all([
    tutorialsBy(context.guilde, { viewer, authorId: profile.id }),
    recognitionSummary(context.guilde, { viewer, profile: person }),
  ]);
  const mayThank = can(viewer, { action: "kudos.give", receiverId: profile.id, target: { kind: "person", profile: person } });
  return { profile, isSelf: viewer.id === profile.id, tutorials: tutorials.items, recognition, mayThank };
}

/** Thanking the person; for administrators, suspending the account or lifting its suspension (see server/moderation/suspend-user.ts). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const values = await readForm(request);
  const userId = params.userId ?? "";
  return handleForm(values, async () => {
    switch (values.intent) {
      case thankIntent:
        await giveKudos(context.guilde, { viewer, target: { kind: "person", id: userId }, input: values });
        return redirect(`${noticeHref(`/users/${userId}`, "thanked")}#recognition`);
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
  const { profile, isSelf, tutorials, recognition, mayThank } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = isFormFailure(result) ? result : undefined;
  const t = useT();
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-6">
    <Notice messages={{ suspended: "suspension.done", unsuspended: "suspension.lifted", thanked: "kudos.sent" }} />
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
      <RecognitionPanel recognition={recognition} name={profile.displayName} personId={profile.id} mayThank={mayThank} failure={failure} />
      {tutorials.length ? (
        <section aria-labelledby="profile-tutorials" className="mt-8 flex flex-col gap-3">
          <h2 id="profile-tutorials" className="text-lg font-semibold">
            {t("tutorial.profileHeading")}
          </h2>
          <TutorialList tutorials={tutorials} label={t("tutorial.profileHeading")} showCommunity />
        </section>
      ) : null}
    </article>
    {profile.account ? <AccountPanel account={profile.account} name={profile.displayName} failure={failure?.values.intent === thankIntent ? undefined : failure} /> : null}
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

type Recognition = ReturnType<typeof useLoaderData<typeof loader>>["recognition"];

/** Reputation, the people and sites helped, and the latest thanks received, as far as the viewer may read them. */
function RecognitionPanel({
  recognition,
  name,
  personId,
  mayThank,
  failure,
}: {
  recognition: Recognition;
  name: string;
  personId: string;
  mayThank: boolean;
  failure?: FormFailureData;
}) {
  const t = useT();
  const locale = useLocale();
  const countText = useCountText();
  const figures: [MessageKey, number][] = [
    ["kudos.reputation", recognition.reputation],
    ["kudos.acceptedAnswers", recognition.acceptedAnswers],
    ["kudos.tutorials", recognition.tutorials],
    ["kudos.received", recognition.kudosReceived],
  ];
  return (
    <section id="recognition" aria-labelledby="recognition-heading" className="mt-8 flex flex-col gap-4">
      <h2 id="recognition-heading" className="text-lg font-semibold">
        {t("kudos.heading")}
      </h2>
      <p className="font-medium text-slate-800">{countText("kudos.helped", recognition.peopleHelped, { sites: recognition.sitesHelped })}</p>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {figures.map(([label, value]) => (
          <div key={label} className="rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
            <dt className="text-sm text-slate-700">{t(label)}</dt>
            <dd className="text-xl font-bold">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-slate-600">{t("kudos.reputationHint")}</p>
      <h3 className="font-semibold">{t("kudos.latest")}</h3>
      {recognition.latestKudos.length ? (
        <ul className="flex flex-col gap-3">
          {recognition.latestKudos.map((thanks) => (
            <li key={thanks.id} className="rounded-md border border-slate-200 p-3">
              {thanks.note ? <p className="whitespace-pre-line text-slate-900">{thanks.note}</p> : null}
              <p className="mt-1 text-sm text-slate-700">
                <PersonLink person={thanks.giver} site={thanks.giver.siteName} /> · <AboutKudos about={thanks.about} /> · {formatDate(locale, thanks.createdAt, "medium")}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-700">{t("kudos.none")}</p>
      )}
      {mayThank ? (
        <KudosForm targetId={personId} label="kudos.thankPerson" name={name} thanked={false} failure={failure} />
      ) : failure?.values.intent === thankIntent ? (
        <FormMessage failure={failure} />
      ) : null}
    </section>
  );
}

function AboutKudos({ about }: { about: Recognition["latestKudos"][number]["about"] }) {
  const t = useT();
  const link = (href: string, title: string) => (
    <Link to={href} className="text-brand-700 underline underline-offset-2">
      {title}
    </Link>
  );
  switch (about.kind) {
    case "answer":
      return <>{fillSlots(t("kudos.forAnswer"), { title: link(`/questions/${about.questionId}#answer-${about.answerId}`, about.title) })}</>;
    case "tutorial":
      return <>{fillSlots(t("kudos.forTutorial"), { title: link(`/tutorials/${about.tutorialId}`, about.title) })}</>;
    case "person":
      return <>{t("kudos.forPerson")}</>;
  }
}
