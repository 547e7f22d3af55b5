import { and, eq, inArray } from "drizzle-orm";
import type { Transaction } from "../../db/client";
import { newId } from "../../db/ids";
import { communityMembers, notifications, users, type Community, type Notification, type Post } from "../../db/schema";
import { communityAccess } from "../communities/access";
import { contentHtmlToPlainText, renderMarkdownWithMentions, type RenderedMarkdown } from "../content/markdown";
import type { Emit } from "../events";
import { can, type CommunityAccess, type SignedInViewer } from "../policy";
import { postAccessIn } from "../questions/access";

export type NotificationDraft = Pick<Notification, "kind" | "actorId"> &
  Partial<Pick<Notification, "postId" | "replyId" | "eventId" | "summary">>;

/**
 * Notifies each recipient who may see what the notification is about (asked of the policy through
 * `allowed`, with the recipient's own membership), never the actor. Runs inside the write's transaction.
 */
export async function notify(
  tx: Transaction,
  {
    recipientIds,
    community,
    draft,
    allowed,
    emit,
  }: {
    recipientIds: Iterable<string>;
    community: Community;
    draft: NotificationDraft;
    allowed: (recipient: SignedInViewer, access: CommunityAccess) => boolean;
    emit: Emit;
  },
): Promise<string[]> {
  const ids = [...new Set(recipientIds)].filter((id) => id !== draft.actorId);
  if (ids.length === 0) return [];
  const recipients = await tx
    .select({ id: users.id, role: users.role, siteId: users.siteId, memberRole: communityMembers.role, memberStatus: communityMembers.status })
    .from(users)
    .leftJoin(communityMembers, and(eq(communityMembers.userId, users.id), eq(communityMembers.communityId, community.id)))
    .where(inArray(users.id, ids));
  const notified = recipients.filter((recipient) =>
    allowed(
      recipient,
      communityAccess(
        community,
        recipient.memberRole && recipient.memberStatus ? { role: recipient.memberRole, status: recipient.memberStatus } : null,
      ),
    ),
  );
  if (notified.length > 0) {
    await tx.insert(notifications).values(
      notified.map((recipient) => ({ id: newId(), userId: recipient.id, communityId: community.id, summary: {}, ...draft })),
    );
    emit({ type: "notifications.created", userIds: notified.map((recipient) => recipient.id) });
  }
  return notified.map((recipient) => recipient.id);
}

/** Notifies about a post: only recipients who may view that post (and its community) are told. */
export function notifyAboutPost(
  tx: Transaction,
  { recipientIds, post, community, draft, emit }: { recipientIds: Iterable<string>; post: Post; community: Community; draft: NotificationDraft; emit: Emit },
): Promise<string[]> {
  return notify(tx, {
    recipientIds,
    community,
    emit,
    draft: { postId: post.id, ...draft },
    allowed: (recipient, access) =>
      can(recipient, {
        action: "post.view",
        post: postAccessIn(post, access),
      }),
  });
}

/** What notifications about a text quote of it and whom it @mentions: worked out before the write's transaction. */
export interface TextNotice {
  excerpt: string;
  mentions: string[];
}

export function textNotice(markdown: string): TextNotice {
  return renderedTextNotice(renderMarkdownWithMentions(markdown));
}

/** `textNotice` of a text the write renders anyway: the Markdown is parsed once for both. */
export function renderedTextNotice({ html, mentions }: RenderedMarkdown): TextNotice {
  return { excerpt: contentHtmlToPlainText(html, 160), mentions: mentions.slice(0, 20) };
}

/** People @mentioned in a text, by handle, who may view the post: each gets a "mention" notification. */
export async function notifyMentions(
  tx: Transaction,
  { notice, post, community, actorId, replyId, emit }: { notice: TextNotice; post: Post; community: Community; actorId: string; replyId?: string; emit: Emit },
): Promise<string[]> {
  if (notice.mentions.length === 0) return [];
  const mentioned = await tx.select({ id: users.id }).from(users).where(inArray(users.handle, notice.mentions));
  return notifyAboutPost(tx, {
    recipientIds: mentioned.map((row) => row.id),
    post,
    community,
    emit,
    draft: { kind: "mention", actorId, replyId: replyId ?? null, summary: { title: post.title, excerpt: notice.excerpt } },
  });
}

/**
 * Notifies one person about something of their own, outside any community (thanks for who they are):
 * only if they may see who it is from.
 */
export async function notifyPerson(
  tx: Transaction,
  { recipientId, draft, emit }: { recipientId: string; draft: NotificationDraft & { actorId: string }; emit: Emit },
): Promise<string[]> {
  if (recipientId === draft.actorId) return [];
  const rows = await tx.select({ id: users.id, role: users.role, siteId: users.siteId }).from(users).where(inArray(users.id, [recipientId, draft.actorId]));
  const recipient = rows.find((row) => row.id === recipientId);
  const actor = rows.find((row) => row.id === draft.actorId);
  if (!recipient || !actor || !can(recipient, { action: "profile.view", profile: actor })) return [];
  await tx.insert(notifications).values({ id: newId(), userId: recipient.id, communityId: null, summary: {}, ...draft });
  emit({ type: "notifications.created", userIds: [recipient.id] });
  return [recipient.id];
}
