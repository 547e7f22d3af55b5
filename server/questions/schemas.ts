import { z } from "zod";
import { closeReason } from "../../db/schema";
import { tagList } from "../communities/schemas";

export const maxBodyLength = 40_000;

const body = (min: number) =>
  z
    .string("errors.required")
    .trim()
    .min(min, min > 1 ? "errors.bodyTooShort" : "errors.required")
    .max(maxBodyLength, "errors.bodyTooLong");

export const questionSchema = z.object({
  title: z.string("errors.required").trim().min(10, "errors.titleTooShort").max(150, "errors.titleTooLong"),
  body: body(20),
  tags: tagList(5, "errors.tooManyTags"),
});
export type QuestionInput = z.input<typeof questionSchema>;

export const answerSchema = z.object({
  body: body(20),
  /** A tutorial the answer cites (its link or id), shown as a card: see server/tutorials/cite-tutorial.ts. */
  tutorial: z.string().trim().max(300, "errors.tutorialNotCitable").default(""),
});
export type AnswerInput = z.input<typeof answerSchema>;

export const commentSchema = z.object({ body: body(2).pipe(z.string().max(2000, "errors.commentTooLong")) });
export type CommentInput = z.input<typeof commentSchema>;

export const voteSchema = z.object({
  value: z.coerce.number().pipe(z.union([z.literal(1), z.literal(-1), z.literal(0)], "errors.invalidChoice")),
});
export type VoteInput = z.input<typeof voteSchema>;

export const closeSchema = z
  .object({
    reason: z.enum(closeReason.enumValues, "errors.invalidChoice"),
    duplicateOfId: z.string().trim().max(200).optional(),
    note: z.string().trim().max(500, "errors.tooLong").default(""),
  })
  .refine((value) => value.reason !== "duplicate" || Boolean(value.duplicateOfId), {
    path: ["duplicateOfId"],
    message: "errors.duplicateOfRequired",
  });
export type CloseInput = z.input<typeof closeSchema>;

/** Accepts a question's id, or a link to it (moderators paste URLs). */
export function questionIdFrom(reference: string): string {
  const match = reference.match(/\/questions\/([a-z0-9]+)/);
  return match ? match[1] : reference.trim();
}
