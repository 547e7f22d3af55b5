/**
 * Where uploaded files live, behind one small interface: a folder on local disk by default, an
 * S3-compatible bucket when configured (so that several server processes share uploads). Keys are
 * Guilde's own random names, never a user's file name.
 */
import type { Readable } from "node:stream";

/** Inclusive byte offsets, as in an HTTP Range header. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface FileStorage {
  readonly kind: "local" | "s3";
  /**
   * Streams `body` under `key` without holding it in memory. Resolves once it is stored whole; when the
   * stream fails (a size limit, a client gone), rejects and leaves nothing under `key`.
   */
  put(key: string, body: Readable, contentType: string): Promise<void>;
  /** The stored bytes, or the given range of them. */
  get(key: string, range?: ByteRange): Promise<Readable>;
  /** The stored size in bytes, or null when nothing is stored under `key`. */
  size(key: string): Promise<number | null>;
  /** Removes what is stored under `key`, if anything. */
  delete(key: string): Promise<void>;
}

/** Keys are ours (letters, digits, `/`, `-`, `.`), so that none can climb out of a folder or a bucket prefix. */
export function assertSafeKey(key: string): void {
  if (!/^[a-z0-9][a-z0-9/.-]*$/.test(key) || key.includes("..") || key.includes("//")) throw new Error(`Unsafe storage key: ${key}`);
}
