import { and, eq, isNull, type SQL } from "drizzle-orm";
import { posts, questionRoutingRecipients } from "../../db/schema";
import type { SignedInViewer } from "../policy";
import { listablePosts } from "../policy/scopes";

/**
 * On `posts` joined with the viewer's `question_routing_recipients` rows: questions routed to them
 * that they did not decline and that still wait for a first answer.
 */
export function unansweredFor(viewer: SignedInViewer): SQL {
  return and(
    eq(questionRoutingRecipients.userId, viewer.id),
    isNull(questionRoutingRecipients.declinedAt),
    eq(posts.kind, "question"),
    eq(posts.answerCount, 0),
    isNull(posts.closedAt),
    listablePosts(viewer),
  )!;
}
