import { z } from "zod";
import { tutorialDifficulty } from "../../db/schema";
import { tagList } from "../communities/schemas";
import { maxBodyLength } from "../questions/schemas";

export const videoKinds = ["video/mp4", "video/webm"] as const;

/** The text of a tutorial, as the write and edit forms send it. The video is checked by the service. */
export const tutorialSchema = z.object({
  title: z.string("errors.required").trim().min(10, "errors.titleTooShort").max(150, "errors.titleTooLong"),
  summary: z.string("errors.required").trim().min(10, "errors.summaryTooShort").max(300, "errors.summaryTooLong"),
  /** The steps, in Markdown (a numbered list or headings). */
  body: z.string("errors.required").trim().min(20, "errors.bodyTooShort").max(maxBodyLength, "errors.bodyTooLong"),
  tags: tagList(5, "errors.tooManyTags"),
  difficulty: z.enum(tutorialDifficulty.enumValues, "errors.invalidChoice"),
  minutes: z.coerce.number("errors.minutesInvalid").int("errors.minutesInvalid").min(1, "errors.minutesInvalid").max(10_000, "errors.minutesInvalid"),
  videoUrl: z
    .string()
    .trim()
    .max(500, "errors.urlInvalid")
    .default("")
    .transform((value) => value || null),
  /** A file uploaded with this form, or earlier (kept when the form comes back with an error). */
  videoUploadId: z
    .string()
    .trim()
    .max(40)
    .default("")
    .transform((value) => value || null),
  /** On edit: drop the current video without giving another. */
  removeVideo: z
    .union([z.literal("true"), z.literal("on"), z.literal(""), z.boolean()])
    .default("")
    .transform((value) => value === true || value === "true" || value === "on"),
});
export type TutorialInput = z.input<typeof tutorialSchema>;

export const helpedSchema = z.object({ helped: z.union([z.literal("true"), z.literal("false"), z.boolean()]).transform((value) => value === true || value === "true") });

/**
 * Null when `url` is an https link to one of the allowed video hosts (or a subdomain of one), else
 * the error key. Only the host counts: a path or a query cannot smuggle another site in.
 */
export function videoLinkError(url: string, allowedHosts: string[]): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "errors.urlInvalid";
  }
  if (parsed.protocol !== "https:" || parsed.username || parsed.password) return "errors.urlInvalid";
  const host = parsed.hostname.toLowerCase();
  return allowedHosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`)) ? null : "errors.videoHostNotAllowed";
}
