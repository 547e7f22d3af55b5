import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { posts, questionRoutingRecipients } from "../../db/schema";
import type { Guilde } from "../context";
import { NotFound } from "../errors";
import { decodeCursor, toPage, type Page } from "../pagination";
import type { Viewer } from "../policy";
import { summaryQuery, toSummary, type QuestionSummary } from "../questions/list-questions";
import { unansweredFor } from "./unanswered-for";

/** "Unanswered for me": the questions routed to the viewer, newest first, a page at a time. */
export async function listUnansweredForMe(
  guilde: Guilde,
  { viewer, cursor, limit = 20 }: { viewer: Viewer; cursor?: string | null; limit?: number },
): Promise<Page<QuestionSummary & { routedAt: Date }>> {
  if (!viewer) throw new NotFound();
  const after = decodeCursor(cursor);
  // The page's keys first (the index walks them), then the summaries of those questions only.
  const routed = await guilde.db
    .select({ questionId: questionRoutingRecipients.questionId, routedAt: questionRoutingRecipients.sentAt })
    .from(questionRoutingRecipients)
    .innerJoin(posts, eq(posts.id, questionRoutingRecipients.questionId))
    .where(
      and(
        unansweredFor(viewer),
        after ? sql`(${questionRoutingRecipients.sentAt}, ${questionRoutingRecipients.questionId}) < (${after[0]}::timestamptz, ${after[1]})` : undefined,
      ),
    )
    .orderBy(desc(questionRoutingRecipients.sentAt), desc(questionRoutingRecipients.questionId))
    .limit(limit + 1);
  const summaries =
    routed.length === 0 ? [] : await summaryQuery(guilde.db).where(inArray(posts.id, routed.map((row) => row.questionId)));
  const summaryOf = new Map(summaries.map((row) => [row.id, toSummary(row)]));
  return toPage(
    routed.filter((row) => summaryOf.has(row.questionId)),
    limit,
    (row) => [row.routedAt.toISOString(), row.questionId],
    (row) => ({ ...summaryOf.get(row.questionId)!, routedAt: row.routedAt }),
  );
}
