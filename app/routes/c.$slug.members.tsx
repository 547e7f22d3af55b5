import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { listMembers } from "../../server/communities/list-members";
import { decideJoinRequest, setModerator } from "../../server/communities/memberships";
import { decideMonitorApplication, withdrawMonitor } from "../../server/communities/monitors";
import { Invalid } from "../../server/errors";
import { handleForm, handleLoad, readForm, requireUser } from "../../server/http/respond";
import { Badge, TagList } from "~/components/badge";
import { RoleMark } from "~/components/community-badges";
import { EmptyState } from "~/components/empty-state";
import { FormMessage, buttonClass, inputClass, isFormFailure, secondaryButtonClass, type FormFailureData } from "~/components/forms";
import { noticeHref } from "~/components/notice";
import { Pagination } from "~/components/pagination";
import { PersonLink } from "~/components/person-link";
import { formatDate, translateServerMessage, useLocale, useT } from "~/i18n";
import { formatMonthYear } from "~/i18n/format";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const cursor = new URL(request.url).searchParams.get("cursor");
  return handleLoad(async () => {
    const members = await listMembers(context.guilde, { viewer, slug: params.slug ?? "", cursor });
    return { communityId: members.communityId, members, may: members.may };
  });
}

/** Moderators decide on requests and applications and withdraw monitors; admins appoint moderators. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const values = await readForm(request);
  const { guilde } = context;
  const communityId = values.communityId ?? "";
  const userId = values.userId ?? "";
  const done = (notice: string) => redirect(noticeHref(`/c/${params.slug}/members`, notice));
  return handleForm(values, async () => {
    switch (values.intent) {
      case "approveJoin":
      case "declineJoin": {
        const decision = values.intent === "approveJoin" ? "approve" : "decline";
        await decideJoinRequest(guilde, { viewer, communityId, userId, input: { decision, note: values.note } });
        return done(decision === "approve" ? "joinApproved" : "joinDeclined");
      }
      case "approveMonitor":
      case "declineMonitor": {
        const decision = values.intent === "approveMonitor" ? "approve" : "decline";
        await decideMonitorApplication(guilde, { viewer, applicationId: values.applicationId ?? "", input: { decision, note: values.note } });
        return done(decision === "approve" ? "monitorApproved" : "monitorDeclined");
      }
      case "withdrawMonitor":
        await withdrawMonitor(guilde, { viewer, communityId, userId, reason: values.reason });
        return done("monitorWithdrawn");
      case "appointModerator":
      case "removeModerator": {
        const moderator = values.intent === "appointModerator";
        await setModerator(guilde, { viewer, communityId, userId, moderator });
        return done(moderator ? "moderatorAppointed" : "moderatorRemoved");
      }
      default:
        throw new Invalid({ form: ["errors.invalidChoice"] });
    }
  });
}

type MembersData = Awaited<ReturnType<typeof loader>>;

export default function CommunityMembers() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = isFormFailure(result) ? result : undefined;
  const { members, may } = data;
  return (
    <div className="flex flex-col gap-8">
      <FormMessage failure={failure} />
      {may.moderate ? (
        <>
          <JoinRequests data={data} failure={failure} />
          <MonitorApplications data={data} failure={failure} />
        </>
      ) : null}
      <MemberList data={data} failure={failure} />
      <Pagination nextCursor={members.nextCursor} />
    </div>
  );
}

/**
 * The failure of the one form (among many on this page) that was sent, shown again next to it when
 * it is still there (the alert at the top announces it, and covers a row that has since gone).
 */
function RowFailure({ failure, matches }: { failure?: FormFailureData; matches: (values: Record<string, string>) => boolean }) {
  const t = useT();
  if (!failure || !matches(failure.values)) return null;
  const fieldMessages = Object.values(failure.fieldErrors).flat();
  const messages = fieldMessages.length ? fieldMessages : [failure.message];
  return (
    <p className="rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-800">
      {messages.map((message) => translateServerMessage(t, message)).join(" ")}
    </p>
  );
}

function DecisionNote({ id, name }: { id: string; name: string }) {
  const t = useT();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {t("community.decision.note", { name })}
      </label>
      <textarea id={id} name="note" rows={2} maxLength={1000} className={`${inputClass} text-sm`} />
    </div>
  );
}

function DecisionButtons({ approve, decline, name }: { approve: string; decline: string; name: string }) {
  const t = useT();
  return (
    <div className="flex flex-wrap gap-2">
      <button type="submit" name="intent" value={approve} className={buttonClass}>
        {t("community.decision.approve")}
        <span className="sr-only"> {name}</span>
      </button>
      <button type="submit" name="intent" value={decline} className={secondaryButtonClass}>
        {t("community.decision.decline")}
        <span className="sr-only"> {name}</span>
      </button>
    </div>
  );
}

function JoinRequests({ data, failure }: { data: MembersData; failure?: FormFailureData }) {
  const t = useT();
  const locale = useLocale();
  const requests = data.members.joinRequests;
  return (
    <section aria-labelledby="join-requests-heading" className="flex flex-col gap-3">
      <h2 id="join-requests-heading" className="text-xl font-semibold">
        {t("community.joinRequests.title")}
      </h2>
      {requests.length ? (
        <ul className="flex flex-col gap-3">
          {requests.map((request) => (
            <li key={request.id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
              <div className="flex flex-wrap items-center gap-x-3">
                <PersonLink person={request} site={request.siteName} />
                <span className="text-sm text-slate-600">
                  {t("community.joinRequests.requestedOn", { date: formatDate(locale, request.requestedAt, "medium") })}
                </span>
              </div>
              <Form method="post" className="mt-3 flex flex-col gap-3">
                <input type="hidden" name="communityId" value={data.communityId} />
                <input type="hidden" name="userId" value={request.id} />
                <RowFailure failure={failure} matches={(values) => values.userId === request.id && values.intent?.endsWith("Join")} />
                <DecisionNote id={`join-note-${request.id}`} name={request.displayName} />
                <DecisionButtons approve="approveJoin" decline="declineJoin" name={request.displayName} />
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-600">{t("community.joinRequests.none")}</p>
      )}
    </section>
  );
}

function MonitorApplications({ data, failure }: { data: MembersData; failure?: FormFailureData }) {
  const t = useT();
  const locale = useLocale();
  const applications = data.members.applications;
  return (
    <section aria-labelledby="applications-heading" className="flex flex-col gap-3">
      <h2 id="applications-heading" className="text-xl font-semibold">
        {t("community.applications.title")}
      </h2>
      {applications.length ? (
        <ul className="flex flex-col gap-3">
          {applications.map((application) => (
            <li key={application.id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
              <article aria-labelledby={`application-${application.id}`}>
                <h3 id={`application-${application.id}`} className="flex flex-wrap items-center gap-x-3">
                  <PersonLink person={{ id: application.userId, displayName: application.displayName }} />
                  <span className="text-sm font-normal text-slate-600">
                    {t("community.applications.appliedOn", { date: formatDate(locale, application.createdAt, "medium") })}
                  </span>
                </h3>
                <dl className="mt-3 flex flex-col gap-2">
                  <dt className="text-sm font-medium text-slate-700">{t("community.applications.motivation")}</dt>
                  <dd className="whitespace-pre-line text-slate-800">{application.motivation}</dd>
                  <dt className="text-sm font-medium text-slate-700">{t("community.applications.topics")}</dt>
                  <dd>
                    <TagList tags={application.topics} label={t("community.applications.topics")} />
                  </dd>
                </dl>
                <Form method="post" className="mt-3 flex flex-col gap-3">
                  <input type="hidden" name="applicationId" value={application.id} />
                  <RowFailure failure={failure} matches={(values) => values.applicationId === application.id} />
                  <DecisionNote id={`application-note-${application.id}`} name={application.displayName} />
                  <DecisionButtons approve="approveMonitor" decline="declineMonitor" name={application.displayName} />
                </Form>
              </article>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-600">{t("community.applications.none")}</p>
      )}
    </section>
  );
}

function MemberList({ data, failure }: { data: MembersData; failure?: FormFailureData }) {
  const t = useT();
  const locale = useLocale();
  const { members, may, communityId } = data;
  return (
    <section aria-labelledby="members-heading" className="flex flex-col gap-3">
      <h2 id="members-heading" className="text-xl font-semibold">
        {t("community.members.title")}
      </h2>
      {members.items.length === 0 ? (
        <EmptyState>{t("community.members.empty")}</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          {members.items.map((member) => (
            <li key={member.id} className="flex flex-col gap-2 p-4">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <PersonLink person={member} site={member.siteName} mark={<RoleMark role={member.role} />} />
                {member.userRole === "customer" ? <Badge>{t("community.members.customer")}</Badge> : null}
                {member.role === "monitor" && member.monitorSince ? (
                  <span className="text-sm text-slate-600">{t("community.members.monitorSince", { date: formatMonthYear(locale, member.monitorSince) })}</span>
                ) : null}
              </div>
              {member.role === "monitor" ? <TagList tags={member.topics} label={t("community.topicsOf", { name: member.displayName })} /> : null}
              <RowFailure failure={failure} matches={(values) => values.userId === member.id && !values.intent?.endsWith("Join")} />
              {(may.moderate && member.role === "monitor") || (may.appointModerators && member.userRole !== "customer") ? (
                <div className="flex flex-wrap items-start gap-2">
                  {may.appointModerators && member.userRole !== "customer" ? (
                    <Form method="post">
                      <input type="hidden" name="communityId" value={communityId} />
                      <input type="hidden" name="userId" value={member.id} />
                      <button
                        type="submit"
                        name="intent"
                        value={member.role === "moderator" ? "removeModerator" : "appointModerator"}
                        className={`${secondaryButtonClass} text-sm`}
                      >
                        {t(member.role === "moderator" ? "community.members.removeModerator" : "community.members.appointModerator")}
                        <span className="sr-only"> {member.displayName}</span>
                      </button>
                    </Form>
                  ) : null}
                  {may.moderate && member.role === "monitor" ? <WithdrawMonitor communityId={communityId} member={member} /> : null}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Withdrawing a monitor's status asks for a reason first, behind a disclosure that needs no script. */
function WithdrawMonitor({ communityId, member }: { communityId: string; member: { id: string; displayName: string } }) {
  const t = useT();
  const reasonId = `withdraw-reason-${member.id}`;
  return (
    <details className="rounded-md">
      <summary className={`${secondaryButtonClass} cursor-pointer list-none text-sm`}>
        {t("community.members.withdrawMonitor")}
        <span className="sr-only"> {member.displayName}</span>
      </summary>
      <Form method="post" className="mt-2 flex max-w-md flex-col gap-2 rounded-md bg-slate-50 p-3">
        <input type="hidden" name="communityId" value={communityId} />
        <input type="hidden" name="userId" value={member.id} />
        <label htmlFor={reasonId} className="text-sm font-medium text-slate-800">
          {t("community.members.withdrawReason")}
        </label>
        <textarea id={reasonId} name="reason" rows={2} maxLength={1000} className={`${inputClass} text-sm`} />
        <div>
          <button type="submit" name="intent" value="withdrawMonitor" className={buttonClass}>
            {t("community.members.withdrawConfirm", { name: member.displayName })}
          </button>
        </div>
      </Form>
    </details>
  );
}
