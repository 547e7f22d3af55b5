import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { flagReason } from "../../db/schema";
import { Invalid } from "../../server/errors";
import { handleForm, handleLoad, readForm, requireUser } from "../../server/http/respond";
import { approveContent } from "../../server/moderation/approve-content";
import { decideFlags } from "../../server/moderation/decide-flags";
import { hideContent, restoreContent } from "../../server/moderation/hide-content";
import { moderationQueue, queueViews, type QueueView } from "../../server/moderation/moderation-queue";
import { Badge } from "~/components/badge";
import type { CommunityRouteHandle } from "~/components/community-header";
import { EmptyState } from "~/components/empty-state";
import { FormMessage, inputClass, isFormFailure, type FormFailureData } from "~/components/forms";
import { HideDisclosure, ModerationButton, failureAbout, smallButtonClass, type ModerationReason } from "~/components/moderation-forms";
import { Notice, noticeHref } from "~/components/notice";
import { Pagination } from "~/components/pagination";
import { Author, RelativeTime } from "~/components/question-parts";
import { Tabs } from "~/components/tabs";
import { useT, type MessageKey } from "~/i18n";
import { editPostPath, postPath, replyPath } from "~/links";
import { useCountText } from "~/i18n/format";

export const handle: CommunityRouteHandle = { ownHeading: true };

const isQueueView = (value: string | null): value is QueueView => queueViews.includes(value as QueueView);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const url = new URL(request.url);
  const requested = url.searchParams.get("view");
  const view = isQueueView(requested) ? requested : "flagged";
  const queue = await handleLoad(() => moderationQueue(context.guilde, { viewer, slug: params.slug ?? "", view, cursor: url.searchParams.get("cursor") }));
  return { queue, views: queueViews, reasons: flagReason.enumValues, now: new Date() };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const values = await readForm(request);
  const { guilde } = context;
  const contentId = values.contentId ?? "";
  const view = isQueueView(values.view ?? null) ? values.view : "flagged";
  const back = (notice: string) => redirect(noticeHref(`/c/${params.slug}/moderation?view=${view}`, notice));
  return handleForm(values, async () => {
    switch (values.intent) {
      case "approve":
        await approveContent(guilde, { viewer, contentId });
        return back("approved");
      case "hide":
        await hideContent(guilde, { viewer, contentId, input: values });
        return back("hidden");
      case "restore":
        await restoreContent(guilde, { viewer, contentId });
        return back("restored");
      case "resolve":
      case "dismiss":
        await decideFlags(guilde, { viewer, contentId, input: { decision: values.intent, note: values.note } });
        return back(values.intent === "resolve" ? "resolved" : "dismissed");
      default:
        throw new Invalid({ form: ["errors.invalidChoice"] });
    }
  });
}

const notices: Record<string, MessageKey> = {
  approved: "premoderation.approved",
  hidden: "hide.done",
  restored: "hide.restored",
  resolved: "queue.resolved",
  dismissed: "queue.dismissed",
};

const viewLabels: Record<QueueView, "queue.view.flagged" | "queue.view.held" | "queue.view.hidden"> = {
  flagged: "queue.view.flagged",
  held: "queue.view.held",
  hidden: "queue.view.hidden",
};

type Queue = ReturnType<typeof useLoaderData<typeof loader>>["queue"];
type Item = Queue["page"]["items"][number];

export default function ModerationQueuePage() {
  const { queue, views, reasons, now } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = isFormFailure(result) ? result : undefined;
  const t = useT();
  const base = `/c/${queue.community.slug}/moderation`;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("queue.title")}</h1>
      <Notice messages={notices} />
      <FormMessage failure={failure} />
      <Tabs
        size="small"
        label={t("queue.views")}
        items={views.map((view) => ({
          href: `${base}?view=${view}`,
          label: `${t(viewLabels[view])} (${queue.counts[view]})`,
          current: queue.view === view,
        }))}
      />
      {queue.page.items.length === 0 ? (
        <EmptyState>{t(`queue.empty.${queue.view}`)}</EmptyState>
      ) : (
        <ol className="flex flex-col gap-4">
          {queue.page.items.map((item) => (
            <QueueEntry key={item.id} item={item} view={queue.view} reasons={reasons} failure={failure} now={now} />
          ))}
        </ol>
      )}
      <Pagination nextCursor={queue.page.nextCursor} />
    </div>
  );
}

function QueueEntry({ item, view, reasons, failure, now }: { item: Item; view: QueueView; reasons: readonly ModerationReason[]; failure?: FormFailureData; now: Date }) {
  const t = useT();
  const countText = useCountText();
  const replyKind = item.kind === "answer" || item.kind === "comment" ? item.kind : null;
  const isPost = replyKind === null;
  const href = replyKind ? replyPath(item.post, { kind: replyKind, id: item.id }) : postPath(item.post.kind, item.post.id);
  const context = t("queue.context", { kind: t(`queue.kind.${item.kind}`), title: item.post.title });
  const headingId = `queue-item-${item.id}`;
  return (
    <li className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <article aria-labelledby={headingId} className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone="neutral">{t(`queue.kind.${item.kind}`)}</Badge>
          {item.hidden?.reason === "awaiting_approval" ? <Badge tone="warning">{t("premoderation.badge")}</Badge> : null}
          {item.hidden && item.hidden.reason !== "awaiting_approval" ? (
            <Badge tone="danger">{t("hide.why", { reason: t(`flagReason.${item.hidden.reason}`) })}</Badge>
          ) : null}
          {item.flags.length ? <Badge tone="danger">{countText("flag.openCount", item.flags.length)}</Badge> : null}
        </div>
        <h2 id={headingId} className="text-lg font-semibold">
          <a href={href} className="text-brand-700 underline underline-offset-2">
            {isPost ? item.post.title : t("queue.replyTo", { kind: t(`queue.kind.${item.kind}`), title: item.post.title })}
          </a>
        </h2>
        <p className="text-sm text-slate-700">
          {item.author ? <Author person={item.author} /> : t("revisions.formerMember")} · <RelativeTime date={item.createdAt} now={now} />
        </p>
        <blockquote className="whitespace-pre-line rounded-md border-l-4 border-slate-300 bg-slate-50 p-3 text-slate-800">{item.excerpt}</blockquote>
        {item.hidden?.note ? <p className="text-sm text-slate-700">{t("queue.moderatorNote", { note: item.hidden.note })}</p> : null}
        {item.flags.length ? (
          <div>
            <h3 className="text-sm font-semibold text-slate-800">{t("queue.flags")}</h3>
            <ul className="mt-1 flex flex-col gap-1 text-sm">
              {item.flags.map((flag) => (
                <li key={flag.id}>
                  <strong>{t(`flagReason.${flag.reason}`)}</strong> · {flag.reporter.displayName} · <RelativeTime date={flag.createdAt} now={now} />
                  {flag.note ? <span className="block text-slate-700">“{flag.note}”</span> : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="flex flex-wrap items-start gap-2 border-t border-slate-100 pt-3">
          {item.hidden?.reason === "awaiting_approval" ? (
            <ModerationButton intent="approve" contentId={item.id} extra={{ view }} tone="approve">
              {t("premoderation.approve")}
              <span className="sr-only"> {context}</span>
            </ModerationButton>
          ) : null}
          {item.hidden && item.hidden.reason !== "awaiting_approval" ? (
            <ModerationButton intent="restore" contentId={item.id} extra={{ view }}>
              {t("hide.restore")}
              <span className="sr-only"> {context}</span>
            </ModerationButton>
          ) : (
            <QueueHide item={item} view={view} reasons={reasons} context={context} failure={failureAbout(failure, "hide", item.id)} />
          )}
          {item.flags.length ? <FlagDecision item={item} view={view} context={context} /> : null}
          {isPost ? (
            <a href={editPostPath(item.post.kind, item.id)} className={smallButtonClass}>
              {t("question.edit")}
              <span className="sr-only"> {context}</span>
            </a>
          ) : item.post.kind === "question" ? (
            // Replies are edited on their own form, which knows questions' answers and comments only.
            <a href={`/replies/${item.id}/edit`} className={smallButtonClass}>
              {t("question.edit")}
              <span className="sr-only"> {context}</span>
            </a>
          ) : null}
        </div>
      </article>
    </li>
  );
}

/** Hiding (or rejecting) from the queue: the flags' most frequent reason comes preselected. */
function QueueHide({ item, view, reasons, context, failure }: { item: Item; view: QueueView; reasons: readonly ModerationReason[]; context: string; failure?: FormFailureData }) {
  const counts = new Map<ModerationReason, number>();
  for (const flag of item.flags) counts.set(flag.reason, (counts.get(flag.reason) ?? 0) + 1);
  const likeliest = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return (
    <div>
      <HideDisclosure
        contentId={item.id}
        reasons={reasons}
        context={context}
        label={item.hidden?.reason === "awaiting_approval" ? "hide.reject" : "hide.open"}
        failure={failure}
        defaultReason={likeliest}
        extra={{ view }}
      />
    </div>
  );
}

/** Closing the flags without hiding: resolved (acted on otherwise) or dismissed, with a note for the log. */
function FlagDecision({ item, view, context }: { item: Item; view: QueueView; context: string }) {
  const t = useT();
  const noteId = `flag-decision-note-${item.id}`;
  return (
    <details className="text-sm">
      <summary className={`${smallButtonClass} cursor-pointer list-none`}>
        {t("queue.decideFlags")}
        <span className="sr-only"> {context}</span>
      </summary>
      <Form method="post" className="mt-2 flex max-w-md flex-col gap-2 rounded-md border border-slate-300 bg-slate-50 p-3">
        <input type="hidden" name="contentId" value={item.id} />
        <input type="hidden" name="view" value={view} />
        <label htmlFor={noteId} className="font-medium text-slate-800">
          {t("queue.decisionNote")}
        </label>
        <textarea id={noteId} name="note" rows={2} maxLength={1000} className={inputClass} />
        <div className="flex flex-wrap gap-2">
          <button type="submit" name="intent" value="resolve" className={smallButtonClass}>
            {t("queue.resolve")}
          </button>
          <button type="submit" name="intent" value="dismiss" className={smallButtonClass}>
            {t("queue.dismiss")}
          </button>
        </div>
      </Form>
    </details>
  );
}
