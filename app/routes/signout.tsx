import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { signOut } from "../../server/auth/sign-out";

export async function loader() {
  return redirect("/");
}

/** POST only: a link or an image cannot sign anyone out. */
export async function action({ context }: ActionFunctionArgs) {
  const cookie = await signOut(context.guilde, { sessionId: context.sessionId });
  return redirect("/", { headers: { "Set-Cookie": cookie.serialized } });
}
