import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { buttonClass, secondaryButtonClass } from "./forms";

/**
 * One button that joins or leaves a community, as a plain POST form. The action receives `intent`
 * ("join" or "leave"), `communityId`, and `redirectTo` (where to come back, from useReturnPath()).
 */
export function MembershipForm({
  action,
  intent,
  communityId,
  redirectTo,
  primary = intent === "join",
  children,
}: {
  /** The route whose action handles it; the current route when omitted. */
  action?: string;
  intent: "join" | "leave";
  communityId: string;
  redirectTo: string;
  primary?: boolean;
  children: ReactNode;
}) {
  return (
    <Form method="post" action={action}>
      <input type="hidden" name="communityId" value={communityId} />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <button type="submit" name="intent" value={intent} className={primary ? buttonClass : secondaryButtonClass}>
        {children}
      </button>
    </Form>
  );
}
