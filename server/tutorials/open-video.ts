import type { Guilde } from "../context";
import { NotFound } from "../errors";
import { can, type Viewer } from "../policy";
import { loadUpload } from "./access";

/**
 * An uploaded video, for the viewer to stream: the same policy as its tutorial (a draft's video is its
 * author's alone), and an unattached upload is readable by its owner only. Anything else is not found.
 */
export async function openVideo(guilde: Guilde, { viewer, uploadId }: { viewer: Viewer; uploadId: string }) {
  const loaded = uploadId.length <= 40 ? await loadUpload(guilde.db, viewer, uploadId) : null;
  if (!loaded || !can(viewer, { action: "file.read", file: loaded.access })) throw new NotFound();
  const { upload } = loaded;
  return { storageKey: upload.storageKey, size: upload.size, contentType: upload.contentType, etag: `"${upload.id}"` };
}
