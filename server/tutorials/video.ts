import { and, eq, isNull, or } from "drizzle-orm";
import type { Transaction } from "../../db/client";
import { uploads, type Tutorial } from "../../db/schema";
import type { Config } from "../config";
import { Invalid } from "../errors";
import type { SignedInViewer } from "../policy";
import { videoLinkError } from "./schemas";

type VideoFields = { videoUrl: string | null; videoUploadId: string | null; removeVideo: boolean };
export type TutorialVideo = Pick<Tutorial, "videoKind" | "videoUrl" | "videoUploadId">;

/** Checks a video link against the allowed hosts before any transaction starts. */
export function checkVideoLink(data: VideoFields, config: Config): void {
  if (data.videoUrl && data.videoUploadId) throw new Invalid({ videoUrl: ["errors.videoBoth"] });
  const error = data.videoUrl ? videoLinkError(data.videoUrl, config.videoHosts) : null;
  if (error) throw new Invalid({ videoUrl: [error] });
}

/**
 * The video a tutorial will have: a link, a file the viewer uploaded (not yet another tutorial's), the
 * current one kept, or none. Attaches the file to the tutorial, which from then decides who reads it.
 */
export async function settleVideo(
  tx: Transaction,
  { viewer, tutorialId, data, current }: { viewer: SignedInViewer; tutorialId: string; data: VideoFields; current: TutorialVideo | null },
): Promise<TutorialVideo> {
  if (data.videoUrl) return { videoKind: "link", videoUrl: data.videoUrl, videoUploadId: null };
  if (data.videoUploadId) {
    const [attached] = await tx
      .update(uploads)
      .set({ tutorialId })
      .where(and(eq(uploads.id, data.videoUploadId), eq(uploads.ownerId, viewer.id), or(isNull(uploads.tutorialId), eq(uploads.tutorialId, tutorialId))))
      .returning({ id: uploads.id });
    if (!attached) throw new Invalid({ video: ["errors.videoUploadUnknown"] });
    return { videoKind: "upload", videoUrl: null, videoUploadId: attached.id };
  }
  if (data.removeVideo || !current) return { videoKind: "none", videoUrl: null, videoUploadId: null };
  return { videoKind: current.videoKind, videoUrl: current.videoUrl, videoUploadId: current.videoUploadId };
}
