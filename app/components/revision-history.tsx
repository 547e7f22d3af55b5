import { Badge } from "~/components/badge";
import { RelativeTime } from "~/components/question-parts";
import { fillSlots } from "~/components/slots";
import { useT, type MessageKey } from "~/i18n";

/** One version in a history (a question's, an answer's, a tutorial's): who made it, when, and its diff against the one before. */
export interface Revision {
  editor: { id: string; displayName: string; role: "admin" | "employee" | "customer" } | null;
  createdAt: Date | string;
  title: string | null;
  titleDiff: DiffPart[] | null;
  bodyDiff: DiffPart[];
  /** Other parts of the text, each diffed on its own (an idea's proposal and benefit). */
  sections?: { name: "proposal" | "benefit"; diff: DiffPart[] }[];
}

interface DiffPart {
  value: string;
  added: boolean;
  removed: boolean;
}

export function RevisionItem({
  revision,
  current,
  original,
  now,
  bodyLabel = "revisions.bodyLabel",
}: {
  revision: Revision;
  current: boolean;
  original: boolean;
  now: Date;
  /** What the body is called ("Text", an idea's "The problem"). */
  bodyLabel?: MessageKey;
}) {
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
        {[{ label: bodyLabel, diff: revision.bodyDiff }, ...(revision.sections ?? []).map((section) => ({ label: `ideas.section.${section.name}` as const, diff: section.diff }))].map(
          (part) => (
            <div key={part.label}>
              <h3 className="text-sm font-medium text-slate-700">{t(part.label)}</h3>
              <div className="mt-1 whitespace-pre-wrap break-words rounded-md bg-slate-50 p-3 font-mono text-sm leading-relaxed ring-1 ring-slate-200">
                <Diff parts={part.diff} />
              </div>
            </div>
          ),
        )}
      </article>
    </li>
  );
}

/** A word diff: additions underlined on green, removals struck through on red, and both announced in words. */
function Diff({ parts }: { parts: DiffPart[] }) {
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
