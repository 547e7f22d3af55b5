/**
 * Every operation of the API, once: its route, the scope it needs, its schemas (for the router's
 * validation and the OpenAPI document) and the service it calls with the token's owner as viewer.
 * The services apply the same policy as the pages, so a token never sees more than its owner.
 */
import type { z } from "zod";
import { getCommunity } from "../communities/get-community";
import { listCommunities } from "../communities/list-communities";
import type { Guilde } from "../context";
import { NotFound } from "../errors";
import { commentOnIdea } from "../ideas/comment-on-idea";
import { getIdea } from "../ideas/get-idea";
import { communityIdeasPage, listAllIdeas, type IdeaSummary } from "../ideas/list-ideas";
import { voteOnIdea } from "../ideas/vote-on-idea";
import { getProfile } from "../people/get-profile";
import type { SignedInViewer } from "../policy";
import { answerQuestion } from "../questions/answer-question";
import { askQuestion } from "../questions/ask-question";
import { comment } from "../questions/comment";
import { getQuestion, type ThreadReply } from "../questions/get-question";
import { listQuestionsBySlug, type QuestionSummary } from "../questions/list-questions";
import { vote } from "../questions/vote";
import { searchContent, type SearchInput } from "../search/search-content";
import { commentOnTutorial } from "../tutorials/comment-on-tutorial";
import { getTutorial } from "../tutorials/get-tutorial";
import { communityTutorialsPage, type TutorialSummary } from "../tutorials/list-tutorials";
import { parseInput } from "../validation";
import type { ApiTokenScope } from "../../db/schema";
import {
  answerBodySchema,
  askQuestionBodySchema,
  commentBodySchema,
  communityDetailSchema,
  communityPageSchema,
  createdQuestionSchema,
  createdReplySchema,
  idParams,
  ideaListQuerySchema,
  ideaPageSchema,
  ideaSchema,
  ideaVoteBodySchema,
  ideaVoteResultSchema,
  pageQuerySchema,
  postCommentBodySchema,
  questionListQuerySchema,
  questionPageSchema,
  questionThreadSchema,
  searchQuerySchema,
  searchResultsSchema,
  slugParams,
  tutorialPageSchema,
  tutorialSchema,
  userSchema,
  voteBodySchema,
  voteResultSchema,
} from "./schemas";

type AnyObject = z.ZodObject;

export interface ApiRequest<Params extends AnyObject, Query extends AnyObject> {
  viewer: SignedInViewer;
  params: z.output<Params>;
  query: z.output<Query>;
  /** The JSON body as sent (an object, or empty): the service validates it with its own schema. */
  body: Record<string, unknown>;
}

export interface ApiOperation {
  operationId: string;
  method: "get" | "post";
  /** OpenAPI style: `/communities/{slug}`. */
  path: string;
  summary: string;
  tag: string;
  scope: ApiTokenScope;
  params: AnyObject | null;
  query: AnyObject | null;
  body: z.ZodType | null;
  response: z.ZodType;
  status: 200 | 201;
  run(guilde: Guilde, request: { viewer: SignedInViewer; params: unknown; query: unknown; body: Record<string, unknown> }): Promise<unknown>;
}

function operation<Params extends AnyObject, Query extends AnyObject>(definition: {
  operationId: string;
  method: "get" | "post";
  path: string;
  summary: string;
  tag: string;
  params?: Params;
  query?: Query;
  body?: z.ZodType;
  response: z.ZodType;
  run(guilde: Guilde, request: ApiRequest<Params, Query>): Promise<unknown>;
}): ApiOperation {
  const write = definition.method !== "get";
  return {
    ...definition,
    scope: write ? "write" : "read",
    status: write ? 201 : 200,
    params: definition.params ?? null,
    query: definition.query ?? null,
    body: definition.body ?? null,
    run: (guilde, request) =>
      definition.run(guilde, {
        viewer: request.viewer,
        params: (definition.params ? parseInput(definition.params, request.params) : {}) as z.output<Params>,
        query: (definition.query ? parseInput(definition.query, request.query) : {}) as z.output<Query>,
        body: request.body,
      }),
  };
}

const questionSummary = (question: QuestionSummary) => ({
  ...question,
  createdAt: question.createdAt.toISOString(),
  lastActivityAt: question.lastActivityAt.toISOString(),
});

const replyOut = (reply: ThreadReply) => ({
  id: reply.id,
  body: reply.body,
  bodyHtml: reply.bodyHtml,
  score: reply.score,
  createdAt: reply.createdAt.toISOString(),
  editedAt: reply.editedAt?.toISOString() ?? null,
  author: { id: reply.author.id, displayName: reply.author.displayName, role: reply.author.role, siteName: reply.author.siteName },
});

const tutorialSummary = (tutorial: TutorialSummary) => ({ ...tutorial, publishedAt: tutorial.publishedAt?.toISOString() ?? null });

const ideaSummary = (idea: IdeaSummary) => ({ ...idea, createdAt: idea.createdAt.toISOString() });

interface PostCommentRow {
  id: string;
  bodyHtml: string;
  createdAt: Date;
  held: boolean;
  hidden: boolean;
  author: { id: string; displayName: string; role: "admin" | "employee" | "customer"; siteName: string | null };
}

const postCommentOut = (row: PostCommentRow) => ({
  id: row.id,
  bodyHtml: row.bodyHtml,
  createdAt: row.createdAt.toISOString(),
  held: row.held,
  hidden: row.hidden,
  author: { id: row.author.id, displayName: row.author.displayName, role: row.author.role, siteName: row.author.siteName },
});

/** A merged idea's page sends readers to the idea it was merged into; the API answers with that idea. */
const maxMergeHops = 5;

const userOut = (profile: Awaited<ReturnType<typeof getProfile>>) => ({
  id: profile.id,
  displayName: profile.displayName,
  role: profile.role,
  site: profile.site,
  communities: profile.communities.map(({ slug, name, role }) => ({ slug, name, role })),
  details: profile.details ? { title: profile.details.title, bio: profile.details.bio } : null,
});

const plainText = (segments: { text: string }[]) => segments.map((segment) => segment.text).join("");

export const apiOperations: ApiOperation[] = [
  operation({
    operationId: "listCommunities",
    method: "get",
    path: "/communities",
    summary: "The communities the token's owner may know of, by name",
    tag: "Communities",
    query: pageQuerySchema,
    response: communityPageSchema,
    run: (guilde, { viewer, query }) => listCommunities(guilde, { viewer, cursor: query.cursor, limit: query.limit }),
  }),
  operation({
    operationId: "getCommunity",
    method: "get",
    path: "/communities/{slug}",
    summary: "A community: what it is, its monitors, and what the token's owner may do there",
    tag: "Communities",
    params: slugParams,
    response: communityDetailSchema,
    run: async (guilde, { viewer, params }) => {
      const { community, may, counts, monitors } = await getCommunity(guilde, { viewer, slug: params.slug });
      return {
        community: {
          id: community.id,
          slug: community.slug,
          name: community.name,
          description: community.description,
          themes: community.themes,
          color: community.color,
          visibility: community.visibility,
          archived: community.archivedAt !== null,
          createdAt: community.createdAt.toISOString(),
        },
        may: { read: may.read, post: may.post, join: may.join },
        counts,
        monitors: monitors.map(({ id, displayName, siteName, topics }) => ({ id, displayName, siteName, topics })),
      };
    },
  }),
  operation({
    operationId: "listCommunityQuestions",
    method: "get",
    path: "/communities/{slug}/questions",
    summary: "A community's questions, newest (or by tab) first, a page at a time",
    tag: "Questions",
    params: slugParams,
    query: questionListQuerySchema,
    response: questionPageSchema,
    run: async (guilde, { viewer, params, query }) => {
      const page = await listQuestionsBySlug(guilde, { viewer, slug: params.slug, tab: query.tab, cursor: query.cursor, limit: query.limit });
      return { items: page.items.map(questionSummary), nextCursor: page.nextCursor };
    },
  }),
  operation({
    operationId: "getQuestion",
    method: "get",
    path: "/questions/{id}",
    summary: "A question with its answers and comments",
    tag: "Questions",
    params: idParams,
    response: questionThreadSchema,
    run: async (guilde, { viewer, params }) => {
      const thread = await getQuestion(guilde, { viewer, questionId: params.id });
      const { question } = thread;
      return {
        question: {
          id: question.id,
          title: question.title,
          body: question.body,
          bodyHtml: question.bodyHtml,
          tags: question.tags,
          score: question.score,
          answerCount: question.answerCount,
          solved: question.solved,
          closed: question.closedAt !== null,
          createdAt: question.createdAt.toISOString(),
          editedAt: question.editedAt?.toISOString() ?? null,
          author: question.author
            ? { id: question.author.id, displayName: question.author.displayName, role: question.author.role, siteName: question.author.siteName }
            : null,
          myVote: question.myVote,
          comments: question.comments.map(replyOut),
        },
        community: { slug: thread.community.slug, name: thread.community.name },
        answers: thread.answers.map((answer) => ({
          ...replyOut(answer),
          accepted: answer.accepted,
          crossSite: answer.crossSite,
          myVote: answer.myVote,
          comments: answer.comments.map(replyOut),
        })),
        may: { answer: thread.may.answer, comment: thread.may.comment, vote: thread.may.vote },
      };
    },
  }),
  operation({
    operationId: "askQuestion",
    method: "post",
    path: "/communities/{slug}/questions",
    summary: "Asks a question in a community",
    tag: "Questions",
    params: slugParams,
    body: askQuestionBodySchema,
    response: createdQuestionSchema,
    run: async (guilde, { viewer, params, body }) => {
      const { community } = await getCommunity(guilde, { viewer, slug: params.slug });
      const { questionId, held } = await askQuestion(guilde, { viewer, communityId: community.id, input: body });
      return { id: questionId, held };
    },
  }),
  operation({
    operationId: "answerQuestion",
    method: "post",
    path: "/questions/{id}/answers",
    summary: "Answers a question",
    tag: "Questions",
    params: idParams,
    body: answerBodySchema,
    response: createdReplySchema,
    run: async (guilde, { viewer, params, body }) => {
      const { answerId, held } = await answerQuestion(guilde, { viewer, questionId: params.id, input: body });
      return { id: answerId, held };
    },
  }),
  operation({
    operationId: "commentOnQuestion",
    method: "post",
    path: "/questions/{id}/comments",
    summary: "Comments on a question, or on one of its answers",
    tag: "Questions",
    params: idParams,
    body: commentBodySchema,
    response: createdReplySchema,
    run: async (guilde, { viewer, params, body }) => {
      const answerId = typeof body.answerId === "string" ? body.answerId : null;
      const { commentId, held } = await comment(guilde, { viewer, questionId: params.id, answerId, input: body });
      return { id: commentId, held };
    },
  }),
  operation({
    operationId: "vote",
    method: "post",
    path: "/votes",
    summary: "Votes on a question or an answer: 1 up, -1 down, 0 withdraws the vote",
    tag: "Questions",
    body: voteBodySchema,
    response: voteResultSchema,
    run: async (guilde, { viewer, body }) => {
      const { targetId } = parseInput(voteBodySchema.pick({ targetId: true }), body);
      return vote(guilde, { viewer, targetId, input: body });
    },
  }),
  operation({
    operationId: "search",
    method: "get",
    path: "/search",
    summary: "Searches everything the token's owner may read",
    tag: "Search",
    query: searchQuerySchema,
    response: searchResultsSchema,
    run: async (guilde, { viewer, query }) => {
      const found = await searchContent(guilde, { viewer, input: query as SearchInput });
      return {
        query: found.query,
        page: found.page,
        lastPage: found.lastPage,
        total: found.total,
        more: found.more,
        notices: found.notices,
        results: found.results.map((result) => ({
          id: result.sourceId,
          kind: result.kind,
          path: result.href,
          title: plainText(result.title),
          snippet: plainText(result.snippet),
          community: result.community ? { slug: result.community.slug, name: result.community.name } : null,
          site: result.site,
          tags: result.tags,
          createdAt: result.createdAt,
        })),
      };
    },
  }),
  operation({
    operationId: "getUser",
    method: "get",
    path: "/users/{id}",
    summary: "A person's profile, as the token's owner may see it",
    tag: "People",
    params: idParams,
    response: userSchema,
    run: async (guilde, { viewer, params }) => userOut(await getProfile(guilde, { viewer, userId: params.id })),
  }),
  operation({
    operationId: "listCommunityTutorials",
    method: "get",
    path: "/communities/{slug}/tutorials",
    summary: "A community's published tutorials, newest first, a page at a time",
    tag: "Tutorials",
    params: slugParams,
    query: pageQuerySchema,
    response: tutorialPageSchema,
    run: async (guilde, { viewer, params, query }) => {
      const tab = await communityTutorialsPage(guilde, { viewer, slug: params.slug, cursor: query.cursor, limit: query.limit });
      // A community one may know of but not read shows its door on the page; through the API there is nothing to list.
      if (!tab.readable) throw new NotFound();
      return { items: tab.page.items.map(tutorialSummary), nextCursor: tab.page.nextCursor };
    },
  }),
  operation({
    operationId: "getTutorial",
    method: "get",
    path: "/tutorials/{id}",
    summary: "A tutorial with its comments",
    tag: "Tutorials",
    params: idParams,
    response: tutorialSchema,
    run: async (guilde, { viewer, params }) => {
      const { tutorial, community, comments, may } = await getTutorial(guilde, { viewer, tutorialId: params.id });
      return {
        tutorial: {
          id: tutorial.id,
          title: tutorial.title,
          summary: tutorial.summary,
          bodyHtml: tutorial.bodyHtml,
          tags: tutorial.tags,
          difficulty: tutorial.difficulty,
          minutes: tutorial.minutes,
          video: tutorial.video ? { kind: tutorial.video.kind, url: tutorial.video.kind === "link" ? tutorial.video.url : tutorial.video.src } : null,
          draft: tutorial.draft,
          publishedAt: tutorial.publishedAt?.toISOString() ?? null,
          createdAt: tutorial.createdAt.toISOString(),
          editedAt: tutorial.editedAt?.toISOString() ?? null,
          helpedCount: tutorial.helpedCount,
          helpedByMe: tutorial.helpedByMe,
          author: tutorial.author
            ? { id: tutorial.author.id, displayName: tutorial.author.displayName, role: tutorial.author.role, siteName: tutorial.author.siteName }
            : null,
        },
        community: { slug: community.slug, name: community.name },
        comments: comments.filter((row) => !row.deleted).map(postCommentOut),
        may: { comment: may.comment, helped: may.helped },
      };
    },
  }),
  operation({
    operationId: "commentOnTutorial",
    method: "post",
    path: "/tutorials/{id}/comments",
    summary: "Comments on a tutorial",
    tag: "Tutorials",
    params: idParams,
    body: postCommentBodySchema,
    response: createdReplySchema,
    run: async (guilde, { viewer, params, body }) => {
      const { commentId, held } = await commentOnTutorial(guilde, { viewer, tutorialId: params.id, input: body });
      return { id: commentId, held };
    },
  }),
  operation({
    operationId: "listIdeas",
    method: "get",
    path: "/ideas",
    summary: "Ideas across every community the token's owner may read, by tab, a page at a time",
    tag: "Ideas",
    query: ideaListQuerySchema,
    response: ideaPageSchema,
    run: async (guilde, { viewer, query }) => {
      const page = await listAllIdeas(guilde, { viewer, tab: query.tab, status: query.status ?? null, cursor: query.cursor, limit: query.limit });
      return { items: page.items.map(ideaSummary), nextCursor: page.nextCursor };
    },
  }),
  operation({
    operationId: "listCommunityIdeas",
    method: "get",
    path: "/communities/{slug}/ideas",
    summary: "A community's ideas, by tab, a page at a time",
    tag: "Ideas",
    params: slugParams,
    query: ideaListQuerySchema,
    response: ideaPageSchema,
    run: async (guilde, { viewer, params, query }) => {
      const tab = await communityIdeasPage(guilde, { viewer, slug: params.slug, tab: query.tab, status: query.status ?? null, cursor: query.cursor, limit: query.limit });
      if (!tab.readable) throw new NotFound();
      return { items: tab.page.items.map(ideaSummary), nextCursor: tab.page.nextCursor };
    },
  }),
  operation({
    operationId: "getIdea",
    method: "get",
    path: "/ideas/{id}",
    summary: "An idea with its comments and status timeline (a merged idea answers with the idea it was merged into)",
    tag: "Ideas",
    params: idParams,
    response: ideaSchema,
    run: async (guilde, { viewer, params }) => {
      let found = await getIdea(guilde, { viewer, ideaId: params.id });
      for (let hop = 0; "mergedInto" in found && found.mergedInto && hop < maxMergeHops; hop++) found = await getIdea(guilde, { viewer, ideaId: found.mergedInto });
      if ("mergedInto" in found) throw new NotFound();
      const { idea, community, comments, timeline, may } = found;
      return {
        idea: {
          id: idea.id,
          title: idea.title,
          problemHtml: idea.problemHtml,
          proposalHtml: idea.proposalHtml,
          benefitHtml: idea.benefitHtml,
          tags: idea.tags,
          status: idea.status,
          voteCount: idea.voteCount,
          createdAt: idea.createdAt.toISOString(),
          author: idea.author ? { id: idea.author.id, displayName: idea.author.displayName, role: idea.author.role, siteName: idea.author.siteName } : null,
          voted: idea.voted,
        },
        community: { slug: community.slug, name: community.name },
        comments: comments.map(postCommentOut),
        timeline: timeline.map(({ fromStatus, toStatus, note, createdAt }) => ({ fromStatus, toStatus, note, createdAt: createdAt.toISOString() })),
        may: { vote: may.vote, comment: may.comment },
      };
    },
  }),
  operation({
    operationId: "voteOnIdea",
    method: "post",
    path: "/ideas/{id}/votes",
    summary: "Votes for an idea (true), or withdraws the vote (false)",
    tag: "Ideas",
    params: idParams,
    body: ideaVoteBodySchema,
    response: ideaVoteResultSchema,
    run: (guilde, { viewer, params, body }) => voteOnIdea(guilde, { viewer, ideaId: params.id, input: body }),
  }),
  operation({
    operationId: "commentOnIdea",
    method: "post",
    path: "/ideas/{id}/comments",
    summary: "Comments on an idea",
    tag: "Ideas",
    params: idParams,
    body: postCommentBodySchema,
    response: createdReplySchema,
    run: async (guilde, { viewer, params, body }) => {
      const { commentId, held } = await commentOnIdea(guilde, { viewer, ideaId: params.id, input: body });
      return { id: commentId, held };
    },
  }),
  operation({
    operationId: "getMe",
    method: "get",
    path: "/me",
    summary: "The token's owner, as their profile shows them",
    tag: "People",
    response: userSchema,
    run: async (guilde, { viewer }) => userOut(await getProfile(guilde, { viewer, userId: viewer.id })),
  }),
];
