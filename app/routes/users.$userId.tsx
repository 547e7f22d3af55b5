import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { handleLoad, requireUser } from "../../server/http/respond";
import { getProfile } from "../../server/people/get-profile";
import { fillSlots } from "~/components/slots";
import { formatDate, useLocale, useT } from "~/i18n";
import { formatMonthYear } from "~/i18n/format";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.profile.displayName} · Guilde` : "Guilde" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const profile = await handleLoad(() => getProfile(context.guilde, { viewer, userId: params.userId ?? "" }));
  return { profile, isSelf: viewer.id === profile.id };
}

export default function ProfilePage() {
  const { profile, isSelf } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <article className="rounded-lg bg-white p-8 shadow-sm ring-1 ring-slate-200">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{profile.displayName}</h1>
          {profile.details?.title ? <p className="mt-1 text-slate-700">{profile.details.title}</p> : null}
          <p className="mt-1 text-sm text-slate-600">
            {t(`profile.role.${profile.role}`)}
            {profile.site ? ` · ${profile.site.name} (${profile.site.city})` : ""}
          </p>
          <p className="mt-1 text-sm text-slate-600">
            {t("profile.memberSince", { date: formatDate(locale, profile.memberSince) })}
          </p>
        </div>
        {isSelf ? (
          <a href="/settings" className="rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100">
            {t("profile.edit")}
          </a>
        ) : null}
      </header>
      {profile.details?.bio ? <p className="mt-6 whitespace-pre-line text-slate-800">{profile.details.bio}</p> : null}
      <section className="mt-8">
        <h2 className="text-lg font-semibold">{t("profile.communities")}</h2>
        {profile.communities.length ? (
          <ul className="mt-3 flex flex-col gap-2">
            {profile.communities.map((community) => (
              <li key={community.slug} className="flex items-center gap-2">
                <span aria-hidden="true" className="inline-block h-3 w-3 shrink-0 rounded-full" style={{ backgroundColor: community.color }} />
                <span>
                  {fillSlots(
                    community.role === "monitor"
                      ? community.monitorSince
                        ? t("profileCommunities.monitorSince", { date: formatMonthYear(locale, community.monitorSince) })
                        : t("profileCommunities.monitor")
                      : t(community.role === "moderator" ? "profileCommunities.moderator" : "profileCommunities.member"),
                    {
                      community: (
                        <Link to={`/c/${community.slug}`} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">
                          {community.name}
                        </Link>
                      ),
                    },
                  )}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-slate-600">{t("profile.noCommunities")}</p>
        )}
      </section>
    </article>
  );
}
