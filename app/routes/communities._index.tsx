import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listCommunities } from "../../server/communities/list-communities";
import { mayCreateCommunity } from "../../server/communities/create-community";
import { joinCommunity, leaveCommunity } from "../../server/communities/memberships";
import { Invalid } from "../../server/errors";
import { handleForm, handleLoad, readForm, requireUser, safeRedirectPath } from "../../server/http/respond";
import { Badge, TagList } from "~/components/badge";
import { MyRoleBadge, VisibilityBadge } from "~/components/community-badges";
import { EmptyState } from "~/components/empty-state";
import { buttonClass } from "~/components/forms";
import { MembershipForm } from "~/components/membership-form";
import { Notice, noticeHref, useReturnPath } from "~/components/notice";
import { Pagination } from "~/components/pagination";
import { useT } from "~/i18n";
import { pageTitle, useCountText } from "~/i18n/format";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("communities.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const cursor = new URL(request.url).searchParams.get("cursor");
  const page = await handleLoad(() => listCommunities(context.guilde, { viewer, cursor }));
  // Only a hint for showing the link: createCommunity decides who may create.
  const mayCreate = await mayCreateCommunity(context.guilde, { viewer });
  return { communities: page.items, nextCursor: page.nextCursor, mayCreate };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const values = await readForm(request);
  const back = safeRedirectPath(values.redirectTo, "/communities");
  const communityId = values.communityId ?? "";
  return handleForm(values, async () => {
    switch (values.intent) {
      case "join": {
        const { status } = await joinCommunity(context.guilde, { viewer, communityId });
        return redirect(noticeHref(back, status === "pending" ? "requested" : "joined"));
      }
      case "leave":
        await leaveCommunity(context.guilde, { viewer, communityId });
        return redirect(noticeHref(back, "left"));
      default:
        throw new Invalid({ form: ["errors.invalidChoice"] });
    }
  });
}

type CommunityCard = Awaited<ReturnType<typeof loader>>["communities"][number];

export default function Communities() {
  const { communities, nextCursor, mayCreate } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{t("communities.title")}</h1>
          <p className="mt-2 max-w-prose text-slate-700">{t("communities.intro")}</p>
        </div>
        {mayCreate ? (
          <Link to="/communities/new" className={buttonClass}>
            {t("communities.create")}
          </Link>
        ) : null}
      </header>
      <Notice
        messages={{ joined: "communities.notice.joined", requested: "communities.notice.requested", left: "communities.notice.left" }}
      />
      {communities.length ? (
        <ul className="grid gap-4 md:grid-cols-2">
          {communities.map((community) => (
            <li key={community.id} className="flex">
              <CommunityCardView community={community} />
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>{t("communities.empty")}</EmptyState>
      )}
      <Pagination nextCursor={nextCursor} />
    </div>
  );
}

function CommunityCardView({ community }: { community: CommunityCard }) {
  const t = useT();
  const countText = useCountText();
  const returnPath = useReturnPath();
  const pending = community.myStatus === "pending";
  return (
    <article
      aria-labelledby={`community-${community.id}`}
      className="flex w-full flex-col gap-3 rounded-lg border-t-8 bg-white p-5 shadow-sm ring-1 ring-slate-200"
      // The colour is a band only: text never sits on it, so any colour stays legible.
      style={{ borderTopColor: community.color }}
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2 id={`community-${community.id}`} className="text-lg font-semibold">
          <Link to={`/c/${community.slug}`} className="text-brand-700 hover:text-brand-800 hover:underline">
            {community.name}
          </Link>
        </h2>
        <VisibilityBadge visibility={community.visibility} />
        {community.archived ? <Badge>{t("communities.archived")}</Badge> : null}
        <MyRoleBadge role={community.myRole} status={community.myStatus} />
      </div>
      {community.description ? <p className="line-clamp-3 text-slate-700">{community.description}</p> : null}
      <TagList tags={community.themes} label={t("communities.themes")} />
      <p className="text-sm text-slate-600">
        {countText("communities.count.members", community.memberCount)}
        {community.questionCount !== null ? ` · ${countText("communities.count.questions", community.questionCount)}` : null}
      </p>
      <div className="mt-auto flex flex-wrap gap-2 pt-1">
        {community.myStatus === null && !community.archived ? (
          <MembershipForm intent="join" communityId={community.id} redirectTo={returnPath}>
            {t(community.visibility === "private" ? "communities.requestToJoin" : "communities.join")}
            <span className="sr-only"> {community.name}</span>
          </MembershipForm>
        ) : null}
        {community.myStatus !== null ? (
          <MembershipForm intent="leave" communityId={community.id} redirectTo={returnPath}>
            {t(pending ? "communities.withdrawRequest" : "communities.leave")}
            <span className="sr-only"> {community.name}</span>
          </MembershipForm>
        ) : null}
      </div>
    </article>
  );
}
