import { z } from "zod";
import { siteKind } from "../../db/schema";

export const siteSchema = z.object({
  name: z.string().trim().min(2, "errors.nameTooShort").max(80, "errors.nameTooLong"),
  city: z.string().trim().min(1, "errors.required").max(80, "errors.nameTooLong"),
  kind: z.enum(siteKind.enumValues, "errors.invalidChoice"),
});
export type SiteInput = z.input<typeof siteSchema>;
