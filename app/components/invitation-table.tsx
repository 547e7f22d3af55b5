import { Form } from "@remix-run/react";
import { formatDate, useLocale, useT } from "~/i18n";
import { Badge, type BadgeTone } from "./badge";
import { EmptyState } from "./empty-state";
import { PersonLink } from "./person-link";

export interface InvitationRow {
  id: string;
  email: string;
  state: "valid" | "expired" | "used" | "revoked" | "closed";
  community: { slug: string; name: string };
  invitedBy: { id: string; displayName: string };
  acceptedBy: { id: string; displayName: string } | null;
  createdAt: Date | string;
  expiresAt: Date | string;
}

const stateTones: Record<InvitationRow["state"], BadgeTone> = { valid: "brand", used: "success", expired: "neutral", revoked: "neutral", closed: "warning" };

/** Invitations with their state; a pending one can be revoked (the page's action handles `intent=revoke`). */
export function InvitationTable({ invitations, showCommunity }: { invitations: InvitationRow[]; showCommunity: boolean }) {
  const t = useT();
  const locale = useLocale();
  if (invitations.length === 0) return <EmptyState>{t("invitations.none")}</EmptyState>;
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("invitations.list")}</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className="px-3 py-2">{t("field.email")}</th>
            {showCommunity ? <th scope="col" className="px-3 py-2">{t("invitations.community")}</th> : null}
            <th scope="col" className="px-3 py-2">{t("invitations.state")}</th>
            <th scope="col" className="px-3 py-2">{t("invitations.invitedBy")}</th>
            <th scope="col" className="px-3 py-2">{t("invitations.sentOn")}</th>
            <th scope="col" className="px-3 py-2"><span className="sr-only">{t("invitations.actions")}</span></th>
          </tr>
        </thead>
        <tbody>
          {invitations.map((invitation) => (
            <tr key={invitation.id} className="border-t border-slate-200 align-top">
              <td className="px-3 py-2 font-medium">{invitation.email}</td>
              {showCommunity ? (
                <td className="px-3 py-2">
                  <a href={`/c/${invitation.community.slug}`} className="text-brand-700 underline underline-offset-2">
                    {invitation.community.name}
                  </a>
                </td>
              ) : null}
              <td className="px-3 py-2">
                <Badge tone={stateTones[invitation.state]}>{t(`invitations.state.${invitation.state}`)}</Badge>
                {invitation.state === "valid" ? (
                  <span className="block text-slate-600">{t("invitations.until", { date: formatDate(locale, invitation.expiresAt, "medium") })}</span>
                ) : null}
                {invitation.acceptedBy ? (
                  <span className="block">
                    <PersonLink person={invitation.acceptedBy} />
                  </span>
                ) : null}
              </td>
              <td className="px-3 py-2">
                <PersonLink person={invitation.invitedBy} />
              </td>
              <td className="px-3 py-2">{formatDate(locale, invitation.createdAt, "medium")}</td>
              <td className="px-3 py-2 text-right">
                {invitation.state === "valid" ? (
                  <Form method="post">
                    <input type="hidden" name="invitationId" value={invitation.id} />
                    <button type="submit" name="intent" value="revoke" className="rounded-md border border-slate-400 bg-white px-3 py-1 font-medium text-red-800 hover:bg-slate-100">
                      {t("invitations.revoke")}
                      <span className="sr-only"> {invitation.email}</span>
                    </button>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
