import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { handleLoad, requireUser } from "../../server/http/respond";
import { listRevisions } from "../../server/questions/list-revisions";
import { RevisionItem } from "~/components/revision-history";
import { fillSlots } from "~/components/slots";
import { useT } from "~/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.questionTitle} · Guilde` : "Guilde" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const revisions = await handleLoad(() => listRevisions(context.guilde, { viewer, targetId: params.targetId ?? "" }));
  return { ...revisions, targetId: params.targetId ?? "", now: new Date() };
}

export default function RevisionHistory() {
  const { kind, questionId, questionTitle, history, targetId, now } = useLoaderData<typeof loader>();
  const t = useT();
  const anchor = kind === "question" ? "" : `#${kind}-${targetId}`;
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">{t("revisions.title")}</h1>
        <p className="text-slate-700">
          {fillSlots(t("revisions.of"), {
            question: (
              <a href={`/questions/${questionId}${anchor}`} className="font-medium text-brand-700 underline underline-offset-2">
                {questionTitle}
              </a>
            ),
          })}
        </p>
        <p className="text-sm text-slate-700">{t("revisions.legend")}</p>
      </header>
      <ol className="flex flex-col gap-4">
        {history.map((revision, index) => (
          <RevisionItem key={index} revision={revision} current={index === 0} original={index === history.length - 1} now={now} />
        ))}
      </ol>
      <p>
        <a href={`/questions/${questionId}${anchor}`} className="font-medium text-brand-700 underline underline-offset-2">
          {t("revisions.back")}
        </a>
      </p>
    </div>
  );
}
