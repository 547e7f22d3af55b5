/** What the pages show live: a question thread, new questions in lists, the unread count. */
import { useRevalidator } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { MessageKey } from "~/i18n";
import { communityRoom, ideaRoom, questionRoom } from "./protocol";
import { useRealtimeEvent, useRefetchSoon, useRooms } from "./socket";

/** How long an edit heard live reads "Edited just now" rather than "Edited". */
const justNowMs = 60_000;

export interface LiveQuestion {
  /** How many different people have the question open, this one included; 0 until the server says. */
  viewers: number;
  /** Whether the question, an answer or a comment (by id) was edited while the page was open. */
  editedJustNow(id: string): boolean;
  /** What to tell screen-reader users about the last change, for a polite live region. */
  announcement: MessageKey | null;
}

/**
 * Keeps a question page current: any change to the thread refetches it (the loader applies the policy to
 * this viewer), and the page learns who else is viewing it.
 */
export function useLiveQuestion(questionId: string): LiveQuestion {
  useRooms([questionRoom(questionId)]);
  const refetch = useRefetchSoon();
  // Each piece of state remembers its question: moving to another question starts afresh.
  const [presence, setPresence] = useState({ questionId, viewers: 0 });
  const [edited, setEdited] = useState({ questionId, ids: [] as string[] });
  const [announcement, setAnnouncement] = useState<{ questionId: string; message: MessageKey } | null>(null);

  const markEdited = (id: string) => {
    setEdited((current) => ({ questionId, ids: [...(current.questionId === questionId ? current.ids : []), id] }));
  };
  useEffect(() => {
    if (edited.ids.length === 0) return;
    const timer = window.setTimeout(() => setEdited((current) => ({ ...current, ids: current.ids.slice(1) })), justNowMs);
    return () => window.clearTimeout(timer);
  }, [edited]);

  useRealtimeEvent("reply.posted", (event) => {
    if (event.questionId !== questionId) return;
    refetch();
    setAnnouncement({ questionId, message: event.kind === "answer" ? "realtime.newAnswer" : "realtime.newComment" });
  });
  useRealtimeEvent("reply.changed", (event) => {
    if (event.questionId !== questionId) return;
    refetch();
    if (event.change === "edited") markEdited(event.replyId);
  });
  useRealtimeEvent("question.changed", (event) => {
    if (event.questionId !== questionId) return;
    refetch();
    if (event.change === "edited") markEdited(questionId);
  });
  useRealtimeEvent("vote.changed", (event) => {
    if (event.questionId === questionId) refetch();
  });
  useRealtimeEvent("presence", (event) => {
    if (event.questionId === questionId) setPresence(event);
  });

  return {
    viewers: presence.questionId === questionId ? presence.viewers : 0,
    editedJustNow: (id) => edited.questionId === questionId && edited.ids.includes(id),
    announcement: announcement?.questionId === questionId ? announcement.message : null,
  };
}

/** Keeps an idea page current: a vote, a status change, a comment, a merge or an adoption refetches it. */
export function useLiveIdea(ideaId: string): void {
  useRooms([ideaRoom(ideaId)]);
  const refetch = useRefetchSoon();
  useRealtimeEvent("idea.changed", (event) => {
    if (event.ideaId === ideaId) refetch();
  });
}

/**
 * Questions asked in these communities since the list was loaded and not in it yet. The list does not
 * move under the reader's eyes: they choose when to see them (`show` refetches).
 */
export function useNewQuestions(communityIds: string[], listed: { id: string }[]): { count: number; show(): void } {
  useRooms(communityIds.map(communityRoom));
  const { revalidate } = useRevalidator();
  const [heard, setHeard] = useState<string[]>([]);
  useRealtimeEvent("question.asked", (event) => {
    if (communityIds.includes(event.communityId)) setHeard((ids) => (ids.includes(event.questionId) ? ids : [...ids, event.questionId]));
  });
  const count = heard.filter((id) => !listed.some((question) => question.id === id)).length;
  return {
    count,
    show() {
      setHeard([]);
      void revalidate();
    },
  };
}

/** The bell's count: the loader's, until the server announces a newer one; the loader's again once it reruns. */
export function useLiveUnreadCount(root: { unreadCount: number } | undefined): number {
  const [live, setLive] = useState<{ basis: unknown; unread: number } | null>(null);
  useRealtimeEvent("notifications.unread", ({ unread }) => setLive({ basis: root, unread }));
  return live && live.basis === root ? live.unread : (root?.unreadCount ?? 0);
}

/** Refetches a page that lists notifications whenever a new one arrives. */
export function useRefetchOnNotification() {
  const refetch = useRefetchSoon();
  useRealtimeEvent("notifications.unread", refetch);
}
