import { sql, type SQL } from "drizzle-orm";
import { communityMembers, expertiseAnswers } from "../../db/schema";

/** Past this many accepted or upvoted answers on a question's tags, more say nothing new about a monitor. */
const answersCounted = 20;

export const textArray = (values: readonly string[]) => sql`${sql.param([...values])}::text[]`;

/**
 * How well a member's expertise in their community matches a question's tags, as SQL on a
 * `community_members` row: 0 for not at all, otherwise larger for a closer match. Expertise is the tags
 * they declared as monitor (worth more than one answer: they chose them) plus the tags of the questions
 * of that community where an answer of theirs was accepted or upvoted (net score above zero), which the
 * database keeps in `expertise_answers` so that a rare tag does not walk a monitor's whole history.
 */
export function expertiseMatch(tags: readonly string[]): SQL<number> {
  if (tags.length === 0) return sql<number>`0::int`;
  const questionTags = textArray(tags);
  return sql<number>`(
    (case when ${communityMembers.monitorTopics} && ${questionTags} then ${answersCounted + 1} else 0 end)
    + (select count(*)::int from (
        select 1 from ${expertiseAnswers}
        where ${expertiseAnswers.communityId} = ${communityMembers.communityId} and ${expertiseAnswers.authorId} = ${communityMembers.userId}
          and ${expertiseAnswers.tags} && ${questionTags}
        limit ${answersCounted}) as matching_answers)
  )`;
}
