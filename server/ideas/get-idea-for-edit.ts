import type { Guilde } from "../context";
import { Conflict } from "../errors";
import { ensureCan, type Viewer } from "../policy";
import { viewableIdea } from "./access";

/** What the edit form starts from: the idea's stored text, for those who may edit it. */
export async function getIdeaForEdit(guilde: Guilde, { viewer, ideaId }: { viewer: Viewer; ideaId: string }) {
  const { post, idea, community, access } = await viewableIdea(guilde.db, viewer, ideaId);
  ensureCan(viewer, { action: "post.edit", post: access });
  if (access.merged) throw new Conflict("ideas.errors.merged");
  return {
    id: post.id,
    community: { slug: community.slug, name: community.name },
    values: { title: post.title, problem: post.body, proposal: idea.proposal, benefit: idea.benefit, tags: post.tags.join(", ") },
  };
}
