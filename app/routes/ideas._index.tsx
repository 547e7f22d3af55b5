import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { requireUser } from "../../server/http/respond";
import { EmptyState } from "~/components/empty-state";
import { secondaryButtonClass } from "~/components/forms";
import { useT } from "~/i18n";
import { pageTitle } from "~/i18n/format";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("ideas.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context.user);
  return null;
}

/** Idea threads land later; the page exists so that the main navigation leads somewhere useful. */
export default function Ideas() {
  const t = useT();
  return (
    <section aria-labelledby="ideas-title" className="flex flex-col gap-4">
      <h1 id="ideas-title" className="text-2xl font-bold">
        {t("ideas.title")}
      </h1>
      <p className="max-w-prose text-slate-700">{t("ideas.intro")}</p>
      <EmptyState
        action={
          <Link to="/communities" className={secondaryButtonClass}>
            {t("ideas.browseCommunities")}
          </Link>
        }
      >
        {t("ideas.coming")}
      </EmptyState>
    </section>
  );
}
