import { z } from "zod";
import { displayName, localeField } from "../auth/schemas";

export const profileSchema = z.object({
  displayName,
  title: z.string().trim().max(120, "errors.tooLong").default(""),
  bio: z.string().trim().max(2000, "errors.tooLong").default(""),
  siteId: z.string().trim().min(1, "errors.siteRequired").optional(),
  digestFrequency: z.enum(["off", "daily", "weekly"], "errors.invalidChoice").optional(),
  locale: z.union([localeField, z.literal("").transform(() => null)]).optional(),
});
export type ProfileInput = z.input<typeof profileSchema>;
