import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Database } from "../../db/client";
import { posts, replies, users, votes } from "../../db/schema";

/**
 * The one definition of "people helped" (docs/decisions/018-peer-recognition.md): the distinct askers of
 * the questions where the helper's answer was accepted or upvoted, the helper excluded. Only published
 * content counts (neither the question nor the answer deleted or hidden). `communityIds` (a subquery of
 * community ids) narrows it to what a viewer may read; without it, every community counts.
 *
 * Returns a subquery of user ids, for `users.id in (…)`. It walks the helper's answers (replies_author_idx),
 * their questions by primary key and each answer's votes (votes_target_idx): bounded by the helper's own answers.
 */
export function helpedAskerIds(helperId: string | SQL, communityIds?: SQL): SQL {
  return sql`(select ${posts.authorId} from ${replies}
    join ${posts} on ${posts.id} = ${replies.postId}
    where ${replies.authorId} = ${helperId} and ${replies.kind} = 'answer' and ${replies.deletedAt} is null and ${replies.hiddenAt} is null
      and ${posts.kind} = 'question' and ${posts.deletedAt} is null and ${posts.hiddenAt} is null
      and ${posts.authorId} <> ${helperId}
      ${communityIds ? sql`and ${posts.communityId} in ${communityIds}` : sql``}
      and ${answerHelped({ answerId: replies.id, acceptedAnswerId: posts.acceptedAnswerId })})`;
}

/** The answer helped its asker: it was accepted, or someone upvoted it. Shared with the analytics' monitors' reach. */
export function answerHelped({ answerId, acceptedAnswerId }: { answerId: SQLWrapper; acceptedAnswerId: SQLWrapper }): SQL {
  return sql`(${acceptedAnswerId} = ${answerId} or exists (select 1 from ${votes} where ${votes.targetId} = ${answerId} and ${votes.value} > 0))`;
}

/** How many people the helper helped (see `helpedAskerIds`), and at how many sites (the people's own). */
export function peopleAndSitesHelped(helperId: string | SQL, communityIds?: SQL): { people: SQL<number>; sites: SQL<number> } {
  const helped = sql`(select ${users.id}, ${users.siteId} from ${users} where ${users.id} in ${helpedAskerIds(helperId, communityIds)}) as helped`;
  return {
    people: sql<number>`(select count(*)::int from ${helped})`,
    sites: sql<number>`(select count(distinct helped.site_id)::int from ${helped})`,
  };
}

export async function peopleHelped(db: Database, { helperId, communityIds }: { helperId: string; communityIds?: SQL }): Promise<{ people: number; sites: number }> {
  const { people, sites } = peopleAndSitesHelped(helperId, communityIds);
  const [row] = await db.select({ people, sites }).from(sql`(select 1) as one`);
  return row;
}
