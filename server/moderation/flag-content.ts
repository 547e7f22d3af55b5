import { and, count, eq } from "drizzle-orm";
import { newId } from "../../db/ids";
import { flags } from "../../db/schema";
import { markdownToPlainText } from "../content/markdown";
import { moderatorIds } from "../communities/access";
import type { Guilde } from "../context";
import { write } from "../events";
import { Conflict } from "../errors";
import { notify } from "../notifications/notify";
import { can, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { contentRef, ensureOnContent, loadVisibleContent, type ContentRef } from "./content";
import { flagSchema, type FlagInput } from "./schemas";

/**
 * Anyone who can see a question, idea, tutorial, answer or comment (not their own) flags it for the moderators, once
 * while their flag is open. The community's moderators are told of an item's first open flag.
 */
export async function flagContent(
  guilde: Guilde,
  { viewer, contentId, input }: { viewer: Viewer; contentId: string; input: Untrusted<FlagInput> },
): Promise<ContentRef & { flagId: string }> {
  const data = parseInput(flagSchema, input);
  return write(guilde, async (tx, emit) => {
    const content = await loadVisibleContent(tx, viewer, contentId, { forUpdate: true });
    ensureOnContent(viewer, content, "flag");
    const flagId = newId();
    // The partial unique index (one open flag per person and item) settles concurrent double submissions.
    const inserted = await tx
      .insert(flags)
      .values({
        id: flagId,
        communityId: content.community.id,
        postId: content.post.id,
        replyId: content.reply?.id ?? null,
        targetId: content.id,
        reporterId: viewer.id,
        reason: data.reason,
        note: data.note,
        // In milliseconds, as the queue's keyset cursor carries it.
        createdAt: new Date(),
      })
      .onConflictDoNothing()
      .returning({ id: flags.id });
    if (inserted.length === 0) throw new Conflict("errors.alreadyFlagged");

    const [open] = await tx
      .select({ flags: count() })
      .from(flags)
      .where(and(eq(flags.targetId, content.id), eq(flags.status, "open")));
    if (open.flags === 1) {
      await notify(tx, {
        emit,
        recipientIds: await moderatorIds(tx, content.community.id),
        community: content.community,
        draft: {
          kind: "content_flagged",
          actorId: viewer.id,
          postId: content.post.id,
          replyId: content.reply?.id ?? null,
          summary: { title: content.post.title, excerpt: markdownToPlainText(content.body, 160), reason: data.reason },
        },
        allowed: (recipient, access) => can(recipient, { action: "community.moderate", community: access }),
      });
    }
    return { flagId, ...contentRef(content) };
  });
}
