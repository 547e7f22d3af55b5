import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { handleLoad, requireUser } from "../../server/http/respond";
import { communityIdeasPage, parseIdeaStatus, parseIdeaTab } from "../../server/ideas/list-ideas";
import { buttonClass } from "~/components/forms";
import { IdeaListSection } from "~/components/idea-list";
import { useT } from "~/i18n";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const url = new URL(request.url);
  const tab = parseIdeaTab(url.searchParams.get("tab"));
  const status = parseIdeaStatus(url.searchParams.get("status"));
  return handleLoad(async () => {
    const shown = await communityIdeasPage(context.guilde, { viewer, slug: params.slug ?? "", tab, status, cursor: url.searchParams.get("cursor") });
    // The layout shows how to join instead of this page.
    if (!shown.readable) return { tab, status, ideas: [], nextCursor: null, mayPropose: false };
    return { tab, status, ideas: shown.page.items, nextCursor: shown.page.nextCursor, mayPropose: shown.mayPropose };
  });
}

export default function CommunityIdeas() {
  const { tab, status, ideas, nextCursor, mayPropose } = useLoaderData<typeof loader>();
  const { slug } = useParams();
  const t = useT();
  return (
    <IdeaListSection
      headingId="ideas-heading"
      heading={t("community.ideas.title")}
      headingLevel="h2"
      base={`/c/${slug}/ideas`}
      tab={tab}
      status={status}
      ideas={ideas}
      nextCursor={nextCursor}
      showCommunity={false}
      action={
        mayPropose ? (
          <Link to={`/c/${slug}/propose`} className={buttonClass}>
            {t("ideas.propose")}
          </Link>
        ) : null
      }
    />
  );
}
