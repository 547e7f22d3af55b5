import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { handleLoad, requireUser } from "../../server/http/respond";
import { listOutbox } from "../../server/mail/read-outbox";
import { EmptyState } from "~/components/empty-state";
import { formatDate, useLocale, useT } from "~/i18n";
import { pageTitle } from "~/i18n/format";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("mail.title"));

/** For administrators, in development and demos: the e-mails Guilde wrote instead of sending them. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  return handleLoad(() => listOutbox(context.guilde, { viewer }));
}

export default function MailOutbox() {
  const { viaSmtp, messages, total } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold">{t("mail.title")}</h1>
        <p className="mt-2 max-w-prose text-slate-700">{viaSmtp ? t("mail.viaSmtp") : t("mail.intro", { shown: messages.length, total })}</p>
      </header>
      {viaSmtp ? null : messages.length === 0 ? (
        <EmptyState>{t("mail.empty")}</EmptyState>
      ) : (
        <table className="w-full rounded-lg bg-white text-left shadow-sm ring-1 ring-slate-200">
          <thead className="text-sm text-slate-700">
            <tr>
              <th scope="col" className="px-4 py-2">{t("mail.date")}</th>
              <th scope="col" className="px-4 py-2">{t("mail.to")}</th>
              <th scope="col" className="px-4 py-2">{t("mail.subject")}</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((message) => (
              <tr key={message.id} className="border-t border-slate-200">
                <td className="px-4 py-2 whitespace-nowrap">{message.date ? formatDate(locale, message.date, "medium") : ""}</td>
                <td className="px-4 py-2">{message.to}</td>
                <td className="px-4 py-2">
                  <a href={`/admin/mail/${message.id}`} className="text-indigo-700 underline">
                    {message.subject || t("mail.noSubject")}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
