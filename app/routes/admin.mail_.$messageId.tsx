import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { handleLoad, requireUser } from "../../server/http/respond";
import { readOutboxMessage } from "../../server/mail/read-outbox";
import { formatDate, useLocale, useT } from "~/i18n";
import { pageTitle } from "~/i18n/format";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("mail.title"));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  return handleLoad(() => readOutboxMessage(context.guilde, { viewer, messageId: params.messageId ?? "" }));
}

/** One e-mail as its text part: shown as text, so nothing in a message runs in the administrator's page. */
export default function OutboxMessage() {
  const message = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-6">
      <p>
        <a href="/admin/mail" className="text-indigo-700 underline">
          {t("mail.back")}
        </a>
      </p>
      <header>
        <h1 className="text-2xl font-bold">{message.subject || t("mail.noSubject")}</h1>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 text-slate-700">
          <dt className="font-medium">{t("mail.to")}</dt>
          <dd>{message.to}</dd>
          <dt className="font-medium">{t("mail.date")}</dt>
          <dd>{message.date ? formatDate(locale, message.date, "medium") : ""}</dd>
        </dl>
      </header>
      <pre className="overflow-x-auto rounded-lg bg-white p-4 text-sm whitespace-pre-wrap shadow-sm ring-1 ring-slate-200">{message.text}</pre>
    </div>
  );
}
