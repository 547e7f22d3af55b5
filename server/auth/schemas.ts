import { z } from "zod";

// Messages are i18n keys (see app/i18n); forms translate them where they are shown.
export const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "errors.required")
  .pipe(z.email("errors.emailInvalid").max(254, "errors.emailInvalid"));

export const password = z
  .string()
  .min(10, "errors.passwordTooShort")
  .max(200, "errors.passwordTooLong");

export const displayName = z.string().trim().min(2, "errors.nameTooShort").max(80, "errors.nameTooLong");

export const localeField = z.enum(["en", "fr"], "errors.invalidChoice");

export const signUpSchema = z.object({
  email,
  displayName,
  password,
  siteId: z.string({ error: "errors.siteRequired" }).trim().min(1, "errors.siteRequired"),
  locale: localeField.optional(),
});
export type SignUpInput = z.input<typeof signUpSchema>;

export const signInSchema = z.object({
  email,
  password: z.string().min(1, "errors.required").max(200, "errors.passwordTooLong"),
});
export type SignInInput = z.input<typeof signInSchema>;
