import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n";
import { Field, inputClass, type FormFailureData } from "./forms";
import { OnDemandDisclosure } from "./on-demand-disclosure";

/** Why something is flagged or hidden: the server's `flag_reason` values (tests/unit/policy.test.ts pins them). */
export const moderationReasons = ["spam", "off_topic", "abusive", "confidential", "other"] as const;
export type ModerationReason = (typeof moderationReasons)[number];

export function isModerationReason(value: string): value is ModerationReason {
  return (moderationReasons as readonly string[]).includes(value);
}

export const smallButtonClass = "rounded-md border border-slate-400 bg-white px-3 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100";

/** The failure of the form with this intent about this content, if it is the one that was sent. */
export function failureAbout(failure: FormFailureData | undefined, intent: string, contentId: string): FormFailureData | undefined {
  return failure?.values.intent === intent && failure.values.contentId === contentId ? failure : undefined;
}

/**
 * Flagging a question, answer or comment: a reason, a note, in a disclosure that needs no JavaScript.
 * Its form is rendered only once opened: every answer and comment has one.
 */
export function FlagDisclosure({
  contentId,
  reasons,
  context,
  failure,
}: {
  contentId: string;
  reasons: readonly ModerationReason[];
  /** Says what is flagged, for screen readers ("this answer"). */
  context: string;
  failure?: FormFailureData;
}) {
  const t = useT();
  return (
    <OnDemandDisclosure
      id={`flag-${contentId}`}
      open={Boolean(failure)}
      className="text-sm"
      summaryClassName={`${smallButtonClass} cursor-pointer list-none`}
      summary={
        <>
          {t("flag.open")}
          <span className="sr-only"> {context}</span>
        </>
      }
    >
      <Form method="post" preventScrollReset className="mt-2 flex max-w-md flex-col gap-3 rounded-md border border-slate-300 bg-slate-50 p-3" noValidate>
        <input type="hidden" name="intent" value="flag" />
        <input type="hidden" name="contentId" value={contentId} />
        <p className="text-slate-700">{t("flag.intro")}</p>
        <ReasonField id={`flag-reason-${contentId}`} label="flag.reason" reasons={reasons} failure={failure} />
        <Field name="note" id={`flag-note-${contentId}`} label="flag.note" hint="flag.noteHint" failure={failure}>
          {(props) => <textarea {...props} rows={2} maxLength={1000} className={inputClass} />}
        </Field>
        <div>
          <button type="submit" className={smallButtonClass}>
            {t("flag.submit")}
          </button>
        </div>
      </Form>
    </OnDemandDisclosure>
  );
}

/** A moderator hides content (or rejects what awaits approval), saying why to its author. */
export function HideDisclosure({
  contentId,
  reasons,
  context,
  label,
  failure,
  defaultReason = "spam",
  extra = {},
}: {
  contentId: string;
  reasons: readonly ModerationReason[];
  context: string;
  /** "Hide" or "Reject". */
  label: "hide.open" | "hide.reject";
  failure?: FormFailureData;
  defaultReason?: ModerationReason;
  /** More hidden fields for the page's action. */
  extra?: Record<string, string>;
}) {
  const t = useT();
  return (
    <details id={`hide-${contentId}`} open={Boolean(failure)} className="text-sm">
      <summary className={`${smallButtonClass} cursor-pointer list-none text-red-800`}>
        {t(label)}
        <span className="sr-only"> {context}</span>
      </summary>
      <Form method="post" preventScrollReset className="mt-2 flex max-w-md flex-col gap-3 rounded-md border border-red-300 bg-red-50 p-3" noValidate>
        <input type="hidden" name="intent" value="hide" />
        <input type="hidden" name="contentId" value={contentId} />
        <HiddenFields values={extra} />
        <p className="text-red-900">{t("hide.intro")}</p>
        <ReasonField id={`hide-reason-${contentId}`} label="hide.reason" reasons={reasons} failure={failure} defaultReason={defaultReason} />
        <Field name="note" id={`hide-note-${contentId}`} label="hide.note" failure={failure}>
          {(props) => <textarea {...props} rows={2} maxLength={1000} className={inputClass} />}
        </Field>
        <div>
          <button type="submit" className="rounded-md bg-red-700 px-3 py-1.5 font-semibold text-white hover:bg-red-800">
            {t(label === "hide.reject" ? "hide.rejectSubmit" : "hide.submit")}
          </button>
        </div>
      </Form>
    </details>
  );
}

function ReasonField({
  id,
  label,
  reasons,
  failure,
  defaultReason,
}: {
  id: string;
  label: "flag.reason" | "hide.reason";
  reasons: readonly ModerationReason[];
  failure?: FormFailureData;
  defaultReason?: ModerationReason;
}) {
  const t = useT();
  return (
    <Field name="reason" id={id} label={label} failure={failure}>
      {(props) => (
        <select {...props} defaultValue={props.defaultValue ?? defaultReason ?? reasons[0]} className={inputClass}>
          {reasons.map((reason) => (
            <option key={reason} value={reason}>
              {t(`flagReason.${reason}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** One moderation button (restore, approve, lock…) about one piece of content. */
export function ModerationButton({
  intent,
  contentId,
  children,
  extra = {},
  tone = "neutral",
}: {
  intent: string;
  contentId: string;
  children: ReactNode;
  extra?: Record<string, string>;
  tone?: "neutral" | "approve";
}) {
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="contentId" value={contentId} />
      <HiddenFields values={extra} />
      <button
        type="submit"
        className={tone === "approve" ? "rounded-md bg-green-700 px-3 py-1 text-sm font-semibold text-white hover:bg-green-800" : smallButtonClass}
      >
        {children}
      </button>
    </Form>
  );
}

function HiddenFields({ values }: { values: Record<string, string> }) {
  return Object.entries(values).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

/**
 * The flag, approve, hide and restore controls of one idea, tutorial or comment, as far as the viewer
 * may use them (the server decides `may`). Each is a plain form posting to the page's action.
 */
export function ContentModerationControls({
  contentId,
  may,
  hidden,
  held,
  reasons,
  context,
  restoreLabel = "hide.restore",
  flaggedByMe = false,
  failure,
}: {
  contentId: string;
  may: { flag: boolean; moderate: boolean; approve?: boolean };
  /** The viewer's own flag on it is still open: said instead of offering another. */
  flaggedByMe?: boolean;
  hidden: boolean;
  held: boolean;
  reasons: readonly ModerationReason[];
  /** Says what the controls are about, for screen readers ("this idea"). */
  context: string;
  restoreLabel?: "hide.restore" | "hide.restoreIdea" | "hide.restoreTutorial";
  failure?: FormFailureData;
}) {
  const t = useT();
  if (!may.flag && !may.moderate && !flaggedByMe) return null;
  return (
    <div className="flex flex-wrap items-start gap-2">
      {may.flag ? <FlagDisclosure contentId={contentId} reasons={reasons} context={context} failure={failureAbout(failure, "flag", contentId)} /> : null}
      {flaggedByMe ? <span className="text-sm text-slate-700">{t("flag.flaggedByMe")}</span> : null}
      {may.approve ? (
        <ModerationButton intent="approve" contentId={contentId} tone="approve">
          {t("premoderation.approve")}
          <span className="sr-only"> {context}</span>
        </ModerationButton>
      ) : null}
      {may.moderate && hidden && !held ? (
        <ModerationButton intent="restore" contentId={contentId}>
          {t(restoreLabel)}
          <span className="sr-only"> {context}</span>
        </ModerationButton>
      ) : null}
      {may.moderate && (!hidden || held) ? (
        <HideDisclosure
          contentId={contentId}
          reasons={reasons}
          context={context}
          label={held ? "hide.reject" : "hide.open"}
          failure={failureAbout(failure, "hide", contentId)}
        />
      ) : null}
    </div>
  );
}
