import { formatDate, translateServerMessage, useLocale, useT } from "~/i18n";

interface SignInFailure {
  message: string;
  blocked: { until: Date | string | null; reason: string | null } | null;
}

/** Why signing in with the company account stopped, and the two ways on from here. */
export function SignInFailurePage({ failure }: { failure: SignInFailure }) {
  const t = useT();
  const locale = useLocale();
  const { blocked } = failure;
  return (
    <div className="mx-auto max-w-md rounded-lg bg-white p-8 shadow-sm ring-1 ring-slate-200">
      <h1 className="text-2xl font-bold">{t("oidc.failedTitle")}</h1>
      <p role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
        {translateServerMessage(t, failure.message)}
        {blocked?.until ? ` ${t("suspension.signInUntil", { date: formatDate(locale, blocked.until) })}` : null}
        {blocked?.reason ? ` ${t("suspension.signInReason", { reason: blocked.reason })}` : null}
      </p>
      <div className="mt-6 flex flex-wrap gap-4 text-sm">
        <a href="/auth/oidc" className="font-semibold text-brand-700 underline">
          {t("oidc.tryAgain")}
        </a>
        <a href="/signin" className="font-semibold text-brand-700 underline">
          {t("oidc.backToSignIn")}
        </a>
      </div>
    </div>
  );
}
