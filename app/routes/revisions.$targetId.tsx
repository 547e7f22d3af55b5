import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { handleLoad, requireUser } from "../../server/http/respond";
import { listRevisions } from "../../server/questions/list-revisions";
import { Badge } from "~/components/badge";
import { RelativeTime } from "~/components/question-parts";
import { fillSlots } from "~/components/slots";
import { useT } from "~/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.questionTitle} · Guilde` : "Guilde" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const revisions = await handleLoad(() => listRevisions(context.guilde, { viewer, targetId: params.targetId ?? "" }));
  return { ...revisions, targetId: params.targetId ?? "", now: new Date() };
}

type Revision = ReturnType<typeof useLoaderData<typeof loader>>["history"][number];

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

function RevisionItem({ revision, current, original, now }: { revision: Revision; current: boolean; original: boolean; now: Date }) {
  const t = useT();
  const editor = revision.editor ? (
    <>
      <a href={`/users/${revision.editor.id}`} className="font-medium text-brand-700 underline underline-offset-2">
        {revision.editor.displayName}
      </a>
      {revision.editor.role === "customer" ? (
        <>
          {" "}
          <Badge tone="warning">{t("profile.role.customer")}</Badge>
        </>
      ) : null}
    </>
  ) : (
    t("revisions.formerMember")
  );
  return (
    <li className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <article className="flex flex-col gap-3">
        <h2 className="flex flex-wrap items-baseline gap-x-2 font-semibold">
          <span>{fillSlots(t(original ? "revisions.original" : "revisions.edit"), { person: editor, date: <RelativeTime date={revision.createdAt} now={now} /> })}</span>
          {current ? <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-800">{t("revisions.current")}</span> : null}
        </h2>
        {revision.titleDiff || (original && revision.title) ? (
          <div>
            <h3 className="text-sm font-medium text-slate-700">{t("revisions.titleLabel")}</h3>
            <p className="mt-1 font-semibold">{revision.titleDiff ? <Diff parts={revision.titleDiff} /> : revision.title}</p>
          </div>
        ) : null}
        <div>
          <h3 className="text-sm font-medium text-slate-700">{t("revisions.bodyLabel")}</h3>
          <div className="mt-1 whitespace-pre-wrap break-words rounded-md bg-slate-50 p-3 font-mono text-sm leading-relaxed ring-1 ring-slate-200">
            <Diff parts={revision.bodyDiff} />
          </div>
        </div>
      </article>
    </li>
  );
}

/** A word diff: additions underlined on green, removals struck through on red, and both announced in words. */
function Diff({ parts }: { parts: Revision["bodyDiff"] }) {
  const t = useT();
  return (
    <>
      {parts.map((part, index) => {
        if (part.added) {
          return (
            <ins key={index} className="rounded-sm bg-green-100 text-green-950 underline decoration-green-800 decoration-2 underline-offset-2">
              <span className="sr-only">{t("revisions.addedStart")} </span>
              {part.value}
              <span className="sr-only">{t("revisions.addedEnd")}</span>
            </ins>
          );
        }
        if (part.removed) {
          return (
            <del key={index} className="rounded-sm bg-red-100 text-red-950 line-through decoration-red-800 decoration-2">
              <span className="sr-only">{t("revisions.removedStart")} </span>
              {part.value}
              <span className="sr-only">{t("revisions.removedEnd")}</span>
            </del>
          );
        }
        return <span key={index}>{part.value}</span>;
      })}
    </>
  );
}
