import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { handleLoad, requireUser } from "../../server/http/respond";
import { listAllIdeas, parseIdeaStatus, parseIdeaTab } from "../../server/ideas/list-ideas";
import { IdeaListSection } from "~/components/idea-list";
import { useT } from "~/i18n";
import { pageTitle } from "~/i18n/format";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("ideas.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const url = new URL(request.url);
  const tab = parseIdeaTab(url.searchParams.get("tab"));
  const status = parseIdeaStatus(url.searchParams.get("status"));
  const page = await handleLoad(() => listAllIdeas(context.guilde, { viewer, tab, status, cursor: url.searchParams.get("cursor") }));
  return { tab, status, ideas: page.items, nextCursor: page.nextCursor };
}

/** Ideas across every community the viewer may read. Proposing happens in a community. */
export default function Ideas() {
  const { tab, status, ideas, nextCursor } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="flex flex-col gap-4">
      <IdeaListSection
        headingId="ideas-title"
        heading={t("ideas.title")}
        headingLevel="h1"
        base="/ideas"
        tab={tab}
        status={status}
        ideas={ideas}
        nextCursor={nextCursor}
        showCommunity
      />
      <p className="max-w-prose text-slate-700">{t("ideas.page.intro")}</p>
    </div>
  );
}
