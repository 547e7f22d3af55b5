import { eq } from "drizzle-orm";
import { newId } from "../../db/ids";
import { follows, posts, tutorials } from "../../db/schema";
import { loadCommunity } from "../communities/access";
import { renderMarkdown } from "../content/markdown";
import type { Guilde } from "../context";
import { write } from "../events";
import { NotFound } from "../errors";
import { can, ensureCan, type Viewer } from "../policy";
import { parseInput, type Untrusted } from "../validation";
import { tutorialSchema, type TutorialInput } from "./schemas";
import { checkVideoLink, settleVideo } from "./video";

/**
 * Writes a tutorial in a community: a draft that only its author sees (a hidden post, so no list,
 * feed or search shows it), or published at once. Publishing makes its author follow it (comments
 * reach them) and puts it in the community's Tutorials tab and in search.
 */
export async function writeTutorial(
  guilde: Guilde,
  { viewer, communityId, input, publish }: { viewer: Viewer; communityId: string; input: Untrusted<TutorialInput>; publish: boolean },
): Promise<{ tutorialId: string }> {
  const data = parseInput(tutorialSchema, input);
  checkVideoLink(data, guilde.config);
  const bodyHtml = renderMarkdown(data.body);
  return write(guilde, async (tx, emit) => {
    const loaded = await loadCommunity(tx, viewer, { id: communityId });
    if (!loaded || !can(viewer, { action: "community.read", community: loaded.access })) throw new NotFound();
    ensureCan(viewer, { action: "tutorial.write", community: loaded.access });

    const tutorialId = newId();
    const now = new Date();
    await tx.insert(posts).values({
      id: tutorialId,
      kind: "tutorial",
      communityId,
      authorId: viewer.id,
      originSiteId: viewer.siteId,
      title: data.title,
      body: data.body,
      bodyHtml,
      tags: data.tags,
      createdAt: now,
      ...(publish ? {} : { hiddenAt: now, hiddenReason: "draft" as const }),
    });
    await tx.insert(tutorials).values({
      postId: tutorialId,
      summary: data.summary,
      difficulty: data.difficulty,
      minutes: data.minutes,
      publishedAt: publish ? now : null,
    });
    // The row first: the upload it attaches refers to it.
    const video = await settleVideo(tx, { viewer, tutorialId, data, current: null });
    if (video.videoKind !== "none") await tx.update(tutorials).set(video).where(eq(tutorials.postId, tutorialId));
    if (publish) {
      await tx.insert(follows).values({ userId: viewer.id, postId: tutorialId });
      emit({ type: "tutorial.published", communityId, tutorialId, authorId: viewer.id });
    }
    return { tutorialId };
  });
}
