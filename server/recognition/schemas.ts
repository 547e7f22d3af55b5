import { z } from "zod";

export const maxKudosNoteLength = 280;

export const kudosSchema = z.object({
  note: z.string().trim().max(maxKudosNoteLength, "errors.kudosNoteTooLong").default(""),
});
export type KudosInput = z.input<typeof kudosSchema>;

/** What a kudos thanks, as the forms name it. */
export const kudosTargetKinds = ["answer", "tutorial", "person"] as const;
export type KudosTargetKind = (typeof kudosTargetKinds)[number];
