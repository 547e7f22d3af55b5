import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { checkUnsubscribeLink, unsubscribeFromDigests } from "../../server/digests/unsubscribe";
import { Invalid } from "../../server/errors";
import { buttonClass } from "~/components/forms";
import { useT } from "~/i18n";

export const meta: MetaFunction = () => [{ title: "Guilde" }];

type LinkState = "valid" | "invalid" | "done";

/** Works without signing in: the signed link is the authority. A forged or altered one is a 400 that changes nothing. */
async function refusingForgeries(run: () => Promise<LinkState>) {
  try {
    return data({ state: await run() });
  } catch (error) {
    if (error instanceof Invalid) return data({ state: "invalid" as LinkState }, { status: 400 });
    throw error;
  }
}

export async function loader({ params, context }: LoaderFunctionArgs) {
  return refusingForgeries(async () => {
    await checkUnsubscribeLink(context.guilde, { token: params.token ?? "" });
    return "valid";
  });
}

/** The confirmation button's post, and RFC 8058 one-click posts from mail clients (`List-Unsubscribe=One-Click`). */
export async function action({ params, context }: ActionFunctionArgs) {
  return refusingForgeries(async () => {
    await unsubscribeFromDigests(context.guilde, { token: params.token ?? "" });
    return "done";
  });
}

export default function Unsubscribe() {
  const loaded = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const state = posted?.state ?? loaded.state;
  const t = useT();
  return (
    <div className="mx-auto max-w-lg rounded-lg bg-white p-8 shadow-sm ring-1 ring-slate-200">
      <h1 className="text-2xl font-bold">{t("unsubscribe.title")}</h1>
      {state === "valid" ? (
        <Form method="post" className="mt-4 flex flex-col gap-4">
          <p className="text-slate-700">{t("unsubscribe.confirm")}</p>
          <button type="submit" className={buttonClass}>
            {t("unsubscribe.button")}
          </button>
        </Form>
      ) : state === "done" ? (
        <p role="status" className="mt-4 rounded-md bg-green-50 p-3 text-green-800">
          {t("unsubscribe.done")}
        </p>
      ) : (
        <p role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          {t("unsubscribe.invalidLink")}
        </p>
      )}
    </div>
  );
}
