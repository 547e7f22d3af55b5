import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { Invalid } from "../../server/errors";
import { handleForm, handleLoad, readForm, requireUser } from "../../server/http/respond";
import { listNotifications, markNotificationsRead } from "../../server/notifications/list-notifications";
import { Badge } from "~/components/badge";
import { isModerationReason } from "~/components/moderation-forms";
import { EmptyState } from "~/components/empty-state";
import { ideaStatusValues, type IdeaStatusValue } from "~/components/idea-list";
import { Pagination } from "~/components/pagination";
import { RelativeTime } from "~/components/question-parts";
import { fillSlots } from "~/components/slots";
import { useT, type MessageKey } from "~/i18n";
import { postPath, replyPath } from "~/links";
import { pageTitle, useCountText } from "~/i18n/format";
import { useRefetchOnNotification } from "~/realtime/live";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("notifications.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const cursor = new URL(request.url).searchParams.get("cursor");
  const page = await handleLoad(() => listNotifications(context.guilde, { viewer, cursor }));
  return { ...page, now: new Date() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const values = await readForm(request);
  const url = new URL(request.url);
  const here = url.pathname + url.search;
  return handleForm(values, async () => {
    if (values.intent === "readAll") {
      await markNotificationsRead(context.guilde, { viewer, ids: "all" });
      return redirect(here);
    }
    if (values.intent === "read") {
      await markNotificationsRead(context.guilde, { viewer, ids: values.id ? [values.id] : [] });
      return redirect(`${here}#notification-${values.id}`);
    }
    throw new Invalid({ intent: ["errors.invalidChoice"] });
  });
}

type Notification = ReturnType<typeof useLoaderData<typeof loader>>["items"][number];

export default function Notifications() {
  const { items, nextCursor, unread, now } = useLoaderData<typeof loader>();
  useRefetchOnNotification();
  const t = useT();
  const countText = useCountText();
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{t("notifications.title")}</h1>
          {unread ? <p className="mt-1 text-slate-700">{unread > 99 ? t("notifications.unreadMany") : countText("notifications.unread", unread)}</p> : null}
        </div>
        {unread ? (
          <Form method="post">
            <button type="submit" name="intent" value="readAll" className="rounded-md border border-slate-400 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-100">
              {t("notifications.markAllRead")}
            </button>
          </Form>
        ) : null}
      </header>
      {items.length === 0 ? (
        <EmptyState>{t("notifications.empty")}</EmptyState>
      ) : (
        <ol className="flex flex-col divide-y divide-slate-200 overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          {items.map((notification) => (
            <NotificationItem key={notification.id} notification={notification} now={now} />
          ))}
        </ol>
      )}
      <Pagination nextCursor={nextCursor} />
    </div>
  );
}

/** Where a notification leads: the question, idea or tutorial (at the answer or comment it is about), or the community. */
function notificationHref(notification: Notification): string | null {
  // What waits for a moderator is decided in the community's moderation queue.
  if ((notification.kind === "awaiting_approval" || notification.kind === "content_flagged") && notification.community) {
    return `/c/${notification.community.slug}/moderation?view=${notification.kind === "awaiting_approval" ? "held" : "flagged"}`;
  }
  if (notification.eventId) return `/events/${notification.eventId}`;
  if (notification.postId) {
    // Ideas' own notifications are about ideas, whatever kind a removed post's row no longer tells.
    const post = { kind: notification.kind.startsWith("idea_") ? ("idea" as const) : (notification.postKind ?? "question"), id: notification.postId };
    // Comments on ideas and tutorials are the only replies there.
    const replyKind = notification.replyKind ?? (post.kind === "question" ? null : "comment");
    return notification.replyId && replyKind ? replyPath(post, { kind: replyKind, id: notification.replyId }) : postPath(post.kind, post.id);
  }
  if (!notification.community) return null;
  const { slug } = notification.community;
  return notification.kind === "join_request" || notification.kind === "monitor_application" ? `/c/${slug}/members` : `/c/${slug}`;
}

const isIdeaStatus = (value: string | undefined): value is IdeaStatusValue => ideaStatusValues.some((status) => status === value);

function sentenceKey(notification: Notification): MessageKey {
  const { kind, summary } = notification;
  if (kind === "join_request_decided" || kind === "monitor_application_decided") {
    return `notification.${kind}.${summary.decision === "approve" ? "approve" : "decline"}`;
  }
  if (kind === "kudos_received" && !notification.postId) return "notification.kudos_received.person";
  if (kind === "idea_status_changed") return `notification.idea_status_changed.${isIdeaStatus(summary.decision) ? summary.decision : "proposed"}`;
  return `notification.${kind}`;
}

function NotificationItem({ notification, now }: { notification: Notification; now: Date }) {
  const t = useT();
  const href = notificationHref(notification);
  const linkClass = "font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-800";
  const link = (text: ReactNode) => (href ? <a href={href} className={linkClass}>{text}</a> : text);
  const communityName = notification.community?.name ?? t("notifications.aCommunity");
  const aboutAPost = Boolean(notification.postId);
  const title = notification.summary.title ?? "";
  const { reason } = notification.summary;
  // A hidden post's author is told why; a flag's reason leads the moderators' excerpt.
  const why = reason && isModerationReason(reason) ? t(`flagReason.${reason}`) : null;
  const details = [why, notification.summary.note || notification.summary.excerpt].filter(Boolean).join(" · ");
  return (
    <li
      id={`notification-${notification.id}`}
      className={`flex flex-wrap items-start gap-x-4 gap-y-2 p-4 ${notification.read ? "" : "border-l-4 border-brand-700 bg-brand-50"}`}
    >
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <p className="text-slate-900">
          {notification.read ? null : (
            <span className="mr-2 align-middle">
              <Badge tone="brand">{t("notifications.new")}</Badge>
            </span>
          )}
          {fillSlots(t(sentenceKey(notification)), {
            actor: <strong className="font-semibold">{notification.actor?.displayName ?? t("notifications.someone")}</strong>,
            title: link(title),
            community: aboutAPost ? <span className="font-medium">{communityName}</span> : link(communityName),
          })}
        </p>
        {details ? <p className="line-clamp-2 text-sm text-slate-700">{details}</p> : null}
        <p className="text-sm text-slate-600">
          <RelativeTime date={notification.createdAt} now={now} />
        </p>
      </div>
      {notification.read ? null : (
        <Form method="post">
          <input type="hidden" name="id" value={notification.id} />
          <button type="submit" name="intent" value="read" className="rounded-md border border-slate-400 bg-white px-3 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100">
            {t("notifications.markRead")}
            <span className="sr-only">: {title || communityName}</span>
          </button>
        </Form>
      )}
    </li>
  );
}
