import { sql, type SQL } from "drizzle-orm";
import { communityMembers, posts, replies } from "../../db/schema";

/** Past this many accepted or upvoted answers on a question's tags, more say nothing new about a monitor. */
const answersCounted = 20;

export const textArray = (values: readonly string[]) => sql`${sql.param([...values])}::text[]`;

/**
 * How well a member's expertise in their community matches a question's tags, as SQL on a
 * `community_members` row: 0 for not at all, otherwise larger for a closer match. Expertise is the tags
 * they declared as monitor (worth more than one answer: they chose them) plus the tags of the questions
 * of that community where an answer of theirs was accepted or upvoted (net score above zero).
 */
export function expertiseMatch(tags: readonly string[]): SQL<number> {
  if (tags.length === 0) return sql<number>`0::int`;
  const questionTags = textArray(tags);
  return sql<number>`(
    (case when ${communityMembers.monitorTopics} && ${questionTags} then ${answersCounted + 1} else 0 end)
    + (select count(*)::int from (
        select 1 from ${replies} as answered
        inner join ${posts} as answered_question on answered_question.id = answered.post_id
        where answered.author_id = ${communityMembers.userId} and answered.kind = 'answer'
          and answered.deleted_at is null and answered.hidden_at is null
          and (answered.score > 0 or answered_question.accepted_answer_id = answered.id)
          and answered_question.community_id = ${communityMembers.communityId}
          and answered_question.deleted_at is null
          and answered_question.tags && ${questionTags}
        limit ${answersCounted}) as matching_answers)
  )`;
}
