import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { handleLoad, requireUser } from "../../server/http/respond";
import { listUnansweredForMe } from "../../server/routing/list-unanswered-for-me";
import { EmptyState } from "~/components/empty-state";
import { Pagination } from "~/components/pagination";
import { QuestionList } from "~/components/question-list";
import { useT } from "~/i18n";
import { pageTitle } from "~/i18n/format";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("unansweredForMe.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const cursor = new URL(request.url).searchParams.get("cursor");
  return handleLoad(() => listUnansweredForMe(context.guilde, { viewer, cursor }));
}

/** "Unanswered for me": the questions routed to the viewer that still wait for an answer. */
export default function UnansweredForMe() {
  const page = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold">{t("unansweredForMe.title")}</h1>
        <p className="mt-2 text-slate-700">{t("unansweredForMe.intro")}</p>
      </header>
      {page.items.length > 0 ? <QuestionList questions={page.items} showCommunity headingLevel="h2" /> : <EmptyState>{t("unansweredForMe.empty")}</EmptyState>}
      <Pagination nextCursor={page.nextCursor} />
    </div>
  );
}
