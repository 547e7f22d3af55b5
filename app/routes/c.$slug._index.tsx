import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useParams, useRouteLoaderData, useSearchParams } from "@remix-run/react";
import { handleLoad, requireUser } from "../../server/http/respond";
import { communityQuestionsPage, questionTabs, type QuestionTab } from "../../server/questions/list-questions";
import { EmptyState } from "~/components/empty-state";
import { buttonClass } from "~/components/forms";
import { NewQuestionsBanner } from "~/components/new-questions-banner";
import { Pagination } from "~/components/pagination";
import { QuestionList } from "~/components/question-list";
import { Tabs } from "~/components/tabs";
import { useT } from "~/i18n";
import type { CommunityLayoutData } from "./c.$slug";

function parseTab(value: string | null): QuestionTab {
  return questionTabs.find((tab) => tab === value) ?? "newest";
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const url = new URL(request.url);
  const tab = parseTab(url.searchParams.get("tab"));
  const cursor = url.searchParams.get("cursor");
  return handleLoad(async () => {
    const shown = await communityQuestionsPage(context.guilde, { viewer, slug: params.slug ?? "", tab, cursor });
    // The layout shows how to join instead of this page.
    if (!shown.readable) return { tabs: questionTabs, tab, questions: [], pinned: [], nextCursor: null, mayPost: false };
    return { tabs: questionTabs, tab, questions: shown.page.items, pinned: shown.pinned, nextCursor: shown.page.nextCursor, mayPost: shown.mayPost };
  });
}

export default function CommunityQuestions() {
  const { tabs, tab, questions, pinned, nextCursor, mayPost } = useLoaderData<typeof loader>();
  const { slug } = useParams();
  const layout = useRouteLoaderData<CommunityLayoutData>("routes/c.$slug");
  const [searchParams] = useSearchParams();
  const t = useT();
  const base = `/c/${slug}`;
  // A new question heads these tabs' first page only.
  const showsNewQuestions = (tab === "newest" || tab === "unanswered") && !searchParams.get("cursor");
  return (
    <section aria-labelledby="questions-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="questions-heading" tabIndex={-1} className="text-xl font-semibold focus:outline-none">
          {t("community.questions.title")}
        </h2>
        {mayPost ? (
          <Link to={`${base}/ask`} className={buttonClass}>
            {t("community.questions.ask")}
          </Link>
        ) : null}
      </div>
      <Tabs
        size="small"
        label={t("community.questions.filters")}
        items={tabs.map((name) => ({
          href: name === "newest" ? base : `${base}?tab=${name}`,
          label: t(`community.questions.tab.${name}`),
          current: name === tab,
        }))}
      />
      {layout && showsNewQuestions ? (
        <NewQuestionsBanner communityIds={[layout.community.id]} listed={[...pinned, ...questions]} headingId="questions-heading" />
      ) : null}
      {pinned.length ? (
        <section aria-labelledby="pinned-heading" className="flex flex-col gap-2">
          <h3 id="pinned-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
            {t("community.questions.pinned")}
          </h3>
          <QuestionList questions={pinned} headingLevel="h4" />
        </section>
      ) : null}
      {questions.length ? (
        <QuestionList questions={questions} label={t(`community.questions.tab.${tab}`)} />
      ) : pinned.length ? null : (
        <EmptyState
          action={
            mayPost && tab === "newest" ? (
              <Link to={`${base}/ask`} className={buttonClass}>
                {t("community.questions.ask")}
              </Link>
            ) : null
          }
        >
          {t(`community.questions.empty.${tab}`)}
        </EmptyState>
      )}
      <Pagination nextCursor={nextCursor} />
    </section>
  );
}
