import { useT } from "~/i18n";
import { useCountText } from "~/i18n/format";
import { useNewQuestions } from "~/realtime/live";

/**
 * "3 new questions — Show" above a list of questions, instead of the list jumping while it is read.
 * Screen readers hear it politely; "Show" reloads the list and moves focus to its heading.
 */
export function NewQuestionsBanner({ communityIds, listed, headingId }: { communityIds: string[]; listed: { id: string }[]; headingId: string }) {
  const { count, show } = useNewQuestions(communityIds, listed);
  const t = useT();
  const countText = useCountText();
  return (
    <div aria-live="polite" aria-atomic="true">
      {count > 0 ? (
        <p className="flex flex-wrap items-center gap-2 rounded-md border border-brand-100 bg-brand-50 px-4 py-2 text-brand-800">
          <span>{countText("realtime.newQuestions", count)}</span>
          <span aria-hidden="true">—</span>
          <button
            type="button"
            onClick={() => {
              show();
              document.getElementById(headingId)?.focus();
            }}
            className="font-semibold underline underline-offset-2 hover:text-brand-700"
          >
            {t("realtime.show")}
          </button>
        </p>
      ) : null}
    </div>
  );
}
