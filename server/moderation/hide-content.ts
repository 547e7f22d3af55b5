import { markdownToPlainText } from "../content/markdown";
import type { Guilde } from "../context";
import { write } from "../events";
import { Conflict } from "../errors";
import { recordAudit } from "../audit/record";
import { notifyAboutPost } from "../notifications/notify";
import type { Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { contentRef, ensureOnContent, loadVisibleContent, placeDetails, type ContentRef } from "./content";
import { closeOpenFlags, emitVisibilityChange, setVisibility } from "./moderated-writes";
import { hideSchema, type HideInput } from "./schemas";

/**
 * A moderator hides a question, idea, tutorial, answer or comment at once: it leaves every list, feed and search
 * result for everyone but its author and the moderators, its open flags are resolved, and its author
 * is told why. Hiding content held for approval rejects it.
 */
export async function hideContent(
  guilde: Guilde,
  { viewer, contentId, input }: { viewer: Viewer; contentId: string; input: Untrusted<HideInput> },
): Promise<ContentRef> {
  const data = parseInput(hideSchema, input);
  return write(guilde, async (tx, emit) => {
    const content = await loadVisibleContent(tx, viewer, contentId, { forUpdate: true });
    ensureOnContent(viewer, content, "moderate");
    if (content.hiddenAt && content.hiddenReason !== "awaiting_approval") throw new Conflict("errors.alreadyHidden");
    const note = data.note || null;
    await setVisibility(tx, content, { hiddenAt: new Date(), hiddenReason: data.reason, hiddenNote: note });
    const flagsResolved = await closeOpenFlags(tx, { contentId: content.id, moderatorId: viewer.id, status: "resolved", note });
    // A held item never published: nobody but its author and the moderators knew of it.
    if (content.hiddenReason !== "awaiting_approval") emitVisibilityChange(emit, content, "hidden");
    await recordAudit(tx, {
      actorId: viewer.id,
      action: `${content.kind}.${content.hiddenReason === "awaiting_approval" ? "reject" : "hide"}`,
      targetKind: content.kind,
      targetId: content.id,
      communityId: content.community.id,
      reason: data.reason,
      details: { ...(note ? { note } : {}), ...(flagsResolved ? { flagsResolved } : {}), ...placeDetails(content) },
    });
    await notifyAboutPost(tx, {
      emit,
      recipientIds: [content.authorId],
      post: content.reply ? content.post : { ...content.post, hiddenAt: new Date() },
      community: content.community,
      draft: {
        kind: "content_hidden",
        actorId: viewer.id,
        replyId: content.reply?.id ?? null,
        summary: { title: content.post.title, excerpt: markdownToPlainText(content.body, 160), reason: data.reason, ...(note ? { note } : {}) },
      },
    });
    return contentRef(content);
  });
}

/** A moderator shows again what was hidden (not what awaits approval: that is approved). */
export async function restoreContent(guilde: Guilde, { viewer, contentId }: { viewer: Viewer; contentId: string }): Promise<ContentRef> {
  return write(guilde, async (tx, emit) => {
    const content = await loadVisibleContent(tx, viewer, contentId, { forUpdate: true });
    ensureOnContent(viewer, content, "moderate");
    if (!content.hiddenAt || content.hiddenReason === "awaiting_approval") throw new Conflict("errors.notHidden");
    await setVisibility(tx, content, { hiddenAt: null, hiddenReason: null, hiddenNote: null });
    emitVisibilityChange(emit, content, "restored");
    await recordAudit(tx, {
      actorId: viewer.id,
      action: `${content.kind}.restore`,
      targetKind: content.kind,
      targetId: content.id,
      communityId: content.community.id,
      details: { previousReason: content.hiddenReason, ...placeDetails(content) },
    });
    return contentRef(content);
  });
}
