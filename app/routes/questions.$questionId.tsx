import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { createContext, useContext, type ReactNode } from "react";
import { Invalid } from "../../server/errors";
import { moderateFromPage } from "../../server/moderation/moderate-from-page";
import { handleForm, handleLoad, readForm, requireUser } from "../../server/http/respond";
import { acceptAnswer } from "../../server/questions/accept-answer";
import { answerQuestion } from "../../server/questions/answer-question";
import { comment } from "../../server/questions/comment";
import { deleteQuestion, deleteReply } from "../../server/questions/delete";
import { followQuestion } from "../../server/questions/follow-question";
import { getQuestion, type QuestionThread } from "../../server/questions/get-question";
import { importAttribution } from "../../server/import/attribution";
import { closeQuestion, lockQuestion, pinQuestion, reopenQuestion } from "../../server/questions/moderate-question";
import { flagReason } from "../../db/schema";
import type { ContentRef } from "../../server/moderation/content";
import { moveQuestion } from "../../server/moderation/move-question";
import { vote } from "../../server/questions/vote";
import { giveKudos } from "../../server/recognition/give-kudos";
import { declineQuestion } from "../../server/routing/decline-question";
import { getRouting } from "../../server/routing/get-routing";
import { tutorialsCitedIn } from "../../server/tutorials/tutorials-cited-in";
import { Field, buttonClass, inputClass, isFormFailure, type FormFailureData } from "~/components/forms";
import { Badge, TagList } from "~/components/badge";
import { FlagDisclosure, HideDisclosure, ModerationButton, failureAbout, type ModerationReason } from "~/components/moderation-forms";
import { KudosForm, thankIntent } from "~/components/kudos-form";
import { Notice, noticeHref } from "~/components/notice";
import { Author, CommunityLink, RelativeTime, RenderedMarkdown } from "~/components/question-parts";
import { CitedTutorialCard } from "~/components/tutorial-list";
import { fillSlots } from "~/components/slots";
import { translateServerMessage, useT, type MessageKey } from "~/i18n";
import { useCountText } from "~/i18n/format";
import { RoutingRecord } from "~/components/routing-record";
import { OnDemandDisclosure, unlessOnlyADisclosureOpened } from "~/components/on-demand-disclosure";
import { useLiveQuestion } from "~/realtime/live";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.thread.question.title} · Guilde` : "Guilde" }];

// Opening a comment, flag or thanks form changes only the address: nothing to load again.
export const shouldRevalidate = unlessOnlyADisclosureOpened;

const closeReasons = ["duplicate", "off_topic", "resolved", "other"] as const;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const questionId = params.questionId ?? "";
  // The tutorials its answers cite load alongside the thread (only those the viewer may read).
  // The import attribution is only returned alongside a thread getQuestion let the viewer read.
  // Who the question was routed to is only returned to those the policy shows it to (null otherwise).
  const [thread, citations, imported, routing] = await Promise.all([
    handleLoad(() => getQuestion(context.guilde, { viewer, questionId })),
    tutorialsCitedIn(context.guilde, { viewer, questionId }),
    importAttribution(context.guilde, { questionId }),
    getRouting(context.guilde, { viewer, questionId }),
  ]);
  return { thread: withoutMarkdownSources(thread), now: new Date(), flagReasons: flagReason.enumValues, citations, imported, routing };
}

/** The page shows the rendered HTML; sending the Markdown sources too would double its weight. */
function withoutMarkdownSources(thread: QuestionThread) {
  const strip = <Text extends { body: string }>({ body: _source, ...rest }: Text): Omit<Text, "body"> => rest;
  return {
    ...thread,
    question: { ...strip(thread.question), comments: thread.question.comments.map(strip) },
    answers: thread.answers.map((answer) => ({ ...strip(answer), comments: answer.comments.map(strip) })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const { guilde } = context;
  const questionId = params.questionId ?? "";
  const thread = `/questions/${questionId}`;
  const values = await readForm(request);
  return handleForm(values, async () => {
    // Flag, hide, restore or approve the post or one of its replies (`contentId`).
    const moderated = await moderateFromPage(guilde, { viewer, values });
    if (moderated) return redirect(noticeHref(thread, moderated.notice) + anchorOf(moderated.content));
    switch (values.intent) {
      case "vote": {
        await vote(guilde, { viewer, targetId: values.targetId ?? "", input: values });
        return redirect(values.targetId === questionId ? `${thread}#question` : `${thread}#answer-${values.targetId}`);
      }
      case "accept": {
        await acceptAnswer(guilde, { viewer, questionId, answerId: values.answerId || null });
        return redirect(values.answerId ? `${thread}#answer-${values.answerId}` : thread);
      }
      case "comment": {
        const { commentId, held } = await comment(guilde, { viewer, questionId, answerId: values.answerId || null, input: values });
        return redirect(`${held ? noticeHref(thread, "held") : thread}#comment-${commentId}`);
      }
      case "answer": {
        const { answerId, held } = await answerQuestion(guilde, { viewer, questionId, input: values });
        return redirect(`${held ? noticeHref(thread, "held") : thread}#answer-${answerId}`);
      }
      case "follow": {
        await followQuestion(guilde, { viewer, questionId, follow: values.follow === "true" });
        return redirect(thread);
      }
      case "delete": {
        if (values.replyId) {
          await deleteReply(guilde, { viewer, replyId: values.replyId });
          return redirect(thread);
        }
        const { communitySlug } = await deleteQuestion(guilde, { viewer, questionId });
        return redirect(`/c/${communitySlug}`);
      }
      case "close": {
        await closeQuestion(guilde, { viewer, questionId, input: values });
        return redirect(thread);
      }
      case "reopen": {
        await reopenQuestion(guilde, { viewer, questionId });
        return redirect(thread);
      }
      case "pin": {
        await pinQuestion(guilde, { viewer, questionId, pinned: values.pinned === "true" });
        return redirect(thread);
      }
      case "lock": {
        await lockQuestion(guilde, { viewer, questionId, locked: values.locked === "true" });
        return redirect(thread);
      }
      case "move": {
        await moveQuestion(guilde, { viewer, questionId, input: values });
        return redirect(noticeHref(thread, "moved"));
      }
      case thankIntent: {
        const answerId = values.targetId ?? "";
        await giveKudos(guilde, { viewer, target: { kind: "answer", id: answerId }, input: values });
        return redirect(`${noticeHref(thread, "thanked")}#answer-${answerId}`);
      }
      case "decline": {
        await declineQuestion(guilde, { viewer, questionId });
        return redirect(`${noticeHref(thread, "declined")}#routing`);
      }
      default:
        throw new Invalid({ intent: ["errors.invalidChoice"] });
    }
  });
}

/** Where on the page a moderation form about this content leads back to. */
function anchorOf(content: ContentRef): string {
  return content.kind === "question" ? "#question" : `#${content.kind}-${content.id}`;
}

/** The messages the page's actions redirect with. */
const notices: Record<string, MessageKey> = {
  held: "premoderation.heldNotice",
  flagged: "flag.sent",
  hidden: "hide.done",
  restored: "hide.restored",
  approved: "premoderation.approved",
  moved: "move.done",
  declined: "routing.declinedNotice",
  thanked: "kudos.sent",
};

type Thread = ReturnType<typeof useLoaderData<typeof loader>>["thread"];
type Answer = Thread["answers"][number];
type Reply = Answer["comments"][number];

/** What the flag and hide forms of answers and comments need, deep in the thread. */
const ModerationForms = createContext<{ reasons: readonly ModerationReason[]; failure?: FormFailureData }>({ reasons: [] });

/** A reply's moderation: the viewer's flag, and for moderators hide, restore or approve. Nulls for what does not apply. */
function useReplyModeration(): (reply: Reply, context: string) => ReactNode[] {
  const t = useT();
  const { reasons, failure } = useContext(ModerationForms);
  return (reply, context) => [
    reply.may.flag && !reply.flaggedByMe ? (
      <FlagDisclosure key="flag" contentId={reply.id} reasons={reasons} context={context} failure={failureAbout(failure, "flag", reply.id)} />
    ) : null,
    reply.flaggedByMe ? (
      <span key="flagged" className="text-sm text-slate-700">
        {t("flag.flaggedByMe")}
      </span>
    ) : null,
    reply.may.approve ? (
      <ModerationButton key="approve" intent="approve" contentId={reply.id} tone="approve">
        {t("premoderation.approve")}
        <span className="sr-only"> {context}</span>
      </ModerationButton>
    ) : null,
    reply.may.moderate && !reply.deleted && (!reply.hidden || reply.held) ? (
      <HideDisclosure
        key="hide"
        contentId={reply.id}
        reasons={reasons}
        context={context}
        label={reply.held ? "hide.reject" : "hide.open"}
        failure={failureAbout(failure, "hide", reply.id)}
      />
    ) : null,
    reply.may.moderate && reply.hidden && !reply.held && !reply.deleted ? (
      <ModerationButton key="restore" intent="restore" contentId={reply.id}>
        {t("hide.restore")}
        <span className="sr-only"> {context}</span>
      </ModerationButton>
    ) : null,
  ];
}

/** Why a reply is hidden, for its author and the moderators (the only ones who see it). */
function HiddenWhy({ reply }: { reply: Pick<Reply, "held" | "hiddenReason" | "hiddenNote" | "openFlags"> }) {
  const t = useT();
  const countText = useCountText();
  if (reply.held) return <p className="text-sm text-amber-900">{t("premoderation.heldReply")}</p>;
  return (
    <>
      {reply.hiddenReason && reply.hiddenReason !== "awaiting_approval" ? (
        <p className="text-sm text-red-800">
          {t("hide.why", { reason: t(`flagReason.${reply.hiddenReason}`) })}
          {reply.hiddenNote ? ` ${reply.hiddenNote}` : ""}
        </p>
      ) : null}
      {reply.openFlags ? <Badge tone="danger">{countText("flag.openCount", reply.openFlags)}</Badge> : null}
    </>
  );
}

/** Whether a post or reply was edited while this page was open (then "Edited just now"). */
const EditedJustNow = createContext<(id: string) => boolean>(() => false);

/** Where the form that failed sits, so that the alert at the top of the page can lead to it. */
function failedFormAnchor(failure: FormFailureData): string | null {
  switch (failure.values.intent) {
    case "answer":
      return "your-answer";
    case "comment":
      return `comment-form-${failure.values.answerId || "question"}`;
    case "close":
    case "move":
      return "moderation";
    case "flag":
      return `flag-${failure.values.contentId}`;
    case "hide":
      return `hide-${failure.values.contentId}`;
    case thankIntent:
      return `thank-${failure.values.targetId}`;
    default:
      return null;
  }
}

export default function QuestionPage() {
  const { thread, now, flagReasons, imported, routing } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = isFormFailure(result) ? result : undefined;
  const t = useT();
  const countText = useCountText();
  const { question, community, answers, may } = thread;
  const live = useLiveQuestion(question.id);
  const failureFor = (intent: string, answerId = "") =>
    failure?.values.intent === intent && (failure.values.answerId ?? "") === answerId ? failure : undefined;

  return (
    <EditedJustNow.Provider value={live.editedJustNow}>
      <ModerationForms.Provider value={{ reasons: flagReasons, failure }}>
      <article aria-labelledby="question-title" className="flex flex-col gap-8">
        {failure ? <ActionFailureAlert failure={failure} /> : null}
        <Notice messages={notices} />
        <header className="flex flex-col gap-3">
          <p className="text-sm text-slate-700">
            {fillSlots(t("question.in"), { community: <CommunityLink community={community} /> })}
          </p>
          <h1 id="question-title" className="text-2xl font-bold sm:text-3xl">
            {question.title}
          </h1>
          <div className="flex flex-wrap items-center gap-2">
            {question.pinned ? <Badge tone="brand">{t("question.badge.pinned")}</Badge> : null}
            {question.solved ? <Badge tone="success">✓ {t("question.badge.solved")}</Badge> : null}
            {question.closedAt ? <Badge tone="neutral">{t("question.badge.closed")}</Badge> : null}
            {question.closeReason === "duplicate" ? <Badge tone="warning">{t("question.badge.duplicate")}</Badge> : null}
            {question.deleted ? <Badge tone="danger">{t("question.badge.deleted")}</Badge> : null}
            {question.held ? <Badge tone="warning">{t("premoderation.badge")}</Badge> : null}
            {question.hidden && !question.held ? <Badge tone="danger">{t("question.badge.hidden")}</Badge> : null}
            {question.locked ? <Badge tone="neutral">{t("lock.badge")}</Badge> : null}
            {question.openFlags ? <Badge tone="danger">{countText("flag.openCount", question.openFlags)}</Badge> : null}
          </div>
          <p className="flex flex-wrap items-baseline gap-x-2 text-sm text-slate-700">
            <span>
              {fillSlots(t("question.askedBy"), {
                person: question.author ? <Author person={question.author} /> : t("revisions.formerMember"),
                date: <RelativeTime date={question.createdAt} now={now} />,
              })}
            </span>
            {question.editedAt ? <EditedMark targetId={question.id} /> : null}
          </p>
          {imported ? (
            <p className="text-sm text-slate-700">
              {fillSlots(t("question.importedFrom"), {
                site: (
                  <a href={imported.url} rel="nofollow noopener" className="underline underline-offset-2">
                    {imported.site}
                  </a>
                ),
                license: imported.license,
              })}
            </p>
          ) : null}
          {live.viewers > 1 ? <p className="text-sm text-slate-700">{countText("realtime.viewing", live.viewers)}</p> : null}
          <p aria-live="polite" className="sr-only">
            {live.announcement ? t(live.announcement) : ""}
          </p>
        </header>

        <StatusBanners thread={thread} />

        <div id="question" tabIndex={-1} className="flex gap-4 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 focus:outline-none">
          <VoteControl targetId={question.id} score={question.score} myVote={question.myVote} canVote={may.vote} />
          <div className="flex min-w-0 flex-1 flex-col gap-4">
            <RenderedMarkdown html={question.bodyHtml} />
            <TagList tags={question.tags} label={t("question.tags")} />
            <ActionRow>
              {may.follow ? <FollowButton following={question.following} /> : null}
              {may.edit ? <EditLink href={`/questions/${question.id}/edit`} context={t("question.editContext")} /> : null}
              {may.delete ? (
                <DeleteDisclosure
                  context={t("question.deleteContext")}
                  confirm={t("question.deleteConfirm")}
                  submit={t("question.deleteSubmit")}
                />
              ) : null}
              {may.flag && !question.flaggedByMe ? <FlagDisclosure contentId={question.id} reasons={flagReasons} context={t("flag.thisQuestion")} failure={failureAbout(failure, "flag", question.id)} /> : null}
              {question.flaggedByMe ? <span className="text-sm text-slate-700">{t("flag.flaggedByMe")}</span> : null}
            </ActionRow>
            <Comments
              comments={question.comments}
              mayComment={may.comment}
              formId="comment-form-question"
              failure={failureFor("comment")}
              now={now}
            />
          </div>
        </div>

        {thread.duplicates.length > 0 ? (
          <section aria-labelledby="duplicates-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <h2 id="duplicates-heading" className="font-semibold">
              {t("question.duplicates")}
            </h2>
            <ul className="mt-2 list-disc pl-6">
              {thread.duplicates.map((duplicate) => (
                <li key={duplicate.id}>
                  <a href={`/questions/${duplicate.id}`} className="text-brand-700 underline underline-offset-2">
                    {duplicate.title}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {routing ? <RoutingRecord routing={routing} now={now} /> : null}

        {may.moderate ? <ModerationTools thread={thread} failure={failureFor("close") ?? failureFor("move")} /> : null}

        <section aria-labelledby="answers-heading" className="flex flex-col gap-4">
          <h2 id="answers-heading" className="text-xl font-semibold">
            {countText("answers.count", answers.length)}
          </h2>
          {answers.length === 0 ? (
            <p className="text-slate-700">{t("answers.none")}</p>
          ) : (
            <ol className="flex flex-col gap-4">
              {answers.map((answer) => (
                <AnswerItem key={answer.id} answer={answer} mayAccept={may.accept} failure={failureFor("comment", answer.id)} now={now} />
              ))}
            </ol>
          )}
        </section>

        <AnswerForm thread={thread} failure={failureFor("answer")} />
      </article>
      </ModerationForms.Provider>
    </EditedJustNow.Provider>
  );
}

function ActionFailureAlert({ failure }: { failure: FormFailureData }) {
  const t = useT();
  const anchor = failedFormAnchor(failure);
  const fieldMessages = Object.values(failure.fieldErrors).flat();
  const messages = anchor || fieldMessages.length === 0 ? [failure.message] : fieldMessages;
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
      {t("question.actionFailed")} {messages.map((message) => translateServerMessage(t, message, failure.messageParams)).join(" ")}
      {anchor ? (
        <>
          {" "}
          <a href={`#${anchor}`} className="font-semibold underline">
            {t("question.goToForm")}
          </a>
        </>
      ) : null}
    </div>
  );
}

function StatusBanners({ thread }: { thread: Thread }) {
  const t = useT();
  const { question, community, duplicateOf } = thread;
  const banners: { key: string; content: ReactNode }[] = [];
  if (question.deleted) banners.push({ key: "deleted", content: t("question.deletedBanner") });
  else if (question.held) banners.push({ key: "held", content: t("premoderation.heldBanner") });
  else if (question.hidden) {
    const why = question.hiddenReason && question.hiddenReason !== "awaiting_approval" ? ` ${t("hide.why", { reason: t(`flagReason.${question.hiddenReason}`) })}` : "";
    banners.push({ key: "hidden", content: `${t("question.hiddenBanner")}${why}${question.hiddenNote ? ` ${question.hiddenNote}` : ""}` });
  }
  if (question.locked) banners.push({ key: "locked", content: t("lock.banner") });
  if (question.closeReason) {
    banners.push({
      key: "closed",
      content: (
        <>
          {t(`question.closed.${question.closeReason}`)}
          {duplicateOf ? (
            <>
              {" "}
              {fillSlots(t("question.duplicateOf"), {
                question: (
                  <a href={`/questions/${duplicateOf.id}`} className="font-semibold underline underline-offset-2">
                    {duplicateOf.title}
                  </a>
                ),
              })}
            </>
          ) : null}
        </>
      ),
    });
  }
  if (community.archived) banners.push({ key: "archived", content: t("question.archivedBanner") });
  if (banners.length === 0) return null;
  return (
    <div className="flex flex-col gap-2">
      {banners.map((banner) => (
        <p key={banner.key} className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
          {banner.content}
        </p>
      ))}
    </div>
  );
}

/** One form for both buttons: the button pressed sends its value. Pressing the vote one already gave withdraws it (value 0). */
function VoteControl({ targetId, score, myVote, canVote }: { targetId: string; score: number; myVote: number; canVote: boolean }) {
  const t = useT();
  const shownScore = (
    <p aria-live="polite" aria-atomic="true" className="text-lg font-bold text-slate-900">
      <span className="sr-only">{t("vote.score")} </span>
      {score}
    </p>
  );
  return (
    <div role="group" aria-label={t("vote.group")} className="w-12 shrink-0">
      {canVote ? (
        <Form method="post" preventScrollReset className="flex flex-col items-center gap-1">
          <input type="hidden" name="intent" value="vote" />
          <input type="hidden" name="targetId" value={targetId} />
          <VoteButton value={1} pressed={myVote === 1} label={t("vote.up")} />
          {shownScore}
          <VoteButton value={-1} pressed={myVote === -1} label={t("vote.down")} />
        </Form>
      ) : (
        <div className="flex flex-col items-center">{shownScore}</div>
      )}
    </div>
  );
}

function VoteButton({ value, pressed, label }: { value: 1 | -1; pressed: boolean; label: string }) {
  return (
    <button
      type="submit"
      name="value"
      value={pressed ? 0 : value}
      aria-pressed={pressed}
      className={`flex size-9 items-center justify-center rounded-full border ${
        pressed ? "border-brand-700 bg-brand-700 text-white" : "border-slate-400 bg-white text-slate-700 hover:bg-slate-100"
      }`}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className={`size-4 ${value === -1 ? "rotate-180" : ""}`}>
        <path d="M10 4 3 15h14z" fill={pressed ? "currentColor" : "none"} stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
      </svg>
      <span className="sr-only">{label}</span>
    </button>
  );
}

function FollowButton({ following }: { following: boolean }) {
  const t = useT();
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="intent" value="follow" />
      <input type="hidden" name="follow" value={String(!following)} />
      <button type="submit" className={smallButtonClass}>
        {following ? t("question.unfollow") : t("question.follow")}
      </button>
    </Form>
  );
}

/** The buttons under a question or an answer; nothing at all when the viewer may do none of them. */
function ActionRow({ children }: { children: (ReactNode | ReactNode[])[] }) {
  if (!children.flat().some(Boolean)) return null;
  return <div className="flex flex-wrap items-center gap-2 border-t border-slate-100 pt-3">{children}</div>;
}

const smallButtonClass = "rounded-md border border-slate-400 bg-white px-3 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100";

function EditLink({ href, context }: { href: string; context: string }) {
  const t = useT();
  return (
    <a href={href} className={smallButtonClass}>
      {t("question.edit")}
      <span className="sr-only"> {context}</span>
    </a>
  );
}

function EditedMark({ targetId }: { targetId: string }) {
  const t = useT();
  const justNow = useContext(EditedJustNow)(targetId);
  return (
    <a href={`/revisions/${targetId}`} className="text-sm text-slate-700 underline underline-offset-2">
      {t(justNow ? "realtime.editedJustNow" : "question.edited")}
      <span className="sr-only">{t("question.historyHint")}</span>
    </a>
  );
}

/** Deleting asks once more, in a disclosure that needs no JavaScript. */
function DeleteDisclosure({ replyId, context, confirm, submit }: { replyId?: string; context: string; confirm: string; submit: string }) {
  const t = useT();
  return (
    <details className="group">
      <summary className={`${smallButtonClass} cursor-pointer list-none text-red-800`}>
        {t("question.delete")}
        <span className="sr-only"> {context}</span>
      </summary>
      <div className="mt-2 flex flex-col items-start gap-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
        <p>{confirm}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="delete" />
          {replyId ? <input type="hidden" name="replyId" value={replyId} /> : null}
          <button type="submit" className="rounded-md bg-red-700 px-3 py-1.5 font-semibold text-white hover:bg-red-800">
            {submit}
          </button>
        </Form>
      </div>
    </details>
  );
}

/**
 * Deleted and hidden replies, which only their author and moderators see, sit on a tinted ground next
 * to their badge. Not faded: lowered opacity took their text and badges below WCAG contrast.
 */
const withdrawnTint = "bg-slate-100";

function AnswerItem({ answer, mayAccept, failure, now }: { answer: Answer; mayAccept: boolean; failure?: FormFailureData; now: Date }) {
  const t = useT();
  const replyModeration = useReplyModeration();
  const { failure: pageFailure } = useContext(ModerationForms);
  const cited = useLoaderData<typeof loader>().citations.find((citation) => citation.replyId === answer.id);
  const headingId = `answer-${answer.id}-heading`;
  return (
    <li
      id={`answer-${answer.id}`}
      tabIndex={-1}
      className={`flex gap-4 rounded-lg p-5 shadow-sm ring-1 focus:outline-none ${answer.accepted ? "ring-2 ring-green-700" : "ring-slate-200"} ${
        answer.deleted || answer.hidden ? withdrawnTint : "bg-white"
      }`}
    >
      <VoteControl targetId={answer.id} score={answer.score} myVote={answer.myVote} canVote={answer.may.vote} />
      <article aria-labelledby={headingId} className="flex min-w-0 flex-1 flex-col gap-3">
        <div className="flex flex-wrap items-center gap-2">
          {answer.accepted ? <Badge tone="success">✓ {t("answer.accepted")}</Badge> : null}
          {answer.crossSite ? (
            <Badge tone="brand">{t("answer.crossSite")}</Badge>
          ) : null}
          {answer.deleted ? <Badge tone="danger">{t("answer.deleted")}</Badge> : null}
          {answer.held ? <Badge tone="warning">{t("premoderation.badge")}</Badge> : null}
          {answer.hidden && !answer.held ? <Badge tone="danger">{t("answer.hidden")}</Badge> : null}
        </div>
        <HiddenWhy reply={answer} />
        <div className="flex flex-wrap items-baseline gap-x-2 text-sm text-slate-700">
          <h3 id={headingId} className="font-normal">
            {fillSlots(t("answer.heading"), { person: <Author person={answer.author} /> })}
          </h3>
          <span aria-hidden="true">·</span>
          <RelativeTime date={answer.createdAt} now={now} />
          {answer.editedAt ? <EditedMark targetId={answer.id} /> : null}
        </div>
        <RenderedMarkdown html={answer.bodyHtml} />
        <CitedTutorialCard tutorial={cited} />
        <ActionRow>
          {mayAccept && !answer.deleted && !answer.hidden ? (
            <Form method="post" preventScrollReset>
              <input type="hidden" name="intent" value="accept" />
              <input type="hidden" name="answerId" value={answer.accepted ? "" : answer.id} />
              <button
                type="submit"
                className={
                  answer.accepted
                    ? smallButtonClass
                    : "rounded-md bg-green-700 px-3 py-1 text-sm font-semibold text-white hover:bg-green-800"
                }
              >
                {answer.accepted ? t("answer.unaccept") : t("answer.accept")}
              </button>
            </Form>
          ) : null}
          {answer.may.edit ? <EditLink href={`/replies/${answer.id}/edit`} context={t("answer.editContext")} /> : null}
          {answer.may.delete ? (
            <DeleteDisclosure
              replyId={answer.id}
              context={t("answer.deleteContext")}
              confirm={t("answer.deleteConfirm")}
              submit={t("answer.deleteSubmit")}
            />
          ) : null}
          {replyModeration(answer, t("flag.thisAnswer"))}
        </ActionRow>
        {answer.may.thank || answer.thankedByMe ? (
          <KudosForm targetId={answer.id} label="kudos.thankAnswer" name={answer.author.displayName} thanked={answer.thankedByMe} failure={pageFailure} messageShownAbove />
        ) : null}
        <Comments comments={answer.comments} mayComment={answer.may.comment} answerId={answer.id} formId={`comment-form-${answer.id}`} failure={failure} now={now} />
      </article>
    </li>
  );
}

function Comments({
  comments,
  mayComment,
  answerId,
  formId,
  failure,
  now,
}: {
  comments: Reply[];
  mayComment: boolean;
  answerId?: string;
  formId: string;
  failure?: FormFailureData;
  now: Date;
}) {
  const t = useT();
  if (comments.length === 0 && !mayComment) return null;
  return (
    <div className="flex flex-col gap-2">
      {comments.length > 0 ? (
        <ul aria-label={t("comments.label")} className="flex flex-col divide-y divide-slate-100 border-t border-slate-100 text-sm">
          {comments.map((reply) => (
            <CommentItem key={reply.id} reply={reply} now={now} />
          ))}
        </ul>
      ) : null}
      {mayComment ? (
        <OnDemandDisclosure
          id={formId}
          open={Boolean(failure)}
          className="text-sm"
          summaryClassName="cursor-pointer text-sm font-medium text-brand-700 underline underline-offset-2"
          summary={t("comment.add")}
        >
          <Form method="post" className="mt-2 flex flex-col gap-2" noValidate>
            <input type="hidden" name="intent" value="comment" />
            {answerId ? <input type="hidden" name="answerId" value={answerId} /> : null}
            <Field name="body" id={`${formId}-body`} label="comment.field" failure={failure}>
              {(props) => <textarea {...props} required rows={3} maxLength={2000} className={inputClass} />}
            </Field>
            <div>
              <button type="submit" className={smallButtonClass}>
                {t("comment.submit")}
              </button>
            </div>
          </Form>
        </OnDemandDisclosure>
      ) : null}
    </div>
  );
}

function CommentItem({ reply, now }: { reply: Reply; now: Date }) {
  const t = useT();
  const replyModeration = useReplyModeration();
  return (
    <li id={`comment-${reply.id}`} tabIndex={-1} className={`flex flex-col gap-1 py-2 focus:outline-none ${reply.deleted || reply.hidden ? `${withdrawnTint} px-2` : ""}`}>
      <div className="flex flex-wrap items-center gap-2">
        {reply.deleted ? <Badge tone="danger">{t("comment.deleted")}</Badge> : null}
        {reply.held ? <Badge tone="warning">{t("premoderation.badge")}</Badge> : null}
        {reply.hidden && !reply.held ? <Badge tone="danger">{t("comment.hidden")}</Badge> : null}
      </div>
      <HiddenWhy reply={reply} />
      <RenderedMarkdown html={reply.bodyHtml} className="text-sm" />
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-700">
        <span>
          {fillSlots(t("comment.by"), { person: <Author person={reply.author} />, date: <RelativeTime date={reply.createdAt} now={now} /> })}
        </span>
        {reply.editedAt ? <EditedMark targetId={reply.id} /> : null}
        {reply.may.edit ? <EditLink href={`/replies/${reply.id}/edit`} context={t("comment.editContext")} /> : null}
        {reply.may.delete ? (
          <DeleteDisclosure
            replyId={reply.id}
            context={t("comment.deleteContext")}
            confirm={t("comment.deleteConfirm")}
            submit={t("comment.deleteSubmit")}
          />
        ) : null}
        {replyModeration(reply, t("flag.thisComment"))}
      </div>
    </li>
  );
}

function ModerationTools({ thread, failure }: { thread: Thread; failure?: FormFailureData }) {
  const t = useT();
  const { question } = thread;
  const { reasons, failure: pageFailure } = useContext(ModerationForms);
  const closeFailure = failure?.values.intent === "close" ? failure : undefined;
  return (
    <section id="moderation" aria-labelledby="moderation-heading" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-slate-100 p-5">
      <h2 id="moderation-heading" className="font-semibold">
        {t("moderation.title")}
      </h2>
      <div className="flex flex-wrap items-start gap-2">
        <Form method="post">
          <input type="hidden" name="intent" value="pin" />
          <input type="hidden" name="pinned" value={String(!question.pinned)} />
          <button type="submit" className={smallButtonClass}>
            {question.pinned ? t("moderation.unpin") : t("moderation.pin")}
          </button>
        </Form>
        {question.closedAt ? (
          <Form method="post">
            <input type="hidden" name="intent" value="reopen" />
            <button type="submit" className={smallButtonClass}>
              {t("moderation.reopen")}
            </button>
          </Form>
        ) : null}
        <Form method="post">
          <input type="hidden" name="intent" value="lock" />
          <input type="hidden" name="locked" value={String(!question.locked)} />
          <button type="submit" className={smallButtonClass}>
            {question.locked ? t("lock.unlock") : t("lock.lock")}
          </button>
        </Form>
        {thread.may.approve ? (
          <ModerationButton intent="approve" contentId={question.id} tone="approve">
            {t("premoderation.approveQuestion")}
          </ModerationButton>
        ) : null}
        {question.hidden && !question.held && !question.deleted ? (
          <ModerationButton intent="restore" contentId={question.id}>
            {t("hide.restoreQuestion")}
          </ModerationButton>
        ) : null}
        {(!question.hidden || question.held) && !question.deleted ? (
          <HideDisclosure
            contentId={question.id}
            reasons={reasons}
            context={t("flag.thisQuestion")}
            label={question.held ? "hide.reject" : "hide.open"}
            failure={failureAbout(pageFailure, "hide", question.id)}
          />
        ) : null}
        <a href={`/c/${thread.community.slug}/moderation`} className={smallButtonClass}>
          {t("queue.link")}
        </a>
      </div>
      {thread.moveDestinations.length > 0 && !question.deleted ? (
        <details open={failure?.values.intent === "move"}>
          <summary className="cursor-pointer font-medium text-slate-900 underline underline-offset-2">{t("move.open")}</summary>
          <Form method="post" className="mt-3 flex max-w-lg flex-col gap-4" noValidate>
            <input type="hidden" name="intent" value="move" />
            <Field name="communityId" id="move-community" label="move.destination" hint="move.hint" failure={failure?.values.intent === "move" ? failure : undefined}>
              {(props) => (
                <select {...props} className={inputClass}>
                  {thread.moveDestinations.map((destination) => (
                    <option key={destination.id} value={destination.id}>
                      {destination.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <div>
              <button type="submit" className={buttonClass}>
                {t("move.submit")}
              </button>
            </div>
          </Form>
        </details>
      ) : null}
      {question.closedAt ? null : (
        <details open={Boolean(closeFailure)}>
          <summary className="cursor-pointer font-medium text-slate-900 underline underline-offset-2">{t("moderation.close")}</summary>
          <Form method="post" className="mt-3 flex max-w-lg flex-col gap-4" noValidate>
            <input type="hidden" name="intent" value="close" />
            <Field name="reason" id="close-reason" label="moderation.reason" failure={closeFailure}>
              {(props) => (
                <select {...props} defaultValue={props.defaultValue ?? "duplicate"} className={inputClass}>
                  {closeReasons.map((reason) => (
                    <option key={reason} value={reason}>
                      {t(`moderation.reason.${reason}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field name="duplicateOfId" id="close-duplicate-of" label="moderation.duplicateOf" hint="moderation.duplicateOfHint" failure={closeFailure}>
              {(props) => <input {...props} className={inputClass} />}
            </Field>
            <Field name="note" id="close-note" label="moderation.note" failure={closeFailure}>
              {(props) => <textarea {...props} rows={2} maxLength={500} className={inputClass} />}
            </Field>
            <div>
              <button type="submit" className={buttonClass}>
                {t("moderation.closeSubmit")}
              </button>
            </div>
          </Form>
        </details>
      )}
    </section>
  );
}

function AnswerForm({ thread, failure }: { thread: Thread; failure?: FormFailureData }) {
  const t = useT();
  const { question, community, may } = thread;
  let notice: MessageKey | null = null;
  if (!may.answer) {
    if (question.closedAt) notice = "answer.closedNotice";
    else if (question.locked) notice = "lock.notice";
    else if (community.archived) notice = "answer.archivedNotice";
    else if (!question.deleted && !question.hidden) notice = "answer.cannotNotice";
  }
  if (!may.answer && !notice) return null;
  return (
    <section id="your-answer" aria-labelledby="your-answer-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id="your-answer-heading" className="text-xl font-semibold">
        {t("answer.form.title")}
      </h2>
      {notice ? (
        <p className="mt-2 text-slate-700">{t(notice)}</p>
      ) : (
        <Form method="post" className="mt-4 flex flex-col gap-4" noValidate>
          <input type="hidden" name="intent" value="answer" />
          <Field name="body" id="answer-body" label="answer.form.field" hint="markdown.help" failure={failure}>
            {(props) => <textarea {...props} required rows={10} className={`${inputClass} font-mono text-sm`} />}
          </Field>
          <Field name="tutorial" id="answer-tutorial" label="tutorial.cite.field" hint="tutorial.cite.hint" failure={failure}>
            {(props) => <input {...props} maxLength={300} className={inputClass} />}
          </Field>
          <div>
            <button type="submit" className={buttonClass}>
              {t("answer.form.submit")}
            </button>
          </div>
        </Form>
      )}
    </section>
  );
}
