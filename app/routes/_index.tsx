import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n";

export const meta: MetaFunction = () => [{ title: "Guilde" }];

export async function loader({ context }: LoaderFunctionArgs) {
  return { user: context.user ? { displayName: context.user.displayName } : null };
}

export default function Home() {
  const { user } = useLoaderData<typeof loader>();
  const t = useT();
  if (!user) {
    return (
      <section className="mx-auto max-w-2xl py-8 text-center">
        <h1 className="text-3xl font-bold">{t("home.welcomeTitle")}</h1>
        <p className="mt-4 text-lg text-slate-700">{t("home.welcomeBody")}</p>
        <div className="mt-8 flex justify-center gap-3">
          <a href="/signin" className="rounded-md bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800">
            {t("account.signIn")}
          </a>
          <a href="/signup" className="rounded-md border border-slate-400 bg-white px-5 py-2.5 font-medium hover:bg-slate-100">
            {t("account.signUp")}
          </a>
        </div>
      </section>
    );
  }
  return (
    <section>
      <h1 className="text-2xl font-bold">{t("home.greeting", { name: user.displayName })}</h1>
      <p className="mt-2 text-slate-700">{t("home.signedInBody")}</p>
    </section>
  );
}
