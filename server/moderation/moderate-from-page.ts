import type { Guilde } from "../context";
import type { Viewer } from "../policy";
import { approveContent } from "./approve-content";
import type { ContentRef } from "./content";
import { flagContent } from "./flag-content";
import { hideContent, restoreContent } from "./hide-content";

export type ModerationNotice = "flagged" | "hidden" | "restored" | "approved";

/**
 * The moderation forms every post page carries (flag, hide, restore, approve the post or one of its
 * replies, named by `contentId`), run the same way wherever they are posted. Null for another intent.
 */
export async function moderateFromPage(
  guilde: Guilde,
  { viewer, values }: { viewer: Viewer; values: Record<string, string> },
): Promise<{ notice: ModerationNotice; content: ContentRef } | null> {
  const contentId = values.contentId ?? "";
  switch (values.intent) {
    case "flag":
      return { notice: "flagged", content: await flagContent(guilde, { viewer, contentId, input: values }) };
    case "hide":
      return { notice: "hidden", content: await hideContent(guilde, { viewer, contentId, input: values }) };
    case "restore":
      return { notice: "restored", content: await restoreContent(guilde, { viewer, contentId }) };
    case "approve":
      return { notice: "approved", content: await approveContent(guilde, { viewer, contentId }) };
    default:
      return null;
  }
}
