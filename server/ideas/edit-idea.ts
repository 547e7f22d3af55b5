import { eq } from "drizzle-orm";
import { newId } from "../../db/ids";
import { ideas, posts, revisions } from "../../db/schema";
import { recordAudit } from "../audit/record";
import { renderMarkdown } from "../content/markdown";
import type { Guilde } from "../context";
import { write } from "../events";
import { Conflict } from "../errors";
import { ensureCan, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { viewableIdea } from "./access";
import { ideaSchema, type IdeaInput } from "./schemas";

/**
 * Its author (or a moderator of its community) edits an idea. The previous version is kept as a
 * revision: title, problem and tags as a question's, the proposal and benefit as its sections. A
 * moderator's edit of someone else's idea is in the audit log.
 */
export async function editIdea(
  guilde: Guilde,
  { viewer, ideaId, input }: { viewer: Viewer; ideaId: string; input: Untrusted<IdeaInput> },
): Promise<void> {
  const data = parseInput(ideaSchema, input);
  await write(guilde, async (tx, emit) => {
    const { post, idea, community, access } = await viewableIdea(tx, viewer, ideaId, { lock: "update" });
    ensureCan(viewer, { action: "post.edit", post: access });
    // A merged idea only leads to the one it was merged into: that one is edited.
    if (access.merged) throw new Conflict("ideas.errors.merged");
    const unchanged =
      post.title === data.title && post.body === data.problem && idea.proposal === data.proposal && idea.benefit === data.benefit && post.tags.join() === data.tags.join();
    if (unchanged) return;

    const now = new Date();
    await tx.insert(revisions).values({
      id: newId(),
      targetId: post.id,
      editorId: viewer.id,
      title: post.title,
      body: post.body,
      tags: post.tags,
      sections: { proposal: idea.proposal, benefit: idea.benefit },
      createdAt: now,
    });
    await tx
      .update(posts)
      .set({ title: data.title, body: data.problem, bodyHtml: renderMarkdown(data.problem), tags: data.tags, editedAt: now })
      .where(eq(posts.id, post.id));
    await tx
      .update(ideas)
      .set({ proposal: data.proposal, proposalHtml: renderMarkdown(data.proposal), benefit: data.benefit, benefitHtml: renderMarkdown(data.benefit) })
      .where(eq(ideas.postId, post.id));
    emit({ type: "idea.changed", communityId: community.id, ideaId: post.id, change: "edited" });
    if (post.authorId !== viewer.id) {
      await recordAudit(tx, { actorId: viewer.id, action: "idea.edit", targetKind: "idea", targetId: post.id, communityId: community.id });
    }
  });
}
