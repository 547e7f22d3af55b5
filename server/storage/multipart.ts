import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { Invalid } from "../errors";
import { readForm } from "../http/respond";

export interface IncomingFile {
  field: string;
  /** As the browser sent it (a bare name; anything else is refused by the service). */
  filename: string;
  stream: Readable;
}

export type FileOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Reads a form as it streams in. Text fields are collected (bounded); the first file is handed to
 * `onFile` as a stream, never buffered, and whatever `onFile` leaves unread is read and discarded so
 * that the request completes and the form can be answered. A form sent without multipart (no file
 * chosen, no JavaScript involved) is read as usual.
 */
export async function readMultipartForm<T>(
  request: Request,
  onFile: (file: IncomingFile) => Promise<T>,
): Promise<{ values: Record<string, string>; file: FileOutcome<T> | null }> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data") || !request.body) return { values: await readForm(request), file: null };

  const values: Record<string, string> = {};
  let handled: Promise<FileOutcome<T>> | null = null;
  let parser: busboy.Busboy;
  try {
    // preservePath: a name with a path in it reaches the service, which refuses it, rather than being silently cut.
    parser = busboy({ headers: { "content-type": contentType }, preservePath: true, limits: { files: 1, fields: 50, fieldSize: 100_000, parts: 60 } });
  } catch {
    throw new Invalid({ form: ["errors.uploadMalformed"] });
  }
  parser.on("field", (name, value, info) => {
    if (!info.valueTruncated && !info.nameTruncated) values[name] = value;
  });
  parser.on("file", (field, stream, info) => {
    // An empty file input is sent as a part with no name and no bytes.
    if (!info.filename || handled) {
      stream.resume();
      return;
    }
    handled = onFile({ field, filename: info.filename, stream })
      .then((value): FileOutcome<T> => ({ ok: true, value }))
      .catch((error: unknown): FileOutcome<T> => ({ ok: false, error }))
      .finally(() => stream.resume());
  });
  try {
    // A client that goes away mid-upload fails the parser, which fails the file's stream: storage drops
    // the partial file and nothing is recorded.
    await pipeline(Readable.fromWeb(request.body as unknown as WebReadableStream<Uint8Array>), parser);
  } catch {
    // A malformed body: whatever the file handler stored is its to clean up when it fails.
    await handled;
    throw new Invalid({ form: ["errors.uploadMalformed"] });
  }
  return { values, file: handled ? await handled : null };
}
