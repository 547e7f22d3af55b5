import { z } from "zod";
import { communityVisibility } from "../../db/schema";

/** A tag or theme: lower-case words joined by hyphens, accents allowed (French topics). */
export const tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "errors.tagInvalid")
  .max(35, "errors.tagInvalid")
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}+#.-]*$/u, "errors.tagInvalid");

/** Tags typed in one field ("freins, vtt hydraulique") or sent as a list; duplicates dropped. */
export function tagList(max: number, tooMany: string) {
  return z
    .union([z.string(), z.array(z.string())])
    .default([])
    .transform((value) => (Array.isArray(value) ? value : value.split(/[\s,]+/)).map((item) => item.trim()).filter(Boolean))
    .pipe(z.array(tag).max(max, tooMany))
    .transform((tags) => [...new Set(tags)]);
}

export const communitySchema = z.object({
  name: z.string().trim().min(2, "errors.nameTooShort").max(80, "errors.nameTooLong"),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(3, "errors.slugInvalid")
    .max(60, "errors.slugInvalid")
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "errors.slugInvalid"),
  description: z.string().trim().max(2000, "errors.tooLong").default(""),
  themes: tagList(12, "errors.tooManyThemes"),
  color: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, "errors.colorInvalid")
    .default("#1d5fbf"),
  coverImageUrl: z
    .union([z.literal("").transform(() => null), z.url({ protocol: /^https$/, error: "errors.urlInvalid" }).max(500, "errors.urlInvalid")])
    .optional()
    .transform((value) => value ?? null),
  visibility: z.enum(communityVisibility.enumValues, "errors.invalidChoice"),
});
export type CommunityInput = z.input<typeof communitySchema>;

export const monitorApplicationSchema = z.object({
  motivation: z.string().trim().min(20, "errors.motivationTooShort").max(2000, "errors.tooLong"),
  topics: tagList(10, "errors.tooManyTags").pipe(z.array(z.string()).min(1, "errors.topicsRequired")),
});
export type MonitorApplicationInput = z.input<typeof monitorApplicationSchema>;

export const decisionSchema = z.object({
  decision: z.enum(["approve", "decline"], "errors.invalidChoice"),
  note: z.string().trim().max(1000, "errors.tooLong").default(""),
});
export type DecisionInput = z.input<typeof decisionSchema>;
