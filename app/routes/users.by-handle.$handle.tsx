import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { handleLoad, requireUser } from "../../server/http/respond";
import { findUserByHandle } from "../../server/people/find-by-handle";

/** @mentions link here (see server/content/markdown.ts): on to the profile of the person with that handle. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const { id } = await handleLoad(() => findUserByHandle(context.guilde, { viewer, handle: params.handle ?? "" }));
  return redirect(`/users/${id}`);
}
