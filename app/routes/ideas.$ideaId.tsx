import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { flagReason } from "../../db/schema";
import { Invalid } from "../../server/errors";
import { moderateFromPage } from "../../server/moderation/moderate-from-page";
import { handleForm, handleLoad, readForm, requireUser } from "../../server/http/respond";
import { adoptIdea } from "../../server/ideas/adopt-idea";
import { changeIdeaStatus } from "../../server/ideas/change-idea-status";
import { commentOnIdea } from "../../server/ideas/comment-on-idea";
import { deleteIdea } from "../../server/ideas/delete-idea";
import { followIdea } from "../../server/ideas/follow-idea";
import { getIdea } from "../../server/ideas/get-idea";
import { mergeIdeas } from "../../server/ideas/merge-ideas";
import { voteOnIdea } from "../../server/ideas/vote-on-idea";
import { Badge, TagList } from "~/components/badge";
import { Field, buttonClass, inputClass, isFormFailure, type FormFailureData } from "~/components/forms";
import { IdeaStatusBadge, ideaStatusValues } from "~/components/idea-list";
import { ContentModerationControls, type ModerationReason } from "~/components/moderation-forms";
import { Notice, noticeHref } from "~/components/notice";
import { Author, CommunityLink, RelativeTime, RenderedMarkdown } from "~/components/question-parts";
import { fillSlots } from "~/components/slots";
import { formatDate, translateServerMessage, useLocale, useT, type MessageKey } from "~/i18n";
import { useCountText } from "~/i18n/format";
import { useLiveIdea } from "~/realtime/live";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.page.idea.title} · Guilde` : "Guilde" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const page = await handleLoad(() => getIdea(context.guilde, { viewer, ideaId: params.ideaId ?? "" }));
  // A merged duplicate leads to the idea it joined.
  if ("mergedInto" in page) throw redirect(`/ideas/${page.mergedInto}`);
  return { page, now: new Date(), reasons: flagReason.enumValues };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const { guilde } = context;
  const ideaId = params.ideaId ?? "";
  const here = `/ideas/${ideaId}`;
  const values = await readForm(request);
  return handleForm(values, async () => {
    // Flag, hide, restore or approve the post or one of its replies (`contentId`).
    const moderated = await moderateFromPage(guilde, { viewer, values });
    if (moderated) return redirect(noticeHref(here, moderated.notice) + anchorOf(moderated.content));
    switch (values.intent) {
      case "vote":
        await voteOnIdea(guilde, { viewer, ideaId, input: values });
        return redirect(`${here}#votes`);
      case "follow":
        await followIdea(guilde, { viewer, ideaId, follow: values.follow === "true" });
        return redirect(here);
      case "comment": {
        const { commentId } = await commentOnIdea(guilde, { viewer, ideaId, input: values });
        return redirect(`${here}#comment-${commentId}`);
      }
      case "status":
        await changeIdeaStatus(guilde, { viewer, ideaId, input: values });
        return redirect(`${noticeHref(here, "statusChanged")}#timeline`);
      case "merge": {
        const { intoId } = await mergeIdeas(guilde, { viewer, ideaId, input: values });
        return redirect(noticeHref(`/ideas/${intoId}`, "merged"));
      }
      case "adopt":
        await adoptIdea(guilde, { viewer, ideaId, adopted: values.adopted === "true" });
        return redirect(`${here}#adoptions`);
      case "delete": {
        const { communitySlug } = await deleteIdea(guilde, { viewer, ideaId });
        return redirect(noticeHref(`/c/${communitySlug}/ideas`, "ideaDeleted"));
      }
      default:
        throw new Invalid({ intent: ["errors.invalidChoice"] });
    }
  });
}

/** Where on the page a moderation form about this content leads back to. */
function anchorOf(content: { kind: string; id: string }): string {
  return content.kind === "comment" ? `#comment-${content.id}` : "#idea-title";
}

const notices: Record<string, MessageKey> = {
  proposed: "ideas.notice.proposed",
  statusChanged: "ideas.notice.statusChanged",
  merged: "ideas.notice.merged",
  saved: "ideas.notice.saved",
  flagged: "flag.sent",
  hidden: "hide.done",
  restored: "hide.restored",
  approved: "premoderation.approved",
};

type Page = ReturnType<typeof useLoaderData<typeof loader>>["page"];

const smallButtonClass = "rounded-md border border-slate-400 bg-white px-3 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100";
const sectionClass = "flex flex-col gap-3 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200";

export default function IdeaPage() {
  const { page, now, reasons } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = isFormFailure(result) ? result : undefined;
  const failureFor = (intent: string) => (failure?.values.intent === intent ? failure : undefined);
  const t = useT();
  const { idea, community, may } = page;
  useLiveIdea(idea.id);
  return (
    <article aria-labelledby="idea-title" className="flex flex-col gap-6">
      {failure && !["status", "merge", "comment", "flag", "hide"].includes(failure.values.intent ?? "") ? <FailureAlert failure={failure} /> : null}
      <Notice messages={notices} />
      <header className="flex flex-col gap-3">
        <p className="text-sm text-slate-700">{fillSlots(t("ideas.in"), { community: <CommunityLink community={community} /> })}</p>
        <h1 id="idea-title" className="text-2xl font-bold sm:text-3xl">
          {idea.title}
        </h1>
        <div className="flex flex-wrap items-center gap-2">
          <IdeaStatusBadge status={idea.status} />
          <TagList tags={idea.tags} label={t("question.tags")} />
        </div>
        <p className="text-sm text-slate-700">
          {fillSlots(t("ideas.proposedBy"), {
            person: idea.author ? <Author person={idea.author} /> : t("revisions.formerMember"),
            date: <RelativeTime date={idea.createdAt} now={now} />,
          })}
        </p>
        <IdeaBanner page={page} />
        <OwnerTools page={page} />
        <ContentModerationControls
          contentId={idea.id}
          may={may}
          hidden={idea.hidden}
          held={false}
          reasons={reasons}
          context={t("flag.thisIdea")}
          restoreLabel="hide.restoreIdea"
          flaggedByMe={idea.flaggedByMe}
          failure={failure}
        />
      </header>

      <VoteBox page={page} />

      <div className="flex flex-col gap-4">
        <IdeaSection id="problem" title="ideas.section.problem" html={idea.problemHtml} />
        <IdeaSection id="proposal" title="ideas.section.proposal" html={idea.proposalHtml} />
        <IdeaSection id="benefit" title="ideas.section.benefit" html={idea.benefitHtml} />
      </div>

      <Adoptions page={page} />
      <Timeline page={page} />
      {may.changeStatus ? <Workflow page={page} failure={failureFor("status")} mergeFailure={failureFor("merge")} /> : null}
      <Comments page={page} failure={failureFor("comment")} moderationFailure={failure} reasons={reasons} now={now} />
    </article>
  );
}

/** Why the idea is not for everyone: deleted, or hidden by a moderator (the reason and their note). */
function IdeaBanner({ page }: { page: Page }) {
  const t = useT();
  const { idea } = page;
  if (!idea.deleted && !idea.moderation) return null;
  const reason = idea.moderation?.reason;
  const text = idea.deleted
    ? t("ideas.deletedBanner")
    : [t("ideas.hiddenBanner"), reason && reason !== "awaiting_approval" ? t("hide.why", { reason: t(`flagReason.${reason}`) }) : "", idea.moderation?.note ?? ""]
        .filter(Boolean)
        .join(" ");
  return <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">{text}</p>;
}

/** Editing, its history and deleting: for its author and the community's moderators. */
function OwnerTools({ page }: { page: Page }) {
  const t = useT();
  const { idea, may } = page;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {may.edit ? (
        <a href={`/ideas/${idea.id}/edit`} className={smallButtonClass}>
          {t("ideas.edit")}
        </a>
      ) : null}
      {idea.edited ? (
        <a href={`/ideas/${idea.id}/history`} className={smallButtonClass}>
          {t("ideas.history")}
        </a>
      ) : null}
      {may.delete ? (
        <Form method="post">
          <input type="hidden" name="intent" value="delete" />
          <button type="submit" className={`${smallButtonClass} text-red-800`}>
            {t("ideas.delete")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}

function FailureAlert({ failure }: { failure: FormFailureData }) {
  const t = useT();
  const messages = Object.values(failure.fieldErrors).flat();
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
      {t("ideas.actionFailed")} {(messages.length ? messages : [failure.message]).map((message) => translateServerMessage(t, message, failure.messageParams)).join(" ")}
    </div>
  );
}

function IdeaSection({ id, title, html }: { id: string; title: MessageKey; html: string }) {
  const t = useT();
  return (
    <section aria-labelledby={`${id}-heading`} className={sectionClass}>
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {t(title)}
      </h2>
      <RenderedMarkdown html={html} />
    </section>
  );
}

/** The vote count, the viewer's vote (a toggle) and following. */
function VoteBox({ page }: { page: Page }) {
  const t = useT();
  const countText = useCountText();
  const { idea, may } = page;
  return (
    <div id="votes" tabIndex={-1} className="flex flex-wrap items-center gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 focus:outline-none">
      <p aria-live="polite" aria-atomic="true" className="text-xl font-bold text-slate-900">
        {countText("ideas.votes", idea.voteCount)}
      </p>
      {may.vote ? (
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="vote" />
          <input type="hidden" name="vote" value={String(!idea.voted)} />
          <button
            type="submit"
            aria-pressed={idea.voted}
            className={idea.voted ? "rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800" : buttonClass}
          >
            {idea.voted ? t("ideas.unvote") : t("ideas.vote")}
          </button>
        </Form>
      ) : idea.voted ? (
        <p className="text-sm text-slate-700">{t("ideas.votedNotice")}</p>
      ) : null}
      {may.follow ? (
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="follow" />
          <input type="hidden" name="follow" value={String(!idea.following)} />
          <button type="submit" className={smallButtonClass}>
            {idea.following ? t("ideas.unfollow") : t("ideas.follow")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}

function Adoptions({ page }: { page: Page }) {
  const t = useT();
  const locale = useLocale();
  const { idea, adoptions, may, adoptedByMySite } = page;
  if (idea.status !== "implemented" && adoptions.length === 0) return null;
  return (
    <section id="adoptions" aria-labelledby="adoptions-heading" className={sectionClass}>
      <h2 id="adoptions-heading" className="text-lg font-semibold">
        {t("ideas.adoptions.title")}
      </h2>
      {adoptions.length ? (
        <ul className="flex flex-wrap gap-2">
          {adoptions.map((adoption) => (
            <li key={adoption.siteId}>
              <Badge tone="success">
                {adoption.siteName} · {formatDate(locale, adoption.createdAt, "medium")}
              </Badge>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-700">{t("ideas.adoptions.none")}</p>
      )}
      {may.adopt ? (
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="adopt" />
          <input type="hidden" name="adopted" value={String(!adoptedByMySite)} />
          <button type="submit" className={smallButtonClass}>
            {adoptedByMySite ? t("ideas.unadopt") : t("ideas.adopt")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

function Timeline({ page }: { page: Page }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section id="timeline" tabIndex={-1} aria-labelledby="timeline-heading" className={`${sectionClass} focus:outline-none`}>
      <h2 id="timeline-heading" className="text-lg font-semibold">
        {t("ideas.timeline")}
      </h2>
      <ol className="flex flex-col gap-3 border-l-2 border-slate-200 pl-4">
        {page.timeline.map((change) => {
          const actor = <strong className="font-semibold">{change.actorName ?? t("revisions.formerMember")}</strong>;
          let what;
          if (change.mergedIdeaId) {
            what = fillSlots(t("ideas.timeline.merged"), { actor, idea: change.mergedTitle ?? t("ideas.timeline.aDuplicate") });
          } else if (change.fromStatus === null) {
            what = t("ideas.timeline.proposed");
          } else {
            what = fillSlots(t("ideas.timeline.changed"), { actor, status: <IdeaStatusBadge status={change.toStatus} /> });
          }
          return (
            <li key={change.id} className="flex flex-col gap-1">
              <p className="text-sm text-slate-600">{formatDate(locale, change.createdAt, "medium")}</p>
              <p className="text-slate-900">{what}</p>
              {change.note ? <p className="whitespace-pre-line text-slate-700">{change.note}</p> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The moderators' tools: move the idea along the workflow with a note, merge it into another. */
function Workflow({ page, failure, mergeFailure }: { page: Page; failure?: FormFailureData; mergeFailure?: FormFailureData }) {
  const t = useT();
  const { idea } = page;
  return (
    <section id="workflow" aria-labelledby="workflow-heading" className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-slate-100 p-5">
      <h2 id="workflow-heading" className="font-semibold">
        {t("ideas.workflow.title")}
      </h2>
      <Form method="post" className="flex max-w-lg flex-col gap-4" noValidate>
        <input type="hidden" name="intent" value="status" />
        <Field name="status" id="idea-status" label="ideas.workflow.status" failure={failure}>
          {(props) => (
            <select {...props} defaultValue={props.defaultValue ?? ideaStatusValues[Math.min(ideaStatusValues.indexOf(idea.status) + 1, 4)]} className={inputClass}>
              {ideaStatusValues
                .filter((status) => status !== idea.status)
                .map((status) => (
                  <option key={status} value={status}>
                    {t(`ideas.status.${status}`)}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field name="note" id="idea-status-note" label="ideas.workflow.note" hint="ideas.workflow.noteHint" failure={failure}>
          {(props) => <textarea {...props} required rows={3} maxLength={2000} className={inputClass} />}
        </Field>
        <div>
          <button type="submit" className={buttonClass}>
            {t("ideas.workflow.submit")}
          </button>
        </div>
      </Form>
      <details open={Boolean(mergeFailure)}>
        <summary className="cursor-pointer font-medium text-slate-900 underline underline-offset-2">{t("ideas.merge.open")}</summary>
        <Form method="post" className="mt-3 flex max-w-lg flex-col gap-4" noValidate>
          <input type="hidden" name="intent" value="merge" />
          <Field name="intoId" id="idea-merge-into" label="ideas.merge.into" hint="ideas.merge.intoHint" failure={mergeFailure}>
            {(props) => <input {...props} required className={inputClass} />}
          </Field>
          <Field name="note" id="idea-merge-note" label="ideas.merge.note" failure={mergeFailure}>
            {(props) => <textarea {...props} rows={2} maxLength={2000} className={inputClass} />}
          </Field>
          <div>
            <button type="submit" className={buttonClass}>
              {t("ideas.merge.submit")}
            </button>
          </div>
        </Form>
      </details>
    </section>
  );
}

function Comments({
  page,
  failure,
  moderationFailure,
  reasons,
  now,
}: {
  page: Page;
  failure?: FormFailureData;
  moderationFailure?: FormFailureData;
  reasons: readonly ModerationReason[];
  now: Date | string;
}) {
  const t = useT();
  const countText = useCountText();
  return (
    <section aria-labelledby="comments-heading" className={sectionClass}>
      <h2 id="comments-heading" className="text-lg font-semibold">
        {page.comments.length ? countText("ideas.comments", page.comments.length) : t("ideas.comments.title")}
      </h2>
      {page.comments.length ? (
        <ul className="flex flex-col divide-y divide-slate-100">
          {page.comments.map((comment) => (
            <li key={comment.id} id={`comment-${comment.id}`} tabIndex={-1} className="flex flex-col gap-1 py-3 focus:outline-none">
              {comment.held ? (
                <p>
                  <Badge tone="warning">{t("ideas.comment.held")}</Badge>
                </p>
              ) : comment.hidden ? (
                <p>
                  <Badge tone="danger">{t("ideas.comment.hidden")}</Badge>
                </p>
              ) : null}
              <RenderedMarkdown html={comment.bodyHtml} className="text-sm" />
              <p className="text-sm text-slate-700">
                {fillSlots(t("comment.by"), { person: <Author person={comment.author} />, date: <RelativeTime date={comment.createdAt} now={now} /> })}
              </p>
              <ContentModerationControls
                contentId={comment.id}
                may={comment.may}
                hidden={comment.hidden}
                held={comment.held}
                reasons={reasons}
                context={t("flag.thisComment")}
                flaggedByMe={comment.flaggedByMe}
                failure={moderationFailure}
              />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-700">{t("ideas.comments.none")}</p>
      )}
      {page.may.comment ? (
        <Form method="post" className="flex flex-col gap-2" noValidate>
          <input type="hidden" name="intent" value="comment" />
          <Field name="body" id="idea-comment-body" label="ideas.comment.field" failure={failure}>
            {(props) => <textarea {...props} required rows={3} maxLength={2000} className={inputClass} />}
          </Field>
          <div>
            <button type="submit" className={smallButtonClass}>
              {t("ideas.comment.submit")}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
