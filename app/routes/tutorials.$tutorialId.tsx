import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { flagReason } from "../../db/schema";
import { Invalid } from "../../server/errors";
import { moderateFromPage } from "../../server/moderation/moderate-from-page";
import { handleForm, handleLoad, readForm, requireUser } from "../../server/http/respond";
import { commentOnTutorial } from "../../server/tutorials/comment-on-tutorial";
import { deleteTutorial } from "../../server/tutorials/delete-tutorial";
import { getTutorial } from "../../server/tutorials/get-tutorial";
import { markHelped } from "../../server/tutorials/mark-helped";
import { publishTutorial } from "../../server/tutorials/publish-tutorial";
import { recordTutorialView } from "../../server/tutorials/record-tutorial-view";
import { giveKudos } from "../../server/recognition/give-kudos";
import { Badge, TagList } from "~/components/badge";
import { Field, FormMessage, buttonClass, inputClass, isFormFailure, secondaryButtonClass } from "~/components/forms";
import { ContentModerationControls, smallButtonClass } from "~/components/moderation-forms";
import { KudosForm, thankIntent } from "~/components/kudos-form";
import { Notice, noticeHref } from "~/components/notice";
import { Author, CommunityLink, RelativeTime, RenderedMarkdown } from "~/components/question-parts";
import { fillSlots } from "~/components/slots";
import { unlessOnlyADisclosureOpened } from "~/components/on-demand-disclosure";
import { useT, type MessageKey } from "~/i18n";
import { useCountText } from "~/i18n/format";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.page.tutorial.title} · Guilde` : "Guilde" }];

// Opening the thanks form changes only the address: nothing to load again.
export const shouldRevalidate = unlessOnlyADisclosureOpened;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const page = await handleLoad(() => getTutorial(context.guilde, { viewer, tutorialId: params.tutorialId ?? "" }));
  await recordTutorialView(context.guilde, { viewer, tutorial: page.tutorial });
  return { page, now: new Date(), reasons: flagReason.enumValues };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const { guilde } = context;
  const tutorialId = params.tutorialId ?? "";
  const here = `/tutorials/${tutorialId}`;
  const values = await readForm(request);
  return handleForm(values, async () => {
    // Flag, hide, restore or approve the post or one of its replies (`contentId`).
    const moderated = await moderateFromPage(guilde, { viewer, values });
    if (moderated) return redirect(noticeHref(here, moderated.notice) + anchorOf(moderated.content));
    switch (values.intent) {
      case "publish":
        await publishTutorial(guilde, { viewer, tutorialId });
        return redirect(noticeHref(here, "published"));
      case "helped":
        await markHelped(guilde, { viewer, tutorialId, input: values });
        return redirect(`${here}#helped`);
      case thankIntent:
        await giveKudos(guilde, { viewer, target: { kind: "tutorial", id: tutorialId }, input: values });
        return redirect(`${noticeHref(here, "thanked")}#thank-${tutorialId}`);
      case "comment": {
        const { commentId, held } = await commentOnTutorial(guilde, { viewer, tutorialId, input: values });
        return redirect(`${held ? noticeHref(here, "held") : here}#comment-${commentId}`);
      }
      case "delete": {
        const { communitySlug } = await deleteTutorial(guilde, { viewer, tutorialId });
        return redirect(noticeHref(`/c/${communitySlug}/tutorials`, "tutorialDeleted"));
      }
      default:
        throw new Invalid({ intent: ["errors.invalidChoice"] });
    }
  });
}

/** Where on the page a moderation form about this content leads back to. */
function anchorOf(content: { kind: string; id: string }): string {
  return content.kind === "comment" ? `#comment-${content.id}` : "#tutorial-title";
}

const notices: Record<string, MessageKey> = {
  flagged: "flag.sent",
  hidden: "hide.done",
  restored: "hide.restored",
  approved: "premoderation.approved",
  published: "tutorial.notice.published",
  drafted: "tutorial.notice.drafted",
  saved: "tutorial.notice.saved",
  held: "premoderation.heldNotice",
  thanked: "kudos.sent",
};

export default function TutorialPage() {
  const { page, now, reasons } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = isFormFailure(result) ? result : undefined;
  const t = useT();
  const countText = useCountText();
  const { tutorial, community, comments, solved, may } = page;
  return (
    <article aria-labelledby="tutorial-title" className="flex flex-col gap-8">
      <Notice messages={notices} />
      {failure && !["comment", "flag", "hide", ...(may.thank ? [thankIntent] : [])].includes(failure.values.intent ?? "") ? <FormMessage failure={failure} /> : null}
      <header className="flex flex-col gap-3">
        <p className="text-sm text-slate-700">{fillSlots(t("tutorial.in"), { community: <CommunityLink community={community} /> })}</p>
        <h1 id="tutorial-title" className="text-2xl font-bold sm:text-3xl">
          {tutorial.title}
        </h1>
        <div className="flex flex-wrap items-center gap-2">
          {tutorial.draft ? <Badge tone="warning">{t("tutorial.badge.draft")}</Badge> : null}
          <Badge tone="neutral">{t(`tutorial.difficulty.${tutorial.difficulty}`)}</Badge>
          <Badge tone="neutral">{countText("tutorial.minutes", tutorial.minutes)}</Badge>
          {tutorial.author?.monitor ? <Badge tone="brand">{t("tutorial.byMonitor")}</Badge> : null}
        </div>
        <p className="flex flex-wrap items-baseline gap-x-2 text-sm text-slate-700">
          <span>
            {fillSlots(t(tutorial.draft ? "tutorial.draftBy" : "tutorial.writtenBy"), {
              person: tutorial.author ? <Author person={tutorial.author} /> : t("revisions.formerMember"),
              date: <RelativeTime date={tutorial.publishedAt ?? tutorial.createdAt} now={now} />,
            })}
          </span>
          {tutorial.editedAt ? (
            <a href={`/tutorials/${tutorial.id}/history`} className="underline underline-offset-2">
              {t("question.edited")}
              <span className="sr-only">{t("question.historyHint")}</span>
            </a>
          ) : null}
        </p>
        <p className="max-w-prose text-lg text-slate-800">{tutorial.summary}</p>
        <TagList tags={tutorial.tags} label={t("question.tags")} />
        <div className="flex flex-wrap gap-2">
          {may.edit ? (
            <a href={`/tutorials/${tutorial.id}/edit`} className={secondaryButtonClass}>
              {t("tutorial.edit")}
            </a>
          ) : null}
          {may.publish ? (
            <Form method="post">
              <input type="hidden" name="intent" value="publish" />
              <button type="submit" className={buttonClass}>
                {t("tutorial.publish")}
              </button>
            </Form>
          ) : null}
          {may.delete ? (
            <Form method="post">
              <input type="hidden" name="intent" value="delete" />
              <button type="submit" className={`${smallButtonClass} text-red-800`}>
                {t("tutorial.delete")}
              </button>
            </Form>
          ) : null}
        </div>
        {tutorial.draft ? <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900">{t("tutorial.draftNotice")}</p> : null}
        {tutorial.deleted ? <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">{t("tutorial.deletedBanner")}</p> : null}
        {tutorial.hidden && !tutorial.deleted ? (
          <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
            {[
              t("tutorial.hiddenBanner"),
              tutorial.hidden.reason !== "awaiting_approval" ? t("hide.why", { reason: t(`flagReason.${tutorial.hidden.reason}`) }) : "",
              tutorial.hidden.note ?? "",
            ]
              .filter(Boolean)
              .join(" ")}
          </p>
        ) : null}
        <ContentModerationControls
          contentId={tutorial.id}
          may={may}
          hidden={tutorial.hidden !== null}
          held={false}
          reasons={reasons}
          context={t("flag.thisTutorial")}
          restoreLabel="hide.restoreTutorial"
          flaggedByMe={tutorial.flaggedByMe}
          failure={failure}
        />
      </header>

      {tutorial.video ? (
        <section aria-labelledby="video-heading" className="flex flex-col gap-2">
          <h2 id="video-heading" className="text-xl font-semibold">
            {t("tutorial.video")}
          </h2>
          {tutorial.video.kind === "upload" ? (
            <video controls preload="metadata" className="w-full max-w-3xl rounded-lg bg-black" aria-describedby="tutorial-title">
              <source src={tutorial.video.src} type={tutorial.video.contentType} />
              <a href={tutorial.video.src}>{t("tutorial.videoDownload")}</a>
            </video>
          ) : (
            <p>
              <a href={tutorial.video.url} rel="noopener noreferrer" target="_blank" className="font-medium text-brand-700 underline underline-offset-2">
                {t("tutorial.videoLink", { host: tutorial.video.host })}
                <span className="sr-only"> {t("tutorial.opensInNewTab")}</span>
              </a>
            </p>
          )}
        </section>
      ) : null}

      <section aria-labelledby="steps-heading" className="flex flex-col gap-2 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <h2 id="steps-heading" className="text-xl font-semibold">
          {t("tutorial.steps")}
        </h2>
        <RenderedMarkdown html={tutorial.bodyHtml} />
      </section>

      {!tutorial.draft ? (
        <section id="helped" aria-labelledby="helped-heading" className="flex flex-wrap items-center gap-3">
          <h2 id="helped-heading" className="sr-only">
            {t("tutorial.helpedHeading")}
          </h2>
          <p className="font-medium">{countText("tutorial.helpedCount", tutorial.helpedCount)}</p>
          <p className="text-slate-700">{countText("tutorial.viewCount", tutorial.viewCount)}</p>
          {may.helped ? (
            <Form method="post" preventScrollReset>
              <input type="hidden" name="intent" value="helped" />
              <input type="hidden" name="helped" value={String(!tutorial.helpedByMe)} />
              <button type="submit" aria-pressed={tutorial.helpedByMe} className={tutorial.helpedByMe ? buttonClass : secondaryButtonClass}>
                {t("tutorial.helped")}
              </button>
            </Form>
          ) : null}
          {(may.thank || tutorial.thankedByMe) && tutorial.author ? (
            <div className="basis-full">
              <KudosForm targetId={tutorial.id} label="kudos.thankTutorial" name={tutorial.author.displayName} thanked={tutorial.thankedByMe} failure={failure} />
            </div>
          ) : null}
        </section>
      ) : null}

      {solved.length > 0 ? (
        <section aria-labelledby="solved-heading" className="flex flex-col gap-2">
          <h2 id="solved-heading" className="text-xl font-semibold">
            {t("tutorial.solved")}
          </h2>
          <ul className="flex list-disc flex-col gap-1 pl-5">
            {solved.map((question) => (
              <li key={question.id}>
                <a href={`/questions/${question.id}`} className="text-brand-700 underline underline-offset-2">
                  {question.title}
                </a>
                {question.solved ? <span className="ml-2"><Badge tone="success">{t("answer.accepted")}</Badge></span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {!tutorial.draft ? (
        <section aria-labelledby="comments-heading" className="flex flex-col gap-3">
          <h2 id="comments-heading" className="text-xl font-semibold">
            {t("tutorial.comments")}
          </h2>
          {comments.length > 0 ? (
            <ul className="flex flex-col divide-y divide-slate-200 rounded-lg bg-white px-5 shadow-sm ring-1 ring-slate-200">
              {comments.map((comment) => (
                <li key={comment.id} id={`comment-${comment.id}`} className="flex flex-col gap-1 py-3">
                  {comment.held ? <Badge tone="warning">{t("premoderation.badge")}</Badge> : comment.hidden ? <Badge tone="danger">{t("ideas.comment.hidden")}</Badge> : null}
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
                    failure={failure}
                  />
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-slate-700">{t("tutorial.noComments")}</p>
          )}
          {may.comment ? (
            <Form method="post" className="flex max-w-2xl flex-col gap-2" noValidate>
              <input type="hidden" name="intent" value="comment" />
              <Field name="body" id="tutorial-comment" label="comment.field" failure={failure?.values.intent === "comment" ? failure : undefined}>
                {(props) => <textarea {...props} required rows={3} maxLength={2000} className={inputClass} />}
              </Field>
              <div>
                <button type="submit" className={secondaryButtonClass}>
                  {t("comment.submit")}
                </button>
              </div>
            </Form>
          ) : null}
        </section>
      ) : null}
    </article>
  );
}
