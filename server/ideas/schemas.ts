import { z } from "zod";
import { ideaStatus } from "../../db/schema";
import { tagList } from "../communities/schemas";
import { maxBodyLength } from "../questions/schemas";

const text = (min: number, tooShort: string) =>
  z.string("errors.required").trim().min(1, "errors.required").min(min, tooShort).max(maxBodyLength, "errors.bodyTooLong");

/** Proposing an idea: the problem seen is the post's body; the proposal and the expected benefit are the idea's own. */
export const ideaSchema = z.object({
  title: z.string("errors.required").trim().min(10, "errors.titleTooShort").max(150, "errors.titleTooLong"),
  problem: text(20, "ideas.errors.problemTooShort"),
  proposal: text(20, "ideas.errors.proposalTooShort"),
  benefit: text(10, "ideas.errors.benefitTooShort"),
  tags: tagList(5, "errors.tooManyTags"),
});
export type IdeaInput = z.input<typeof ideaSchema>;

/** `true` to vote, `false` to withdraw one's vote: a form sends strings, an API call booleans. */
export const ideaVoteSchema = z.object({
  vote: z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")], "errors.invalidChoice"),
});
export type IdeaVoteInput = z.input<typeof ideaVoteSchema>;

export const ideaStatuses = ideaStatus.enumValues;

/** Every change carries a note; declining one is its reason, so it is asked for in those words. */
export const statusChangeSchema = z
  .object({
    status: z.enum(ideaStatuses, "errors.invalidChoice"),
    note: z.string().trim().max(2000, "errors.tooLong").default(""),
  })
  .superRefine((value, context) => {
    if (value.note.length < 2) {
      context.addIssue({ code: "custom", path: ["note"], message: value.status === "declined" ? "ideas.errors.reasonRequired" : "ideas.errors.noteRequired" });
    }
  });
export type StatusChangeInput = z.input<typeof statusChangeSchema>;

export const mergeSchema = z.object({
  intoId: z
    .string("errors.required")
    .trim()
    .min(1, "errors.required")
    .max(300, "errors.tooLong")
    .transform(ideaIdFrom),
  note: z.string().trim().max(2000, "errors.tooLong").default(""),
});
export type MergeInput = z.input<typeof mergeSchema>;

/** Accepts an idea's id, or a link to it (moderators paste URLs). */
export function ideaIdFrom(reference: string): string {
  const match = reference.match(/\/ideas\/([a-z0-9]+)/);
  return match ? match[1] : reference.trim();
}
