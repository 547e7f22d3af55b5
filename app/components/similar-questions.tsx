import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useT } from "~/i18n";
import { Badge } from "./badge";

export interface SimilarQuestionItem {
  id: string;
  title: string;
  href: string;
  solved: boolean;
  answered: boolean;
  community: { slug: string; name: string };
}

const typingDelayMs = 300;

/**
 * Similar questions while a title is typed: `onTitle` feeds it (debounced) and it fetches
 * /search/similar. Without JavaScript, `initial` comes from the form's "check" submit instead.
 */
export function useSimilarQuestions(initial: SimilarQuestionItem[] | null) {
  const fetcher = useFetcher<{ questions: SimilarQuestionItem[] }>();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  const onTitle = (title: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => fetcher.load(`/search/similar?${new URLSearchParams({ title })}`), typingDelayMs);
  };
  return { questions: fetcher.data?.questions ?? initial, onTitle };
}

export function SimilarQuestions({ questions }: { questions: SimilarQuestionItem[] | null }) {
  const t = useT();
  return (
    <section aria-labelledby="similar-questions" aria-live="polite" className="flex flex-col gap-2">
      {questions === null ? null : questions.length === 0 ? (
        <p id="similar-questions" className="text-sm text-slate-600">
          {t("similar.none")}
        </p>
      ) : (
        <>
          <h2 id="similar-questions" className="font-semibold text-slate-800">
            {t("similar.title")}
          </h2>
          <p className="text-sm text-slate-600">{t("similar.intro")}</p>
          <ul className="divide-y divide-slate-200 rounded-md bg-slate-50 ring-1 ring-slate-200">
            {questions.map((question) => (
              <li key={question.id} className="flex flex-wrap items-center gap-2 px-3 py-2 text-sm">
                <a href={question.href} target="_blank" rel="noreferrer" className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {question.title}
                </a>
                {question.solved ? <Badge tone="success">{t("similar.solved")}</Badge> : question.answered ? <Badge>{t("similar.answered")}</Badge> : null}
                <span className="text-slate-600">{question.community.name}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
