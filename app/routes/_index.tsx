import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { handleLoad } from "../../server/http/respond";
import { roundsToAnswer } from "../../server/barometers/list-rounds";
import { upcomingEventsAtMySite } from "../../server/community-events/list-events";
import { homeFeed } from "../../server/questions/list-questions";
import { EmptyState } from "~/components/empty-state";
import { EventList } from "~/components/event-list";
import { NewQuestionsBanner } from "~/components/new-questions-banner";
import { Pagination } from "~/components/pagination";
import { QuestionList } from "~/components/question-list";
import { useT } from "~/i18n";

export const meta: MetaFunction = () => [{ title: "Guilde" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = context.user;
  if (!viewer) return { user: null, feed: null, eventsAtMySite: [], barometers: [] };
  const cursor = new URL(request.url).searchParams.get("cursor");
  const [feed, eventsAtMySite, barometers] = await Promise.all([
    handleLoad(() => homeFeed(context.guilde, { viewer, cursor })),
    // A block of its own beside the feed: the next in-person events at the viewer's site.
    cursor ? [] : upcomingEventsAtMySite(context.guilde, { viewer }),
    // The barometer rounds that ask the viewer and await their answer (docs/decisions/019-barometers.md).
    cursor ? [] : roundsToAnswer(context.guilde, { viewer }),
  ]);
  return { user: { displayName: viewer.displayName }, feed, eventsAtMySite, barometers };
}

export default function Home() {
  const { user, feed, eventsAtMySite, barometers } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const t = useT();
  if (!user || !feed) {
    return (
      <section className="mx-auto max-w-2xl py-8 text-center">
        <h1 className="text-3xl font-bold">{t("home.welcomeTitle")}</h1>
        <p className="mt-4 text-lg text-slate-700">{t("home.welcomeBody")}</p>
        <div className="mt-8 flex justify-center gap-3">
          <a href="/signin" className="rounded-md bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800">
            {t("account.signIn")}
          </a>
          <a href="/signup" className="rounded-md border border-slate-400 bg-white px-5 py-2.5 font-medium hover:bg-slate-100">
            {t("account.signUp")}
          </a>
        </div>
      </section>
    );
  }
  return (
    <div className="flex flex-col gap-8">
      <header>
        <h1 className="text-2xl font-bold">{t("home.greeting", { name: user.displayName })}</h1>
        <p className="mt-2 text-slate-700">{t("feed.intro")}</p>
      </header>
      {barometers.length > 0 ? (
        <section aria-labelledby="feed-barometers" className="flex flex-col gap-2 rounded-lg border border-brand-100 bg-brand-50 p-4">
          <h2 id="feed-barometers" className="text-lg font-semibold">
            {t("barometers.invitation")}
          </h2>
          <p className="text-slate-800">{t("barometers.invitationBody")}</p>
          <ul className="flex flex-col gap-1">
            {barometers.map((round) => (
              <li key={round.id}>
                <a href={`/barometers/${round.id}`} className="font-semibold text-brand-800 underline underline-offset-2">
                  {t("barometers.answerLink", { title: round.title })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {feed.unansweredForMonitor.length > 0 ? (
        <section aria-labelledby="feed-unanswered" className="flex flex-col gap-3">
          <h2 id="feed-unanswered" className="text-xl font-semibold">
            {t("feed.unansweredForMonitor")}
          </h2>
          <QuestionList questions={feed.unansweredForMonitor} showCommunity />
          <a href="/unanswered" className="self-start font-semibold text-brand-700 underline underline-offset-2">
            {t("unansweredForMe.seeAll")}
          </a>
        </section>
      ) : null}
      {eventsAtMySite.length > 0 ? (
        <section aria-labelledby="feed-events" className="flex flex-col gap-3">
          <h2 id="feed-events" className="text-xl font-semibold">
            {t("events.atMySite")}
          </h2>
          <EventList events={eventsAtMySite} showCommunity />
        </section>
      ) : null}
      <section aria-labelledby="feed-latest" className="flex flex-col gap-3">
        <h2 id="feed-latest" tabIndex={-1} className="text-xl font-semibold focus:outline-none">
          {t("feed.latest")}
        </h2>
        {/* New questions head the first page only. */}
        {searchParams.get("cursor") ? null : <NewQuestionsBanner communityIds={feed.communityIds} listed={feed.items} headingId="feed-latest" />}
        {feed.items.length > 0 ? (
          <QuestionList questions={feed.items} showCommunity />
        ) : (
          <EmptyState
            action={
              <a href="/communities" className="font-semibold text-brand-700 underline underline-offset-2">
                {t("feed.browseCommunities")}
              </a>
            }
          >
            {t("feed.empty")}
          </EmptyState>
        )}
        <Pagination nextCursor={feed.nextCursor} />
      </section>
    </div>
  );
}
