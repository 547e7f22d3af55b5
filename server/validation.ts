import type { z } from "zod";
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
