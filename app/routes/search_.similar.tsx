import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../../server/http/respond";
import { findSimilarQuestions } from "../../server/search/find-similar-questions";

/** GET /search/similar?title=…: the ask page's fetcher asks here while a title is being typed. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requireUser(request, context.user);
  const title = new URL(request.url).searchParams.get("title") ?? "";
  const questions = await findSimilarQuestions(context.guilde, { viewer, title });
  return Response.json({ questions }, { headers: { "Cache-Control": "private, no-store" } });
}
