/**
 * What the API's operations take and return, as zod schemas: the OpenAPI document is generated from
 * them (server/api/openapi.ts) and the contract tests check responses against them. Inputs reuse the
 * services' own schemas, so that the API validates exactly as the forms do.
 */
import "zod-openapi";
import { z } from "zod";
import { answerSchema, commentSchema, questionSchema, voteSchema } from "../questions/schemas";
import { ideaTabs } from "../ideas/list-ideas";
import { ideaStatuses, ideaVoteSchema } from "../ideas/schemas";
import { questionTabs } from "../questions/list-questions";
import { resultKinds } from "../search/documents";
import { searchSorts } from "../search/search-index";

const timestamp = z.iso.datetime().meta({ description: "UTC, ISO 8601" });
const id = z.string().max(200);
const role = z.enum(["admin", "employee", "customer"]);
/** Who posted a question or an idea, from which site, in which community: the same in every list. */
const postAuthor = z.object({ id, displayName: z.string(), role });
const postSite = z.object({ name: z.string(), city: z.string() }).nullable();
const postCommunity = z.object({ slug: z.string(), name: z.string(), color: z.string() });

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "unauthorized, token_revoked, account_blocked, insufficient_scope, not_found, forbidden, invalid, invalid_json, conflict, rate_limited…" }),
      message: z.string(),
      fields: z.record(z.string(), z.array(z.object({ code: z.string(), message: z.string() }))).meta({ description: "Per field, what is wrong with it (empty unless code is invalid or conflict)" }),
    }),
  })
  .meta({ id: "Error" });

const page = <Item extends z.ZodType>(item: Item) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page" }),
  });

export const pageQuerySchema = z.object({
  cursor: z.string().max(200, "errors.tooLong").optional().meta({ description: "The previous page's nextCursor" }),
  limit: z.coerce.number("errors.invalidLimit").int("errors.invalidLimit").min(1, "errors.invalidLimit").max(100, "errors.invalidLimit").default(20),
});

export const communitySchema = z
  .object({
    id,
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    themes: z.array(z.string()),
    color: z.string(),
    visibility: z.enum(["internal", "private", "open"]),
    archived: z.boolean(),
    memberCount: z.number().int(),
    questionCount: z.number().int().nullable().meta({ description: "Null where the token's owner may not read the community" }),
    myRole: z.enum(["member", "monitor", "moderator"]).nullable(),
    myStatus: z.enum(["active", "pending"]).nullable(),
  })
  .meta({ id: "Community" });
export const communityPageSchema = page(communitySchema).meta({ id: "CommunityPage" });

export const communityDetailSchema = z
  .object({
    community: z.object({
      id,
      slug: z.string(),
      name: z.string(),
      description: z.string(),
      themes: z.array(z.string()),
      color: z.string(),
      visibility: z.enum(["internal", "private", "open"]),
      archived: z.boolean(),
      createdAt: timestamp,
    }),
    may: z.object({ read: z.boolean(), post: z.boolean(), join: z.boolean() }),
    counts: z.object({ members: z.number().int(), questions: z.number().int(), unanswered: z.number().int(), solved: z.number().int() }).nullable(),
    monitors: z.array(z.object({ id, displayName: z.string(), siteName: z.string().nullable(), topics: z.array(z.string()) })),
  })
  .meta({ id: "CommunityDetail" });

export const questionSummarySchema = z
  .object({
    id,
    title: z.string(),
    tags: z.array(z.string()),
    score: z.number().int(),
    answerCount: z.number().int(),
    solved: z.boolean(),
    closed: z.boolean(),
    pinned: z.boolean(),
    createdAt: timestamp,
    lastActivityAt: timestamp,
    author: postAuthor,
    site: postSite,
    community: postCommunity,
  })
  .meta({ id: "QuestionSummary" });
export const questionPageSchema = page(questionSummarySchema).meta({ id: "QuestionPage" });

export const questionListQuerySchema = pageQuerySchema.extend({
  tab: z.enum(questionTabs, "errors.invalidChoice").default("newest"),
});

const person = z.object({ id, displayName: z.string(), role, siteName: z.string().nullable() });
const commentOutput = z
  .object({ id, body: z.string().meta({ description: "Markdown" }), bodyHtml: z.string(), score: z.number().int(), createdAt: timestamp, editedAt: timestamp.nullable(), author: person })
  .meta({ id: "Comment" });
const answerOutput = commentOutput
  .extend({ accepted: z.boolean(), crossSite: z.boolean().meta({ description: "Answered from another site than the asker's" }), myVote: z.number().int(), comments: z.array(commentOutput) })
  .meta({ id: "Answer" });

export const questionThreadSchema = z
  .object({
    question: z.object({
      id,
      title: z.string(),
      body: z.string().meta({ description: "Markdown" }),
      bodyHtml: z.string(),
      tags: z.array(z.string()),
      score: z.number().int(),
      answerCount: z.number().int(),
      solved: z.boolean(),
      closed: z.boolean(),
      createdAt: timestamp,
      editedAt: timestamp.nullable(),
      author: person.nullable(),
      myVote: z.number().int(),
      comments: z.array(commentOutput),
    }),
    community: z.object({ slug: z.string(), name: z.string() }),
    answers: z.array(answerOutput),
    may: z.object({ answer: z.boolean(), comment: z.boolean(), vote: z.boolean() }),
  })
  .meta({ id: "QuestionThread" });

export const askQuestionBodySchema = questionSchema.meta({ id: "QuestionInput" });
export const answerBodySchema = answerSchema.meta({ id: "AnswerInput" });
export const commentBodySchema = commentSchema
  .extend({ answerId: z.string().max(200).optional().meta({ description: "Comment on this answer of the question rather than on the question" }) })
  .meta({ id: "CommentInput" });
export const voteBodySchema = voteSchema
  .extend({ targetId: z.string("errors.required").min(1, "errors.required").max(200, "errors.tooLong").meta({ description: "A question's or an answer's id" }) })
  .meta({ id: "VoteInput" });

export const createdQuestionSchema = z.object({ id, held: z.boolean().meta({ description: "Waiting for a moderator's approval" }) }).meta({ id: "CreatedQuestion" });
export const createdReplySchema = z.object({ id, held: z.boolean() }).meta({ id: "CreatedReply" });
export const voteResultSchema = z.object({ score: z.number().int(), myVote: z.number().int(), questionId: id }).meta({ id: "VoteResult" });

export const searchQuerySchema = z.object({
  q: z.string().max(500).default(""),
  type: z.enum(resultKinds).optional(),
  sort: z.enum(searchSorts).optional(),
  page: z.coerce.number().int().min(1).optional(),
});
export const searchResultsSchema = z
  .object({
    query: z.string(),
    page: z.number().int(),
    lastPage: z.number().int(),
    total: z.number().int(),
    more: z.boolean(),
    notices: z.array(z.string()),
    results: z.array(
      z.object({
        id,
        kind: z.enum(resultKinds),
        path: z.string().meta({ description: "The result's page, relative to Guilde's address" }),
        title: z.string(),
        snippet: z.string(),
        community: z.object({ slug: z.string(), name: z.string() }).nullable(),
        site: z.string().nullable(),
        tags: z.array(z.string()),
        createdAt: z.string(),
      }),
    ),
  })
  .meta({ id: "SearchResults" });

export const userSchema = z
  .object({
    id,
    displayName: z.string(),
    role,
    site: z.object({ id, name: z.string(), city: z.string() }).nullable(),
    communities: z.array(z.object({ slug: z.string(), name: z.string(), role: z.enum(["member", "monitor", "moderator"]) })),
    details: z.object({ title: z.string(), bio: z.string() }).nullable().meta({ description: "Only where the token's owner may see them" }),
  })
  .meta({ id: "User" });

export const slugParams = z.object({ slug: z.string().max(200) });
export const idParams = z.object({ id: z.string().max(200) });

const difficulty = z.enum(["beginner", "intermediate", "advanced"]);
const byline = z.object({ id, displayName: z.string(), role, siteName: z.string().nullable() });
const postComment = z
  .object({
    id,
    bodyHtml: z.string(),
    createdAt: timestamp,
    held: z.boolean().meta({ description: "Waiting for a moderator's approval: only its author and moderators see it" }),
    hidden: z.boolean(),
    author: byline,
  })
  .meta({ id: "PostComment" });

export const tutorialSummarySchema = z
  .object({
    id,
    title: z.string(),
    summary: z.string(),
    tags: z.array(z.string()),
    difficulty,
    minutes: z.number().int(),
    hasVideo: z.boolean(),
    helpedCount: z.number().int(),
    publishedAt: timestamp.nullable(),
    author: z.object({ id, displayName: z.string() }),
    byMonitor: z.boolean().meta({ description: "Written by one of the community's monitors" }),
    community: z.object({ slug: z.string(), name: z.string() }),
  })
  .meta({ id: "TutorialSummary" });
export const tutorialPageSchema = page(tutorialSummarySchema).meta({ id: "TutorialPage" });

export const tutorialSchema = z
  .object({
    tutorial: z.object({
      id,
      title: z.string(),
      summary: z.string(),
      bodyHtml: z.string(),
      tags: z.array(z.string()),
      difficulty,
      minutes: z.number().int(),
      video: z.object({ kind: z.enum(["link", "upload"]), url: z.string() }).nullable().meta({ description: "An upload's url is relative to Guilde's address" }),
      draft: z.boolean(),
      publishedAt: timestamp.nullable(),
      createdAt: timestamp,
      editedAt: timestamp.nullable(),
      helpedCount: z.number().int(),
      helpedByMe: z.boolean(),
      author: byline.nullable(),
    }),
    community: z.object({ slug: z.string(), name: z.string() }),
    comments: z.array(postComment),
    may: z.object({ comment: z.boolean(), helped: z.boolean() }),
  })
  .meta({ id: "Tutorial" });

const ideaStatus = z.enum(ideaStatuses);

export const ideaSummarySchema = z
  .object({
    id,
    title: z.string(),
    tags: z.array(z.string()),
    status: ideaStatus,
    voteCount: z.number().int(),
    recentVotes: z.number().int().meta({ description: "Votes of the last seven days" }),
    commentCount: z.number().int(),
    createdAt: timestamp,
    author: postAuthor,
    site: postSite,
    community: postCommunity,
  })
  .meta({ id: "IdeaSummary" });
export const ideaPageSchema = page(ideaSummarySchema).meta({ id: "IdeaPage" });

export const ideaListQuerySchema = pageQuerySchema.extend({
  tab: z.enum(ideaTabs, "errors.invalidChoice").default("trending"),
  status: ideaStatus.optional(),
});

export const ideaSchema = z
  .object({
    idea: z.object({
      id,
      title: z.string(),
      problemHtml: z.string(),
      proposalHtml: z.string(),
      benefitHtml: z.string(),
      tags: z.array(z.string()),
      status: ideaStatus,
      voteCount: z.number().int(),
      createdAt: timestamp,
      author: byline.nullable(),
      voted: z.boolean().meta({ description: "Whether the token's owner voted for it" }),
    }),
    community: z.object({ slug: z.string(), name: z.string() }),
    comments: z.array(postComment),
    timeline: z.array(z.object({ fromStatus: ideaStatus.nullable(), toStatus: ideaStatus, note: z.string(), createdAt: timestamp })),
    may: z.object({ vote: z.boolean(), comment: z.boolean() }),
  })
  .meta({ id: "Idea" });

export const postCommentBodySchema = commentSchema.meta({ id: "PostCommentInput" });
export const ideaVoteBodySchema = ideaVoteSchema.meta({ id: "IdeaVoteInput" });
export const ideaVoteResultSchema = z.object({ voteCount: z.number().int(), voted: z.boolean() }).meta({ id: "IdeaVoteResult" });
