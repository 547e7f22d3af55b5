import { eq } from "drizzle-orm";
import { uploads } from "../../db/schema";
import type { Guilde } from "../context";
import { NotFound } from "../errors";
import { can, ensureCan, type Viewer } from "../policy";
import { loadTutorial } from "./access";

/** What the edit form starts from: the tutorial's stored text and video, for those who may edit it. */
export async function getTutorialForEdit(guilde: Guilde, { viewer, tutorialId }: { viewer: Viewer; tutorialId: string }) {
  const loaded = await loadTutorial(guilde.db, viewer, tutorialId);
  if (!loaded || !can(viewer, { action: "tutorial.view", tutorial: loaded.access })) throw new NotFound();
  ensureCan(viewer, { action: "tutorial.edit", tutorial: loaded.access });
  const { post, tutorial, community, access } = loaded;
  const [upload] = tutorial.videoUploadId
    ? await guilde.db.select({ size: uploads.size, contentType: uploads.contentType }).from(uploads).where(eq(uploads.id, tutorial.videoUploadId))
    : [];
  return {
    id: post.id,
    draft: access.draft,
    community: { slug: community.slug, name: community.name },
    values: {
      title: post.title,
      summary: tutorial.summary,
      body: post.body,
      tags: post.tags.join(", "),
      difficulty: tutorial.difficulty,
      minutes: String(tutorial.minutes),
      videoUrl: tutorial.videoUrl ?? "",
      videoUploadId: "",
    },
    currentVideo:
      tutorial.videoKind === "link" && tutorial.videoUrl
        ? ({ kind: "link", label: tutorial.videoUrl } as const)
        : tutorial.videoKind === "upload" && upload
          ? ({ kind: "upload", label: `${upload.contentType}, ${(upload.size / (1024 * 1024)).toFixed(1)} MB` } as const)
          : null,
  };
}
