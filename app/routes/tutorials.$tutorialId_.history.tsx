import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { handleLoad, requireUser } from "../../server/http/respond";
import { listTutorialRevisions } from "../../server/tutorials/list-tutorial-revisions";
import { RevisionItem } from "~/components/revision-history";
import { fillSlots } from "~/components/slots";
import { useT } from "~/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.tutorial.title} · Guilde` : "Guilde" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const revisions = await handleLoad(() => listTutorialRevisions(context.guilde, { viewer, tutorialId: params.tutorialId ?? "" }));
  return { ...revisions, now: new Date() };
}

export default function TutorialHistory() {
  const { tutorial, history, now } = useLoaderData<typeof loader>();
  const t = useT();
  const link = (
    <a href={`/tutorials/${tutorial.id}`} className="font-medium text-brand-700 underline underline-offset-2">
      {tutorial.title}
    </a>
  );
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">{t("revisions.title")}</h1>
        <p className="text-slate-700">{fillSlots(t("tutorial.historyOf"), { tutorial: link })}</p>
        <p className="text-sm text-slate-700">{t("revisions.legend")}</p>
      </header>
      <ol className="flex flex-col gap-4">
        {history.map((revision, index) => (
          <RevisionItem key={index} revision={revision} current={index === 0} original={index === history.length - 1} now={now} />
        ))}
      </ol>
      <p>{link}</p>
    </div>
  );
}
