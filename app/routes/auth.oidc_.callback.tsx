import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { endOidcAttempt, signInWithOidc } from "../../server/auth/sign-in-with-oidc";
import { oidcFailure } from "../../server/http/oidc-failure";
import { safeRedirectPath } from "../../server/http/respond";
import { noticeHref } from "~/components/notice";
import { SignInFailurePage } from "~/components/sign-in-failure";

export const meta: MetaFunction = () => [{ title: "Guilde" }];

/** Where the identity provider sends the browser back: signed in, or a page that says why not. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const headers = new Headers({ "Set-Cookie": await endOidcAttempt(context.guilde) });
  try {
    const signedIn = await signInWithOidc(context.guilde, {
      callback: new URL(request.url).searchParams,
      cookieHeader: request.headers.get("Cookie"),
    });
    headers.append("Set-Cookie", signedIn.cookie.serialized);
    return redirect(signedIn.siteMissing ? noticeHref("/settings", "chooseSite") : safeRedirectPath(signedIn.redirectTo), { headers });
  } catch (error) {
    return oidcFailure(error, headers);
  }
}

export default function OidcCallback() {
  const { failure } = useLoaderData<typeof loader>();
  return <SignInFailurePage failure={failure} />;
}
