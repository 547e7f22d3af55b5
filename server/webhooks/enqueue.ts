/**
 * Which webhook deliveries a domain event calls for. Runs inside the write's transaction (see
 * `write` in server/events.ts), so a delivery commits or rolls back with the change it tells of.
 */
import { and, arrayContains, eq } from "drizzle-orm";
import type { Transaction } from "../../db/client";
import { newId } from "../../db/ids";
import { communities, ideas, posts, webhookDeliveries, webhooks, type WebhookEvent } from "../../db/schema";
import type { DomainEvent } from "../events";

interface Told {
  event: WebhookEvent;
  communityId: string;
  postId: string;
}

/** The events webhooks hear of, in their public names. */
function toldOf(event: DomainEvent): Told | null {
  switch (event.type) {
    case "question.asked":
      return { event: "question.asked", communityId: event.communityId, postId: event.questionId };
    case "question.changed":
      return event.change === "accepted" ? { event: "answer.accepted", communityId: event.communityId, postId: event.questionId } : null;
    case "idea.changed":
      return event.change === "status" ? { event: "idea.status_changed", communityId: event.communityId, postId: event.ideaId } : null;
    case "tutorial.published":
      return { event: "tutorial.published", communityId: event.communityId, postId: event.tutorialId };
    default:
      return null;
  }
}

const postPaths = { question: "questions", idea: "ideas", tutorial: "tutorials" } as const;

export async function enqueueWebhookDeliveries(tx: Transaction, events: DomainEvent[], publicUrl: string): Promise<void> {
  for (const told of events.map(toldOf)) {
    if (!told) continue;
    const listening = await tx
      .select({ id: webhooks.id })
      .from(webhooks)
      .where(and(eq(webhooks.communityId, told.communityId), eq(webhooks.active, true), arrayContains(webhooks.events, [told.event])));
    if (listening.length === 0) continue;
    const payload = await describe(tx, told, publicUrl);
    if (!payload) continue;
    await tx.insert(webhookDeliveries).values(listening.map((webhook) => ({ id: newId(), webhookId: webhook.id, event: told.event, payload })));
  }
}

/** What a delivery says: the community and the post, with links; only what the community's members read. */
async function describe(tx: Transaction, told: Told, publicUrl: string) {
  const [row] = await tx
    .select({
      post: { id: posts.id, kind: posts.kind, title: posts.title, tags: posts.tags, acceptedAnswerId: posts.acceptedAnswerId, createdAt: posts.createdAt },
      community: { id: communities.id, slug: communities.slug, name: communities.name },
      ideaStatus: ideas.status,
    })
    .from(posts)
    .innerJoin(communities, eq(communities.id, posts.communityId))
    .leftJoin(ideas, eq(ideas.postId, posts.id))
    .where(eq(posts.id, told.postId));
  if (!row || !(row.post.kind in postPaths)) return null;
  const path = `/${postPaths[row.post.kind as keyof typeof postPaths]}/${row.post.id}`;
  return {
    event: told.event,
    occurredAt: new Date().toISOString(),
    community: { ...row.community, url: absolute(publicUrl, `/c/${row.community.slug}`) },
    [row.post.kind]: {
      id: row.post.id,
      title: row.post.title,
      tags: row.post.tags,
      url: absolute(publicUrl, path),
      ...(told.event === "answer.accepted" ? { acceptedAnswerId: row.post.acceptedAnswerId } : {}),
      ...(told.event === "idea.status_changed" ? { status: row.ideaStatus } : {}),
    },
  };
}

/** Links in deliveries are absolute, on the address people reach Guilde at (PUBLIC_URL). */
export function absolute(publicUrl: string, path: string): string {
  return new URL(path, publicUrl).toString();
}
