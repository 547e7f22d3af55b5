import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Invalid } from "../../server/errors";
import { handleForm, handleLoad, readForm, requireUser } from "../../server/http/respond";
import { listInvitations } from "../../server/invitations/list-invitations";
import { revokeInvitation } from "../../server/invitations/revoke-invitation";
import { setCustomerActive } from "../../server/people/deactivate-customer";
import { listCustomers } from "../../server/people/list-customers";
import { Badge } from "~/components/badge";
import { EmptyState } from "~/components/empty-state";
import { FormMessage, buttonClass, inputClass, isFormFailure, secondaryButtonClass } from "~/components/forms";
import { InvitationTable } from "~/components/invitation-table";
import { Notice, noticeHref } from "~/components/notice";
import { Pagination } from "~/components/pagination";
import { formatDate, useLocale, useT, type MessageKey } from "~/i18n";
import { pageTitle } from "~/i18n/format";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("customers.title"));

/** For administrators: customers per community, their accounts, and every invitation. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const search = new URL(request.url).searchParams;
  const communitySlug = search.get("community") || null;
  return handleLoad(async () => {
    const [customers, invitations] = await Promise.all([
      listCustomers(context.guilde, { viewer, communitySlug, cursor: search.get("cursor") }),
      listInvitations(context.guilde, { viewer, cursor: search.get("invitations") }),
    ]);
    return { customers, invitations };
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const values = await readForm(request);
  const url = new URL(request.url);
  const here = url.pathname + url.search;
  return handleForm(values, async () => {
    switch (values.intent) {
      case "deactivate":
      case "reactivate":
        await setCustomerActive(context.guilde, { viewer, userId: values.userId ?? "", active: values.intent === "reactivate" });
        return redirect(noticeHref(here, values.intent === "reactivate" ? "reactivated" : "deactivated"));
      case "revoke":
        await revokeInvitation(context.guilde, { viewer, invitationId: values.invitationId ?? "" });
        return redirect(noticeHref(here, "invitationRevoked"));
      default:
        throw new Invalid({ form: ["errors.invalidChoice"] });
    }
  });
}

const notices: Record<string, MessageKey> = {
  deactivated: "customers.deactivated",
  reactivated: "customers.reactivated",
  invitationRevoked: "invitations.revoked",
};

export default function Customers() {
  const { customers, invitations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = isFormFailure(result) ? result : undefined;
  const t = useT();
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-8">
      <header>
        <h1 className="text-2xl font-bold">{t("customers.title")}</h1>
        <p className="mt-2 max-w-prose text-slate-700">{t("customers.intro")}</p>
      </header>
      <Notice messages={notices} />
      <FormMessage failure={failure} />
      <Form method="get" className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="customers-community" className="font-medium text-slate-800">
            {t("customers.filter")}
          </label>
          <select id="customers-community" name="community" defaultValue={customers.community?.slug ?? ""} className={inputClass}>
            <option value="">{t("customers.allCommunities")}</option>
            {customers.openCommunities.map((community) => (
              <option key={community.slug} value={community.slug}>
                {community.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={secondaryButtonClass}>
          {t("customers.show")}
        </button>
      </Form>
      <section aria-labelledby="customers-heading" className="flex flex-col gap-3">
        <h2 id="customers-heading" className="text-xl font-semibold">
          {customers.community ? t("customers.of", { community: customers.community.name }) : t("customers.all")}
        </h2>
        {customers.items.length === 0 ? (
          <EmptyState>{t("customers.none")}</EmptyState>
        ) : (
          <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("customers.title")}</caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className="px-3 py-2">{t("field.name")}</th>
                  <th scope="col" className="px-3 py-2">{t("field.email")}</th>
                  <th scope="col" className="px-3 py-2">{t("customers.communities")}</th>
                  <th scope="col" className="px-3 py-2">{t("customers.status")}</th>
                  <th scope="col" className="px-3 py-2"><span className="sr-only">{t("invitations.actions")}</span></th>
                </tr>
              </thead>
              <tbody>
                {customers.items.map((customer) => (
                  <tr key={customer.id} className="border-t border-slate-200 align-top">
                    <td className="px-3 py-2">
                      <a href={`/users/${customer.id}`} className="font-medium text-brand-700 underline underline-offset-2">
                        {customer.displayName}
                      </a>
                      <span className="block text-slate-600">{t("customers.since", { date: formatDate(locale, customer.joinedAt, "medium") })}</span>
                    </td>
                    <td className="px-3 py-2">{customer.email}</td>
                    <td className="px-3 py-2">{customer.communities.map((community) => community.name).join(", ")}</td>
                    <td className="px-3 py-2">
                      <Badge tone={customer.status === "active" ? "success" : "danger"}>{t(`customers.status.${customer.status}`)}</Badge>
                    </td>
                    <td className="px-3 py-2 text-right">
                      <Form method="post">
                        <input type="hidden" name="userId" value={customer.id} />
                        <button
                          type="submit"
                          name="intent"
                          value={customer.status === "deactivated" ? "reactivate" : "deactivate"}
                          className={customer.status === "deactivated" ? buttonClass : secondaryButtonClass}
                        >
                          {t(customer.status === "deactivated" ? "customers.reactivate" : "customers.deactivate")}
                          <span className="sr-only"> {customer.displayName}</span>
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination nextCursor={customers.nextCursor} />
      </section>
      <section aria-labelledby="all-invitations-heading" className="flex flex-col gap-3">
        <h2 id="all-invitations-heading" className="text-xl font-semibold">
          {t("invitations.list")}
        </h2>
        <InvitationTable invitations={invitations.items} showCommunity />
        {invitations.nextCursor ? (
          <a href={`?invitations=${invitations.nextCursor}`} className={secondaryButtonClass}>
            {t("pagination.next")}
          </a>
        ) : null}
      </section>
    </div>
  );
}
