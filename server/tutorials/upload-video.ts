import { Readable } from "node:stream";
import { fileTypeFromBuffer } from "file-type";
import { newId } from "../../db/ids";
import { uploads } from "../../db/schema";
import type { Guilde } from "../context";
import { Invalid } from "../errors";
import { ensureCan, type SignedInViewer, type Viewer } from "../policy";
import { videoKinds } from "./schemas";

/** What file-type needs to recognise a container from its first bytes. */
const sniffBytes = 4100;

class TooLarge extends Error {}

/**
 * Receives a tutorial's video as it streams in: its type is read from its first bytes (never from its
 * name), it goes to storage under a random key as it arrives, and the upload is recorded only once
 * the whole file is stored within the size limit. A refused file leaves nothing behind. The upload
 * is the viewer's alone until a tutorial of theirs takes it.
 *
 * The caller keeps reading (and discarding) `file` after a refusal when the request must be drained.
 */
export async function uploadVideo(
  guilde: Guilde,
  { viewer, file, filename }: { viewer: Viewer; file: Readable; filename: string },
): Promise<{ uploadId: string; contentType: string; size: number }> {
  ensureCan(viewer, { action: "app.use" }, "hide");
  const nameError = fileNameError(filename);
  if (nameError) throw new Invalid({ video: [nameError] });

  // Not destroyed when abandoned: a multipart parser must still read past the refused file.
  const source = file.iterator({ destroyOnReturn: false });
  try {
    return await receive(guilde, viewer, source);
  } finally {
    // Lets go of the stream, so that whoever reads the rest of it (and discards it) can.
    await source.return?.();
  }
}

async function receive(guilde: Guilde, viewer: SignedInViewer, source: AsyncIterator<unknown>) {
  const maxBytes = guilde.config.uploads.maxBytes;
  const first: Buffer[] = [];
  let received = 0;
  while (received < sniffBytes) {
    const next = await source.next();
    if (next.done) break;
    const chunk = Buffer.from(next.value as Uint8Array);
    first.push(chunk);
    received += chunk.length;
  }
  const head = Buffer.concat(first);
  if (head.length === 0) throw new Invalid({ video: ["errors.videoEmpty"] });
  const detected = await fileTypeFromBuffer(head);
  const contentType = videoKinds.find((kind) => kind === detected?.mime || (kind === "video/mp4" && detected?.mime === "video/x-m4v"));
  if (!contentType) throw new Invalid({ video: ["errors.videoType"] });
  if (received > maxBytes) throw new Invalid({ video: ["errors.videoTooLarge"] });

  let size = received;
  const body = Readable.from(
    (async function* () {
      yield head;
      for (;;) {
        const next = await source.next();
        if (next.done) return;
        const chunk = next.value as Buffer;
        size += chunk.length;
        // Counted as it streams: nothing past the limit is ever written.
        if (size > maxBytes) throw new TooLarge();
        yield chunk;
      }
    })(),
    { objectMode: false },
  );
  const storageKey = `videos/${newId()}${newId()}`;
  try {
    await guilde.storage.put(storageKey, body, contentType);
  } catch (error) {
    if (error instanceof TooLarge) throw new Invalid({ video: ["errors.videoTooLarge"] });
    throw error;
  }

  const uploadId = newId();
  try {
    await guilde.db.insert(uploads).values({ id: uploadId, ownerId: viewer.id, storageKey, size, contentType });
  } catch (error) {
    await guilde.storage.delete(storageKey).catch(() => {});
    throw error;
  }
  return { uploadId, contentType, size };
}

/**
 * A browser sends a bare file name; a path, a parent folder, or control characters in it mean a
 * crafted request. Guilde never uses the name for storage, but refuses such a request outright.
 */
export function fileNameError(filename: string): string | null {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[/\\]|^\.\.?$|[\u0000-\u001f\u007f]/.test(filename) || filename.includes("..")) return "errors.videoFileName";
  if (filename.length > 255) return "errors.videoFileName";
  return null;
}
