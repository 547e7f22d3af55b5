import { z } from "zod";
import { barometerAudience } from "../../db/schema";
import { day } from "../validation";

export const barometerAudiences = barometerAudience.enumValues;
export const maxCommentLength = 2000;

/** Opening a round. A customers' round names its open community; `closesOn` (optional) is the last day it takes answers. */
export function openRoundSchema(now: Date) {
  return z
    .object({
      title: z.string("errors.required").trim().min(3, "barometers.errors.titleTooShort").max(150, "errors.titleTooLong"),
      subject: z.string("errors.required").trim().min(2, "barometers.errors.subjectTooShort").max(80, "errors.tooLong"),
      audience: z.enum(barometerAudiences, "errors.invalidChoice"),
      communityId: z.string().trim().max(40).optional().transform((value) => value || null),
      closesOn: z.union([z.literal(""), day]).optional().transform((value) => value || null),
    })
    .transform((value, context) => {
      if (value.audience === "customers" && !value.communityId) {
        context.addIssue({ code: "custom", path: ["communityId"], message: "barometers.errors.communityRequired" });
        return z.NEVER;
      }
      // The last day counts whole: the round closes at the end of it (UTC).
      const closesAt = value.closesOn ? new Date(value.closesOn.getTime() + 24 * 3600 * 1000) : null;
      if (closesAt && closesAt <= now) {
        context.addIssue({ code: "custom", path: ["closesOn"], message: "barometers.errors.closesInThePast" });
        return z.NEVER;
      }
      return {
        title: value.title,
        subject: value.subject,
        audience: value.audience,
        communityId: value.audience === "customers" ? value.communityId : null,
        closesAt,
      };
    });
}
export type OpenRoundInput = z.input<ReturnType<typeof openRoundSchema>>;

/** An answer: a whole number from 0 to 10 (a radio button's value, so a string), and an optional comment. */
export const answerSchema = z.object({
  score: z
    .string("barometers.errors.scoreRequired")
    .trim()
    .min(1, "barometers.errors.scoreRequired")
    .regex(/^(10|[0-9])$/, "barometers.errors.scoreOutOfRange")
    .transform(Number),
  comment: z
    .string()
    .trim()
    .max(maxCommentLength, "errors.tooLong")
    .optional()
    .transform((value) => value || null),
});
export type AnswerInput = z.input<typeof answerSchema>;
