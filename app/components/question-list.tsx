import { Link } from "@remix-run/react";
import { formatDate, useLocale, useT } from "~/i18n";
import { useCountText } from "~/i18n/format";
import { Badge, TagList } from "./badge";
import { PersonLink } from "./person-link";
import { fillSlots } from "./slots";

/** What a question list shows of each question (the shape of the questions service's summaries). */
export interface QuestionListItem {
  id: string;
  title: string;
  tags: string[];
  score: number;
  answerCount: number;
  solved: boolean;
  closed: boolean;
  pinned: boolean;
  createdAt: Date | string;
  author: { id: string; displayName: string; role?: "admin" | "employee" | "customer" };
  site: { name: string } | null;
  community: { slug: string; name: string; color: string };
}

/**
 * Questions as a list: title linking to the question, status badges, answers and score, tags, and
 * who asked from which site. `showCommunity` adds the community's name, for lists across communities.
 */
export function QuestionList({
  questions,
  showCommunity = false,
  label,
  headingLevel = "h3",
}: {
  questions: QuestionListItem[];
  showCommunity?: boolean;
  /** Names the list for assistive technology when a page has several. */
  label?: string;
  /** Each title is a heading, one level below the section holding the list. */
  headingLevel?: "h2" | "h3" | "h4";
}) {
  return (
    <ul aria-label={label} className="divide-y divide-slate-200 overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      {questions.map((question) => (
        <QuestionRow key={question.id} question={question} showCommunity={showCommunity} headingLevel={headingLevel} />
      ))}
    </ul>
  );
}

function QuestionRow({ question, showCommunity, headingLevel: Heading }: { question: QuestionListItem; showCommunity: boolean; headingLevel: "h2" | "h3" | "h4" }) {
  const t = useT();
  const locale = useLocale();
  const countText = useCountText();
  const unanswered = question.answerCount === 0 && !question.closed && !question.solved;
  return (
    <li className="flex gap-4 p-4">
      <dl className="hidden w-24 shrink-0 flex-col gap-1 text-right text-sm text-slate-600 sm:flex">
        <div>
          <dt className="sr-only">{t("questionList.score")}</dt>
          <dd>{countText("questionList.votes", question.score)}</dd>
        </div>
        <div>
          <dt className="sr-only">{t("questionList.answerCount")}</dt>
          <dd className={question.solved ? "font-semibold text-green-800" : undefined}>{countText("questionList.answers", question.answerCount)}</dd>
        </div>
      </dl>
      <div className="flex min-w-0 flex-1 flex-col gap-2">
        <Heading className="text-base font-semibold">
          <Link to={`/questions/${question.id}`} className="text-brand-700 hover:text-brand-800 hover:underline">
            {question.title}
          </Link>
        </Heading>
        <div className="flex flex-wrap items-center gap-2">
          {question.pinned ? <Badge tone="brand">{t("questionList.pinned")}</Badge> : null}
          {question.solved ? <Badge tone="success">{t("questionList.solved")}</Badge> : null}
          {question.closed ? <Badge tone="neutral">{t("questionList.closed")}</Badge> : null}
          {unanswered ? <Badge tone="warning">{t("questionList.unanswered")}</Badge> : null}
          <span className="text-sm text-slate-600 sm:hidden">
            {countText("questionList.votes", question.score)} · {countText("questionList.answers", question.answerCount)}
          </span>
          <TagList tags={question.tags} label={t("questionList.tags")} />
        </div>
        <p className="text-sm text-slate-600">
          {fillSlots(t("questionList.asked", { date: formatDate(locale, question.createdAt, "medium") }), {
            person: (
              <PersonLink
                person={question.author}
                mark={question.author.role === "customer" ? <Badge tone="warning">{t("profile.role.customer")}</Badge> : undefined}
              />
            ),
          })}
          {question.site ? ` · ${question.site.name}` : null}
          {showCommunity ? (
            <>
              {" · "}
              {fillSlots(t("questionList.inCommunity"), {
                community: (
                  <Link to={`/c/${question.community.slug}`} className="font-medium text-slate-800 underline underline-offset-2">
                    <span aria-hidden="true" className="mr-1 inline-block h-2.5 w-2.5 rounded-full" style={{ backgroundColor: question.community.color }} />
                    {question.community.name}
                  </Link>
                ),
              })}
            </>
          ) : null}
        </p>
      </div>
    </li>
  );
}
