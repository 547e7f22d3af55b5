import { z } from "zod";
import { displayName, email, localeField, password } from "../auth/schemas";

export const maxInvitationsAtOnce = 50;

/**
 * Addresses typed one per line, or separated by commas, semicolons or spaces. Duplicates are dropped;
 * each address is checked by the service (see invalidAddresses).
 */
export const invitationSchema = z.object({
  emails: z
    .string("errors.required")
    .max(20_000, "errors.tooLong")
    .transform((text) => [
      ...new Set(
        text
          // "Jane Doe <jane@example.com>; Bob <bob@example.com>", as mail programs copy addresses.
          .replace(/[^,;<>\n]*<([^<>]+)>/g, " $1 ")
          .split(/[\s,;]+/)
          .map((address) => address.trim().toLowerCase())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.string()).min(1, "errors.invitationEmailsRequired").max(maxInvitationsAtOnce, "errors.tooManyInvitations")),
  locale: localeField.default("en"),
});
export type InvitationInput = z.input<typeof invitationSchema>;

/** The address-by-address check, so that the form can say which ones are wrong. */
export function invalidAddresses(addresses: string[]): string[] {
  return addresses.filter((address) => !email.safeParse(address).success);
}

export const acceptInvitationSchema = z.object({ displayName, password, locale: localeField.default("en") });
export type AcceptInvitationInput = z.input<typeof acceptInvitationSchema>;
