import { z } from "zod";
import { flagReason, premoderation } from "../../db/schema";
import { day } from "../validation";

const note = z.string().trim().max(1000, "errors.tooLong").default("");

/** A flag: why, and a few words (required when the reason is "other"). */
export const flagSchema = z
  .object({ reason: z.enum(flagReason.enumValues, "errors.invalidChoice"), note })
  .refine((flag) => flag.reason !== "other" || flag.note.length > 0, { path: ["note"], message: "errors.flagNoteRequired" });
export type FlagInput = z.input<typeof flagSchema>;

/** Hiding a question, answer or comment: the reason the author is told, and an optional note to them. */
export const hideSchema = z.object({ reason: z.enum(flagReason.enumValues, "errors.invalidChoice"), note });
export type HideInput = z.input<typeof hideSchema>;

/** Resolving or dismissing the open flags of an item, with a note for the audit log. */
export const flagDecisionSchema = z.object({ decision: z.enum(["resolve", "dismiss"], "errors.invalidChoice"), note });
export type FlagDecisionInput = z.input<typeof flagDecisionSchema>;

export const moveSchema = z.object({ communityId: z.string("errors.required").trim().min(1, "errors.required").max(64, "errors.invalidValue") });
export type MoveInput = z.input<typeof moveSchema>;

export const premoderationSchema = z.object({ premoderation: z.enum(premoderation.enumValues, "errors.invalidChoice") });
export type PremoderationInput = z.input<typeof premoderationSchema>;

/** Until a day (the suspension ends at its start, UTC), or indefinitely when left empty. */
export const suspensionSchema = z.object({
  until: z
    .union([z.literal("").transform(() => null), day])
    .optional()
    .transform((until) => until ?? null),
  reason: z.string("errors.required").trim().min(3, "errors.reasonRequired").max(1000, "errors.tooLong"),
});
export type SuspensionInput = z.input<typeof suspensionSchema>;
