import { useRouteLoaderData } from "@remix-run/react";
import { TagList } from "~/components/badge";
import { RoleMark, VisibilityBadge } from "~/components/community-badges";
import { PersonLink } from "~/components/person-link";
import { formatDate, useLocale, useT } from "~/i18n";
import type { CommunityLayoutData } from "./c.$slug";

/** Everything here is already in the layout's data: this page needs no loader of its own. */
export default function CommunityAbout() {
  const page = useRouteLoaderData<CommunityLayoutData>("routes/c.$slug");
  const t = useT();
  const locale = useLocale();
  if (!page) return null;
  const { community, moderators } = page;
  return (
    <section aria-labelledby="about-heading" className="flex flex-col gap-6 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h2 id="about-heading" className="text-xl font-semibold">
        {t("community.about.title")}
      </h2>
      <p className="max-w-prose whitespace-pre-line text-slate-800">{community.description || t("community.about.noDescription")}</p>
      <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-[12rem_1fr]">
        <dt className="font-medium text-slate-700">{t("community.about.themes")}</dt>
        <dd>
          {community.themes.length ? <TagList tags={community.themes} label={t("community.about.themes")} /> : <span className="text-slate-600">{t("community.about.noThemes")}</span>}
        </dd>
        <dt className="font-medium text-slate-700">{t("community.about.visibility")}</dt>
        <dd className="flex flex-col items-start gap-1">
          <VisibilityBadge visibility={community.visibility} />
          <span className="text-sm text-slate-700">{t(`communities.visibility.${community.visibility}.hint`)}</span>
        </dd>
        <dt className="font-medium text-slate-700">{t("community.about.created")}</dt>
        <dd>
          <time dateTime={new Date(community.createdAt).toISOString()}>{formatDate(locale, community.createdAt)}</time>
        </dd>
        <dt className="font-medium text-slate-700">{t("community.about.moderators")}</dt>
        <dd>
          {moderators.length ? (
            <ul className="flex flex-col gap-1">
              {moderators.map((moderator) => (
                <li key={moderator.id}>
                  <PersonLink person={moderator} site={moderator.siteName} mark={<RoleMark role="moderator" />} />
                </li>
              ))}
            </ul>
          ) : (
            <span className="text-slate-600">{t("community.about.noModerators")}</span>
          )}
        </dd>
      </dl>
    </section>
  );
}
