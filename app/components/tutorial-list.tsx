import { Badge, TagList } from "~/components/badge";
import { useT } from "~/i18n";
import { useCountText } from "~/i18n/format";

export interface TutorialListItem {
  id: string;
  title: string;
  summary: string;
  tags: string[];
  difficulty: "beginner" | "intermediate" | "advanced";
  minutes: number;
  hasVideo: boolean;
  helpedCount: number;
  author: { id: string; displayName: string };
  byMonitor: boolean;
  community: { slug: string; name: string };
}

/** Tutorials as cards: title, summary, difficulty, time needed, video, "helped" count; monitors' highlighted. */
export function TutorialList({ tutorials, label, showCommunity = false, draft = false }: { tutorials: TutorialListItem[]; label: string; showCommunity?: boolean; draft?: boolean }) {
  const t = useT();
  const countText = useCountText();
  return (
    <ul aria-label={label} className="flex flex-col gap-3">
      {tutorials.map((tutorial) => (
        <li key={tutorial.id} className={`flex flex-col gap-2 rounded-lg bg-white p-4 shadow-sm ring-1 ${tutorial.byMonitor ? "ring-2 ring-brand-700" : "ring-slate-200"}`}>
          <h3 className="text-lg font-semibold">
            <a href={`/tutorials/${tutorial.id}`} className="text-brand-700 underline-offset-2 hover:underline">
              {tutorial.title}
            </a>
          </h3>
          <p className="text-slate-800">{tutorial.summary}</p>
          <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
            {draft ? <Badge tone="warning">{t("tutorial.badge.draft")}</Badge> : null}
            {tutorial.byMonitor ? <Badge tone="brand">{t("tutorial.byMonitor")}</Badge> : null}
            <Badge tone="neutral">{t(`tutorial.difficulty.${tutorial.difficulty}`)}</Badge>
            <span>{countText("tutorial.minutes", tutorial.minutes)}</span>
            {tutorial.hasVideo ? <span>· {t("tutorial.withVideo")}</span> : null}
            {!draft ? <span>· {countText("tutorial.helpedCount", tutorial.helpedCount)}</span> : null}
            <span>
              · <a href={`/users/${tutorial.author.id}`} className="underline underline-offset-2">{tutorial.author.displayName}</a>
            </span>
            {showCommunity ? (
              <span>
                · <a href={`/c/${tutorial.community.slug}/tutorials`} className="underline underline-offset-2">{tutorial.community.name}</a>
              </span>
            ) : null}
          </div>
          <TagList tags={tutorial.tags} label={t("question.tags")} />
        </li>
      ))}
    </ul>
  );
}

/** A tutorial an answer cites, as a card under the answer. Nothing when the viewer may not read it. */
export function CitedTutorialCard({ tutorial }: { tutorial?: { id: string; title: string; summary: string; difficulty: TutorialListItem["difficulty"]; minutes: number; helpedCount: number } }) {
  const t = useT();
  const countText = useCountText();
  if (!tutorial) return null;
  return (
    <aside aria-label={t("tutorial.cite.card")} className="flex flex-col gap-1 rounded-md border border-brand-100 bg-brand-50 p-3">
      <p className="text-xs font-semibold uppercase tracking-wide text-brand-800">{t("tutorial.cite.card")}</p>
      <a href={`/tutorials/${tutorial.id}`} className="font-semibold text-brand-700 underline underline-offset-2">
        {tutorial.title}
      </a>
      <p className="text-sm text-slate-800">{tutorial.summary}</p>
      <p className="text-sm text-slate-700">
        {t(`tutorial.difficulty.${tutorial.difficulty}`)} · {countText("tutorial.minutes", tutorial.minutes)} · {countText("tutorial.helpedCount", tutorial.helpedCount)}
      </p>
    </aside>
  );
}
