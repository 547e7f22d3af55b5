import { z } from "zod";
import { apiTokenScope } from "../../db/schema";

export const apiTokenSchema = z.object({
  name: z.string("errors.required").trim().min(1, "errors.required").max(80, "errors.tooLong"),
  scope: z.enum(apiTokenScope.enumValues, "errors.invalidChoice"),
});
export type ApiTokenInput = z.input<typeof apiTokenSchema>;
