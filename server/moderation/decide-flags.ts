import { recordAudit } from "../audit/record";
import type { Guilde } from "../context";
import { write } from "../events";
import { Conflict } from "../errors";
import type { Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { ensureOnContent, loadVisibleContent, placeDetails } from "./content";
import { closeOpenFlags } from "./moderated-writes";
import { flagDecisionSchema, type FlagDecisionInput } from "./schemas";

/**
 * A moderator closes an item's open flags without hiding it: resolved (they acted, e.g. edited it) or
 * dismissed (nothing wrong).
 */
export async function decideFlags(
  guilde: Guilde,
  { viewer, contentId, input }: { viewer: Viewer; contentId: string; input: Untrusted<FlagDecisionInput> },
): Promise<{ closed: number }> {
  const data = parseInput(flagDecisionSchema, input);
  return write(guilde, async (tx) => {
    const content = await loadVisibleContent(tx, viewer, contentId, { forUpdate: true });
    ensureOnContent(viewer, content, "moderate");
    const status = data.decision === "resolve" ? "resolved" : "dismissed";
    const closed = await closeOpenFlags(tx, { contentId: content.id, moderatorId: viewer.id, status, note: data.note || null });
    if (closed === 0) throw new Conflict("errors.noOpenFlags");
    await recordAudit(tx, {
      actorId: viewer.id,
      action: `flags.${data.decision}`,
      targetKind: content.kind,
      targetId: content.id,
      communityId: content.community.id,
      reason: data.note || null,
      details: { flags: closed, ...placeDetails(content) },
    });
    return { closed };
  });
}
