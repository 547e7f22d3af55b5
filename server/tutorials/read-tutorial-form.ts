import type { Guilde } from "../context";
import { Invalid } from "../errors";
import type { Viewer } from "../policy";
import { readMultipartForm } from "../storage/multipart";
import { uploadVideo } from "./upload-video";

/**
 * Reads the write and edit forms, whose video file streams to storage while the form is read. A
 * stored file's id joins the form's values (so that a form sent back with an error keeps it); a
 * refused file comes back as `fileError`, for the action to report with the form's other errors.
 */
export async function readTutorialForm(guilde: Guilde, { viewer, request }: { viewer: Viewer; request: Request }) {
  try {
    const { values, file } = await readMultipartForm(request, (incoming) => uploadVideo(guilde, { viewer, file: incoming.stream, filename: incoming.filename }));
    if (file?.ok) values.videoUploadId = file.value.uploadId;
    return { values, fileError: file && !file.ok ? file.error : null };
  } catch (error) {
    if (error instanceof Invalid) return { values: {}, fileError: error };
    throw error;
  }
}
