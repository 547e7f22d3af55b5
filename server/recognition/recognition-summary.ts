import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { kudos, posts, replies, sites, tutorials, users, votes } from "../../db/schema";
import type { Guilde } from "../context";
import { NotFound } from "../errors";
import { can, type Viewer } from "../policy";
import { listablePosts, listableReplies, readableCommunityIds, visibleKudos } from "../policy/scopes";
import { peopleAndSitesHelped } from "./people-helped";

/** The formula (docs/decisions/018-peer-recognition.md): shown on profiles, never used to decide who may do what. */
export const reputationPoints = { answerUpvote: 10, questionUpvote: 5, acceptedAnswer: 15, kudosReceived: 5, downvote: -2 } as const;

export interface RecognitionSummary {
  reputation: number;
  peopleHelped: number;
  sitesHelped: number;
  acceptedAnswers: number;
  tutorials: number;
  kudosReceived: number;
  latestKudos: ReceivedKudos[];
}

export interface ReceivedKudos {
  id: string;
  note: string;
  createdAt: Date;
  giver: { id: string; displayName: string; siteName: string | null };
  /** What it thanks: an answer (on its question), a tutorial, or the person themselves. */
  about: { kind: "answer"; questionId: string; answerId: string; title: string } | { kind: "tutorial"; tutorialId: string; title: string } | { kind: "person" };
}

const latestKudosShown = 5;

/**
 * A person's recognition as the viewer may see it: every figure counts only content the viewer may read
 * (so a customer learns nothing of internal communities from a number), in two statements.
 */
export async function recognitionSummary(
  guilde: Guilde,
  { viewer, profile }: { viewer: Viewer; profile: { id: string; role: "admin" | "employee" | "customer" } },
): Promise<RecognitionSummary> {
  if (!can(viewer, { action: "profile.view", profile })) throw new NotFound();
  const personId = profile.id;
  const readable = readableCommunityIds(viewer);
  const helped = peopleAndSitesHelped(personId, readable);
  const giverSites = alias(sites, "giver_sites");
  const [[figures], latest] = await Promise.all([
    guilde.db
      .select({
        answerVotes: qualified<{ up: number; down: number }>(sql`(select json_build_object('up', count(*) filter (where ${votes.value} > 0), 'down', count(*) filter (where ${votes.value} < 0))
          from ${replies} join ${posts} on ${posts.id} = ${replies.postId} join ${votes} on ${votes.targetId} = ${replies.id}
          where ${replies.authorId} = ${personId} and ${replies.kind} = 'answer' and ${listableReplies()} and ${listablePosts(viewer)})`),
        questionVotes: qualified<{ up: number; down: number }>(sql`(select json_build_object('up', count(*) filter (where ${votes.value} > 0), 'down', count(*) filter (where ${votes.value} < 0))
          from ${posts} join ${votes} on ${votes.targetId} = ${posts.id}
          where ${posts.authorId} = ${personId} and ${posts.kind} = 'question' and ${listablePosts(viewer)})`),
        accepted: qualified<{ all: number; ofOthers: number }>(sql`(select json_build_object('all', count(*), 'ofOthers', count(*) filter (where ${posts.authorId} <> ${personId}))
          from ${replies} join ${posts} on ${posts.id} = ${replies.postId} and ${posts.acceptedAnswerId} = ${replies.id}
          where ${replies.authorId} = ${personId} and ${replies.kind} = 'answer' and ${listableReplies()} and ${listablePosts(viewer)})`),
        tutorials: qualified<number>(sql`(select count(*)::int from ${posts} join ${tutorials} on ${tutorials.postId} = ${posts.id}
          where ${posts.authorId} = ${personId} and ${posts.kind} = 'tutorial' and ${tutorials.publishedAt} is not null and ${listablePosts(viewer)})`),
        kudosReceived: qualified<number>(sql`(select count(*)::int from ${kudos} where ${kudos.receiverId} = ${personId} and ${visibleKudos(viewer)})`),
        peopleHelped: helped.people,
        sitesHelped: helped.sites,
      })
      .from(sql`(select 1) as one`),
    guilde.db
      .select({
        kudos,
        giverName: users.displayName,
        giverSite: giverSites.name,
        postKind: posts.kind,
        postTitle: posts.title,
      })
      .from(kudos)
      .innerJoin(users, eq(users.id, kudos.giverId))
      .leftJoin(giverSites, eq(giverSites.id, users.siteId))
      .leftJoin(posts, eq(posts.id, kudos.postId))
      .where(and(eq(kudos.receiverId, personId), visibleKudos(viewer)))
      .orderBy(desc(kudos.createdAt), desc(kudos.id))
      .limit(latestKudosShown),
  ]);
  const answerVotes = countsOf(figures.answerVotes, ["up", "down"]);
  const questionVotes = countsOf(figures.questionVotes, ["up", "down"]);
  const accepted = countsOf(figures.accepted, ["all", "ofOthers"]);
  const points = reputationPoints;
  const reputation = Math.max(
    0,
    answerVotes.up * points.answerUpvote +
      questionVotes.up * points.questionUpvote +
      (answerVotes.down + questionVotes.down) * points.downvote +
      accepted.ofOthers * points.acceptedAnswer +
      figures.kudosReceived * points.kudosReceived,
  );
  return {
    reputation,
    peopleHelped: figures.peopleHelped,
    sitesHelped: figures.sitesHelped,
    acceptedAnswers: accepted.all,
    tutorials: figures.tutorials,
    kudosReceived: figures.kudosReceived,
    latestKudos: latest.map((row) => ({
      id: row.kudos.id,
      note: row.kudos.note,
      createdAt: row.kudos.createdAt,
      giver: { id: row.kudos.giverId, displayName: row.giverName, siteName: row.giverSite },
      about: aboutOf(row.kudos, row.postKind, row.postTitle),
    })),
  };
}

function aboutOf(row: typeof kudos.$inferSelect, postKind: string | null, title: string | null): ReceivedKudos["about"] {
  if (row.replyId && row.postId) return { kind: "answer", questionId: row.postId, answerId: row.replyId, title: title ?? "" };
  if (row.postId && postKind === "tutorial") return { kind: "tutorial", tutorialId: row.postId, title: title ?? "" };
  return { kind: "person" };
}

/** A select field's own columns render unqualified; nested in another fragment they keep their tables, which the joins need. */
const qualified = <Value>(fragment: SQL): SQL<Value> => sql<Value>`${fragment}`;

/** json_build_object's counts arrive as numbers on PostgreSQL and PGlite alike; a missing row is zero. */
function countsOf<Key extends string>(value: Record<Key, number> | null, keys: Key[]): Record<Key, number> {
  return Object.fromEntries(keys.map((key) => [key, Number(value?.[key] ?? 0)])) as Record<Key, number>;
}
