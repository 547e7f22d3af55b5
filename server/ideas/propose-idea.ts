import { follows, ideas, ideaStatusChanges, posts } from "../../db/schema";
import { newId } from "../../db/ids";
import { loadCommunity } from "../communities/access";
import { renderMarkdown } from "../content/markdown";
import type { Guilde } from "../context";
import { write } from "../events";
import { NotFound } from "../errors";
import { can, ensureCan, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { ideaSchema, type IdeaInput } from "./schemas";

/**
 * Someone proposes an idea in a community: the problem they see, what they propose, the benefit they
 * expect. Their site is recorded with it, they follow it, and its timeline starts at "proposed".
 */
export async function proposeIdea(
  guilde: Guilde,
  { viewer, communityId, input }: { viewer: Viewer; communityId: string; input: Untrusted<IdeaInput> },
): Promise<{ ideaId: string }> {
  const data = parseInput(ideaSchema, input);
  const rendered = { body: renderMarkdown(data.problem), proposal: renderMarkdown(data.proposal), benefit: renderMarkdown(data.benefit) };
  return write(guilde, async (tx, emit) => {
    const loaded = await loadCommunity(tx, viewer, { id: communityId });
    if (!loaded || !can(viewer, { action: "community.read", community: loaded.access })) throw new NotFound();
    ensureCan(viewer, { action: "idea.propose", community: loaded.access });

    const ideaId = newId();
    const now = new Date();
    await tx.insert(posts).values({
      id: ideaId,
      kind: "idea",
      communityId,
      authorId: viewer.id,
      originSiteId: viewer.siteId,
      title: data.title,
      body: data.problem,
      bodyHtml: rendered.body,
      tags: data.tags,
      createdAt: now,
      lastActivityAt: now,
    });
    await tx.insert(ideas).values({
      postId: ideaId,
      proposal: data.proposal,
      proposalHtml: rendered.proposal,
      benefit: data.benefit,
      benefitHtml: rendered.benefit,
      statusChangedAt: now,
    });
    await tx.insert(ideaStatusChanges).values({ id: newId(), ideaId, actorId: viewer.id, fromStatus: null, toStatus: "proposed", note: "", createdAt: now });
    await tx.insert(follows).values({ userId: viewer.id, postId: ideaId });
    emit({ type: "idea.proposed", communityId, ideaId, authorId: viewer.id });
    return { ideaId };
  });
}

/** The community an idea form posts to, found by its address: 404 when the viewer may not read it, 403 when they may not propose there. */
export async function communityToProposeIn(guilde: Guilde, { viewer, slug }: { viewer: Viewer; slug: string }) {
  const loaded = await loadCommunity(guilde.db, viewer, { slug });
  if (!loaded || !can(viewer, { action: "community.read", community: loaded.access })) throw new NotFound();
  ensureCan(viewer, { action: "idea.propose", community: loaded.access });
  return { id: loaded.community.id, slug: loaded.community.slug, name: loaded.community.name };
}
