import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { handleLoad, requireUser } from "../../server/http/respond";
import { listIdeaRevisions } from "../../server/ideas/list-idea-revisions";
import { RevisionItem } from "~/components/revision-history";
import { fillSlots } from "~/components/slots";
import { useT } from "~/i18n";
import { postPath } from "~/links";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.idea.title} · Guilde` : "Guilde" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const revisions = await handleLoad(() => listIdeaRevisions(context.guilde, { viewer, ideaId: params.ideaId ?? "" }));
  return { ...revisions, now: new Date() };
}

export default function IdeaHistory() {
  const { idea, history, now } = useLoaderData<typeof loader>();
  const t = useT();
  const link = (
    <a href={postPath("idea", idea.id)} className="font-medium text-brand-700 underline underline-offset-2">
      {idea.title}
    </a>
  );
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">{t("revisions.title")}</h1>
        <p className="text-slate-700">{fillSlots(t("ideas.historyOf"), { idea: link })}</p>
        <p className="text-sm text-slate-700">{t("revisions.legend")}</p>
      </header>
      <ol className="flex flex-col gap-4">
        {history.map((revision, index) => (
          <RevisionItem
            key={index}
            revision={revision}
            bodyLabel="ideas.section.problem"
            current={index === 0}
            original={index === history.length - 1}
            now={now}
          />
        ))}
      </ol>
      <p>{link}</p>
    </div>
  );
}
