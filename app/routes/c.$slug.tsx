import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useLocation, useMatches, type ShouldRevalidateFunction } from "@remix-run/react";
import { getCommunity } from "../../server/communities/get-community";
import { joinCommunity, leaveCommunity } from "../../server/communities/memberships";
import { Invalid } from "../../server/errors";
import { handleForm, handleLoad, readForm, requireUser, safeRedirectPath } from "../../server/http/respond";
import { Badge } from "~/components/badge";
import { CommunityHeader, type CommunityRouteHandle } from "~/components/community-header";
import { secondaryButtonClass } from "~/components/forms";
import { MembershipForm } from "~/components/membership-form";
import { Notice, noticeHref, useReturnPath } from "~/components/notice";
import { Tabs } from "~/components/tabs";
import { useT, type MessageKey } from "~/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.community.name} · Guilde` : "Guilde" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  return handleLoad(() => getCommunity(context.guilde, { viewer, slug: params.slug ?? "" }));
}

export type CommunityLayoutData = Awaited<ReturnType<typeof loader>>;

/** Joining and leaving, from the header's buttons on any of the community's pages. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const values = await readForm(request);
  const back = safeRedirectPath(values.redirectTo, `/c/${params.slug}`);
  return handleForm(values, async () => {
    switch (values.intent) {
      case "join": {
        const { status } = await joinCommunity(context.guilde, { viewer, communityId: values.communityId ?? "" });
        return redirect(noticeHref(back, status === "pending" ? "requested" : "joined"));
      }
      case "leave":
        await leaveCommunity(context.guilde, { viewer, communityId: values.communityId ?? "" });
        return redirect(noticeHref(back, "left"));
      default:
        throw new Invalid({ form: ["errors.invalidChoice"] });
    }
  });
}

// Moving between the community's tabs changes nothing in its header: reload it only after a form was
// sent (joining, a new question…) or for another community.
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentParams, nextParams, formMethod, defaultShouldRevalidate }) =>
  formMethod || currentParams.slug !== nextParams.slug ? defaultShouldRevalidate : false;

/** The messages that the community's actions (here and in its sub-pages) redirect with. */
const notices: Record<string, MessageKey> = {
  joined: "communities.notice.joined",
  ideaDeleted: "ideas.notice.deleted",
  tutorialDeleted: "tutorial.notice.deleted",
  requested: "communities.notice.requested",
  left: "communities.notice.left",
  created: "communities.notice.created",
  applied: "communities.notice.applied",
  saved: "communities.notice.saved",
  archived: "communities.notice.archived",
  unarchived: "communities.notice.unarchived",
  joinApproved: "communities.notice.joinApproved",
  joinDeclined: "communities.notice.joinDeclined",
  monitorApproved: "communities.notice.monitorApproved",
  monitorDeclined: "communities.notice.monitorDeclined",
  monitorWithdrawn: "communities.notice.monitorWithdrawn",
  moderatorAppointed: "communities.notice.moderatorAppointed",
  moderatorRemoved: "communities.notice.moderatorRemoved",
  welcome: "invitation.welcome",
  invitationRevoked: "invitations.revoked",
};

type Section = { path: string; label: MessageKey; shown?: (may: CommunityLayoutData["may"]) => boolean };

const sections: Section[] = [
  { path: "", label: "community.tab.questions" },
  { path: "/tutorials", label: "community.tab.tutorials" },
  { path: "/ideas", label: "community.tab.ideas" },
  { path: "/events", label: "community.tab.events" },
  { path: "/members", label: "community.tab.members" },
  { path: "/about", label: "community.tab.about" },
  // The moderators' own tabs.
  { path: "/moderation", label: "queue.tab", shown: (may) => may.moderate },
  { path: "/invitations", label: "invitations.tab", shown: (may) => may.invite },
  { path: "/audit", label: "audit.tab", shown: (may) => may.viewAudit },
  { path: "/analytics", label: "analytics.tab", shown: (may) => may.viewAnalytics },
];

export default function CommunityLayout() {
  const page = useLoaderData<typeof loader>();
  const t = useT();
  const location = useLocation();
  const ownHeading = useMatches().some((match) => (match.handle as CommunityRouteHandle | undefined)?.ownHeading);
  const base = `/c/${page.community.slug}`;
  const here = location.pathname.replace(/\/$/, "");
  return (
    <div className="flex flex-col gap-6">
      <CommunityHeader
        community={page.community}
        membership={page.membership}
        counts={page.counts}
        monitors={page.monitors}
        headingLevel={ownHeading && page.may.read ? "p" : "h1"}
        actions={page.may.read ? <CommunityActions page={page} /> : null}
      />
      <Notice messages={notices} />
      {page.community.archivedAt ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 font-medium text-amber-900">{t("community.archivedBanner")}</p>
      ) : null}
      {page.may.read ? (
        <>
          <Tabs
            label={t("community.sections")}
            items={sections
              .filter((section) => section.shown?.(page.may) ?? true)
              .map((section) => ({ href: base + section.path, label: t(section.label), current: here === base + section.path }))}
          />
          <Outlet />
        </>
      ) : (
        <JoinToRead page={page} />
      )}
    </div>
  );
}

function CommunityActions({ page }: { page: CommunityLayoutData }) {
  const t = useT();
  const returnPath = useReturnPath();
  const { community, may, membership } = page;
  const base = `/c/${community.slug}`;
  return (
    <>
      {may.join ? (
        <MembershipForm action={base} intent="join" communityId={community.id} redirectTo={returnPath}>
          {t(community.visibility === "private" ? "communities.requestToJoin" : "communities.join")}
        </MembershipForm>
      ) : null}
      {may.applyMonitor && !page.pendingApplication ? (
        <Link to={`${base}/apply`} className={secondaryButtonClass}>
          {t("community.applyMonitor")}
        </Link>
      ) : null}
      {page.pendingApplication ? <Badge tone="warning">{t("community.applicationPending")}</Badge> : null}
      {may.moderate ? (
        <Link to={`${base}/settings`} className={secondaryButtonClass}>
          {t("community.settings")}
        </Link>
      ) : null}
      {may.leave ? (
        <MembershipForm action={base} intent="leave" communityId={community.id} redirectTo={returnPath}>
          {t(membership?.status === "pending" ? "communities.withdrawRequest" : "communities.leave")}
        </MembershipForm>
      ) : null}
    </>
  );
}

/** What a viewer who may not read the community sees instead of its content: how to get in. */
function JoinToRead({ page }: { page: CommunityLayoutData }) {
  const t = useT();
  const returnPath = useReturnPath();
  const { community, may, membership } = page;
  const isPrivate = community.visibility === "private";
  const pending = membership?.status === "pending";
  return (
    <section aria-labelledby="join-to-read" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h2 id="join-to-read" className="text-lg font-semibold">
        {t(isPrivate ? "community.locked.privateTitle" : "community.locked.openTitle")}
      </h2>
      <p className="mt-2 max-w-prose text-slate-700">
        {t(pending ? "community.locked.pendingBody" : isPrivate ? "community.locked.privateBody" : "community.locked.openBody")}
      </p>
      <div className="mt-4 flex flex-wrap gap-2">
        {may.join ? (
          <MembershipForm action={`/c/${community.slug}`} intent="join" communityId={community.id} redirectTo={returnPath}>
            {t(isPrivate ? "communities.requestToJoin" : "communities.join")}
          </MembershipForm>
        ) : null}
        {pending ? (
          <MembershipForm action={`/c/${community.slug}`} intent="leave" communityId={community.id} redirectTo={returnPath}>
            {t("communities.withdrawRequest")}
          </MembershipForm>
        ) : null}
      </div>
    </section>
  );
}
