import type { ReactNode } from "react";
import { useT } from "~/i18n";
import { useCountText } from "~/i18n/format";
import { TagList } from "./badge";
import { MyRoleBadge, RoleMark, VisibilityBadge, type CommunityRole, type CommunityVisibility } from "./community-badges";
import { PersonLink } from "./person-link";

export interface CommunityHeaderProps {
  community: { name: string; description: string; color: string; coverImageUrl: string | null; visibility: CommunityVisibility };
  membership: { role: CommunityRole; status: "active" | "pending" } | null;
  /** Null when the viewer may not read the community. */
  counts: { members: number; questions: number } | null;
  monitors: { id: string; displayName: string; siteName: string | null; topics: string[] }[];
  /** "p" when the page below has its own h1 (a form about the community). */
  headingLevel?: "h1" | "p";
  /** The viewer's buttons: join, leave, apply, settings. */
  actions?: ReactNode;
}

/**
 * A community's header: its colour as a band that carries no text (any colour stays legible), then
 * name, description, counts and monitors on white.
 */
export function CommunityHeader({ community, membership, counts, monitors, headingLevel = "h1", actions }: CommunityHeaderProps) {
  const t = useT();
  const countText = useCountText();
  const Heading = headingLevel;
  return (
    <header className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <div aria-hidden="true" className="h-3" style={{ backgroundColor: community.color }} />
      {community.coverImageUrl ? <img src={community.coverImageUrl} alt="" className="h-36 w-full object-cover" /> : null}
      <div className="flex flex-col gap-4 p-6">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="flex min-w-0 flex-col gap-2">
            <div className="flex flex-wrap items-center gap-2">
              <Heading className="text-2xl font-bold text-slate-900">{community.name}</Heading>
              <VisibilityBadge visibility={community.visibility} />
              <MyRoleBadge role={membership?.role ?? null} status={membership?.status ?? null} />
            </div>
            {community.description ? <p className="line-clamp-3 max-w-prose whitespace-pre-line text-slate-700">{community.description}</p> : null}
            {counts ? (
              <p className="text-sm text-slate-600">
                {countText("communities.count.members", counts.members)} · {countText("communities.count.questions", counts.questions)}
              </p>
            ) : null}
          </div>
          {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
        </div>
        {monitors.length ? (
          <section aria-labelledby="community-monitors">
            <h2 id="community-monitors" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
              {t("community.monitors")}
            </h2>
            <ul className="mt-2 grid gap-3 sm:grid-cols-2">
              {monitors.map((monitor) => (
                <li key={monitor.id} className="flex flex-col gap-1 rounded-md bg-slate-50 p-3">
                  <PersonLink person={monitor} site={monitor.siteName} mark={<RoleMark role="monitor" />} />
                  <TagList tags={monitor.topics} label={t("community.topicsOf", { name: monitor.displayName })} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </header>
  );
}

/**
 * The `handle` of a route under /c/:slug that has its own h1 (a form about the community, such as
 * applying or settings): the header then shows the community's name without making it a heading.
 */
export interface CommunityRouteHandle {
  ownHeading?: boolean;
}
