import { z } from "zod";
import { day } from "../validation";

/** The audit log's filters, all optional. */
export const auditFilterSchema = z.object({
  action: z.string().trim().max(60).regex(/^[a-z.]*$/, "errors.invalidValue").default(""),
  actor: z.string().trim().max(80).default(""),
  target: z.string().trim().max(64).default(""),
  from: z.union([z.literal(""), day]).default(""),
  to: z.union([z.literal(""), day]).default(""),
});
export type AuditFilterInput = z.input<typeof auditFilterSchema>;
