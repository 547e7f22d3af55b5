import { z } from "zod";
import { Invalid, type FieldErrors } from "./errors";

/** Parses a service's input, turning zod issues into field errors (i18n keys) instead of exceptions. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    // Errors inside a list (a tag) belong to the list's field, which is what the form shows.
    const field = String(issue.path[0] ?? "form");
    (fieldErrors[field] ??= []).push(issue.message);
  }
  throw new Invalid(fieldErrors);
}

/** A service's input as it arrives from a form or an API call: the fields it knows, of any type, until parsed. */
export type Untrusted<Input> = { [Field in keyof Input]?: unknown };

/** A day as the date field sends it (YYYY-MM-DD), read as midnight UTC. */
export const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "errors.dateInvalid")
  .transform((value, context) => {
    const date = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(date.getTime())) {
      context.addIssue({ code: "custom", message: "errors.dateInvalid" });
      return z.NEVER;
    }
    return date;
  });
