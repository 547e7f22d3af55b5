import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { startOidcSignIn } from "../../server/auth/sign-in-with-oidc";
import { oidcFailure } from "../../server/http/oidc-failure";
import { safeRedirectPath } from "../../server/http/respond";
import { SignInFailurePage } from "~/components/sign-in-failure";

export const meta: MetaFunction = () => [{ title: "Guilde" }];

/** Leaves for the company's identity provider. A link, not a form: a form's redirect to another origin breaks its CSP form-action. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirectPath(url.searchParams.get("redirectTo"));
  if (context.user) throw redirect(redirectTo);
  try {
    const { authorizationUrl, cookie } = await startOidcSignIn(context.guilde, { origin: url.origin, redirectTo });
    return redirect(authorizationUrl, { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    return oidcFailure(error);
  }
}

export default function StartOidcSignIn() {
  const { failure } = useLoaderData<typeof loader>();
  return <SignInFailurePage failure={failure} />;
}
