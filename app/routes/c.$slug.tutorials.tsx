import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { handleLoad, requireUser } from "../../server/http/respond";
import { communityTutorialsPage } from "../../server/tutorials/list-tutorials";
import { EmptyState } from "~/components/empty-state";
import { buttonClass } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { TutorialList } from "~/components/tutorial-list";
import { useT } from "~/i18n";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const cursor = new URL(request.url).searchParams.get("cursor");
  return handleLoad(async () => {
    const shown = await communityTutorialsPage(context.guilde, { viewer, slug: params.slug ?? "", cursor });
    // The layout shows how to join instead of this page.
    if (!shown.readable) return { tutorials: [], drafts: [], nextCursor: null, mayWrite: false };
    return { tutorials: shown.page.items, drafts: shown.drafts, nextCursor: shown.page.nextCursor, mayWrite: shown.mayWrite };
  });
}

export default function CommunityTutorials() {
  const { tutorials, drafts, nextCursor, mayWrite } = useLoaderData<typeof loader>();
  const { slug } = useParams();
  const t = useT();
  const write = mayWrite ? (
    <Link to={`/c/${slug}/tutorials/new`} className={buttonClass}>
      {t("tutorial.write")}
    </Link>
  ) : null;
  return (
    <section aria-labelledby="tutorials-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="tutorials-heading" className="text-xl font-semibold">
          {t("community.tutorials.title")}
        </h2>
        {write}
      </div>
      {drafts.length ? (
        <section aria-labelledby="drafts-heading" className="flex flex-col gap-2">
          <h3 id="drafts-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
            {t("tutorial.myDrafts")}
          </h3>
          <TutorialList tutorials={drafts} label={t("tutorial.myDrafts")} draft />
        </section>
      ) : null}
      {tutorials.length ? (
        <TutorialList tutorials={tutorials} label={t("community.tutorials.title")} />
      ) : (
        <EmptyState action={write}>{t("tutorial.empty")}</EmptyState>
      )}
      <Pagination nextCursor={nextCursor} />
    </section>
  );
}
