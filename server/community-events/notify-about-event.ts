import type { Transaction } from "../../db/client";
import type { Community, CommunityEvent } from "../../db/schema";
import type { Emit } from "../events";
import { notify, type NotificationDraft } from "../notifications/notify";
import { can } from "../policy";
import { eventAccessIn } from "./access";

/** Notifies about an event: only recipients who may still see it (read its community) are told. */
export function notifyAboutEvent(
  tx: Transaction,
  {
    recipientIds,
    event,
    community,
    draft,
    now,
    emit,
  }: { recipientIds: Iterable<string>; event: CommunityEvent; community: Community; draft: Omit<NotificationDraft, "eventId">; now: Date; emit: Emit },
): Promise<string[]> {
  return notify(tx, {
    recipientIds,
    community,
    emit,
    draft: { ...draft, eventId: event.id, summary: { title: event.title, ...draft.summary } },
    allowed: (recipient, access) => can(recipient, { action: "event.view", event: eventAccessIn(event, access, now) }),
  });
}
