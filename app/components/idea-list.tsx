import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { formatDate, useLocale, useT } from "~/i18n";
import { useCountText } from "~/i18n/format";
import { Badge, TagList, type BadgeTone } from "./badge";
import { EmptyState } from "./empty-state";
import { inputClass, secondaryButtonClass } from "./forms";
import { Pagination } from "./pagination";
import { PersonLink } from "./person-link";
import { fillSlots } from "./slots";
import { Tabs } from "./tabs";

export const ideaStatusValues = ["proposed", "under_review", "planned", "in_progress", "implemented", "declined"] as const;
export type IdeaStatusValue = (typeof ideaStatusValues)[number];
export const ideaTabValues = ["trending", "top", "newest"] as const;
export type IdeaTabValue = (typeof ideaTabValues)[number];

/** What an idea list shows of each idea (the shape of the ideas service's summaries). */
export interface IdeaListItem {
  id: string;
  title: string;
  tags: string[];
  status: IdeaStatusValue;
  voteCount: number;
  recentVotes: number;
  commentCount: number;
  createdAt: Date | string;
  author: { id: string; displayName: string; role?: "admin" | "employee" | "customer" };
  site: { name: string } | null;
  community: { slug: string; name: string; color: string };
}

const statusTones: Record<IdeaStatusValue, BadgeTone> = {
  proposed: "neutral",
  under_review: "brand",
  planned: "brand",
  in_progress: "warning",
  implemented: "success",
  declined: "danger",
};

/** An idea's status as a badge, named for assistive technology ("Status: Planned"). */
export function IdeaStatusBadge({ status }: { status: IdeaStatusValue }) {
  const t = useT();
  return (
    <Badge tone={statusTones[status]}>
      <span className="sr-only">{t("ideas.statusLabel", { status: "" })}</span>
      {t(`ideas.status.${status}`)}
    </Badge>
  );
}

/**
 * An ideas page's body: the sort tabs, a status filter that works without JavaScript, the list and
 * its pagination. `base` is the page's path; `action` a button next to the heading (propose).
 */
export function IdeaListSection({
  headingId,
  heading,
  headingLevel: Heading,
  base,
  tab,
  status,
  ideas,
  nextCursor,
  showCommunity,
  action,
}: {
  headingId: string;
  heading: string;
  headingLevel: "h1" | "h2";
  base: string;
  tab: IdeaTabValue;
  status: IdeaStatusValue | null;
  ideas: IdeaListItem[];
  nextCursor: string | null;
  showCommunity: boolean;
  action?: ReactNode;
}) {
  const t = useT();
  const withStatus = (href: string) => (status ? `${href}${href.includes("?") ? "&" : "?"}status=${status}` : href);
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Heading id={headingId} className={Heading === "h1" ? "text-2xl font-bold" : "text-xl font-semibold"}>
          {heading}
        </Heading>
        {action}
      </div>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <Tabs
          size="small"
          label={t("ideas.list.filters")}
          items={ideaTabValues.map((name) => ({
            href: withStatus(name === "trending" ? base : `${base}?tab=${name}`),
            label: t(`ideas.tab.${name}`),
            current: name === tab,
          }))}
        />
        <Form method="get" action={base} className="flex items-end gap-2">
          {tab !== "trending" ? <input type="hidden" name="tab" value={tab} /> : null}
          <div className="flex flex-col gap-1">
            <label htmlFor="idea-status-filter" className="text-sm font-medium text-slate-800">
              {t("ideas.filter.status")}
            </label>
            <select id="idea-status-filter" name="status" defaultValue={status ?? ""} className={`${inputClass} py-1`}>
              <option value="">{t("ideas.filter.anyStatus")}</option>
              {ideaStatusValues.map((value) => (
                <option key={value} value={value}>
                  {t(`ideas.status.${value}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={`${secondaryButtonClass} py-1`}>
            {t("ideas.filter.apply")}
          </button>
        </Form>
      </div>
      {ideas.length ? (
        <IdeaList ideas={ideas} showCommunity={showCommunity} label={t(`ideas.tab.${tab}`)} headingLevel={Heading === "h1" ? "h2" : "h3"} />
      ) : (
        <EmptyState>{t(status ? "ideas.emptyStatus" : "ideas.empty")}</EmptyState>
      )}
      <Pagination nextCursor={nextCursor} />
    </section>
  );
}

export function IdeaList({
  ideas,
  showCommunity,
  label,
  headingLevel: Heading,
}: {
  ideas: IdeaListItem[];
  showCommunity: boolean;
  label: string;
  headingLevel: "h2" | "h3";
}) {
  const t = useT();
  const locale = useLocale();
  const countText = useCountText();
  return (
    <ul aria-label={label} className="divide-y divide-slate-200 overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      {ideas.map((idea) => (
        <li key={idea.id} className="flex gap-4 p-4">
          <p className="hidden w-24 shrink-0 flex-col text-right text-sm text-slate-600 sm:flex">
            <span className="text-lg font-bold text-slate-900">{countText("ideas.votes", idea.voteCount)}</span>
            {idea.recentVotes ? <span>{countText("ideas.recentVotes", idea.recentVotes)}</span> : null}
          </p>
          <div className="flex min-w-0 flex-1 flex-col gap-2">
            <Heading className="text-base font-semibold">
              <Link to={`/ideas/${idea.id}`} className="text-brand-700 hover:text-brand-800 hover:underline">
                {idea.title}
              </Link>
            </Heading>
            <div className="flex flex-wrap items-center gap-2">
              <IdeaStatusBadge status={idea.status} />
              <span className="text-sm text-slate-600 sm:hidden">{countText("ideas.votes", idea.voteCount)}</span>
              <span className="text-sm text-slate-600">{countText("ideas.comments", idea.commentCount)}</span>
              <TagList tags={idea.tags} label={t("questionList.tags")} />
            </div>
            <p className="text-sm text-slate-600">
              {fillSlots(t("ideas.proposedBy", { date: formatDate(locale, idea.createdAt, "medium") }), {
                person: <PersonLink person={idea.author} />,
              })}
              {idea.site ? ` · ${idea.site.name}` : null}
              {showCommunity ? (
                <>
                  {" · "}
                  <Link to={`/c/${idea.community.slug}/ideas`} className="font-medium text-slate-800 underline underline-offset-2">
                    <span aria-hidden="true" className="mr-1 inline-block h-2.5 w-2.5 rounded-full" style={{ backgroundColor: idea.community.color }} />
                    {idea.community.name}
                  </Link>
                </>
              ) : null}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
