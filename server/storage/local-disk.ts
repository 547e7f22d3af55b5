import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertSafeKey, type ByteRange, type FileStorage } from "./storage";

/** Files under a folder (DATA_DIR/uploads by default). A file appears under its key only once written whole. */
export function localDiskStorage(directory: string): FileStorage {
  const pathOf = (key: string) => {
    assertSafeKey(key);
    return path.join(directory, ...key.split("/"));
  };
  return {
    kind: "local",
    async put(key, body) {
      const target = pathOf(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      // Written aside, then renamed: a reader never sees half a file, a failed upload leaves nothing.
      const partial = `${target}.partial-${randomBytes(6).toString("hex")}`;
      try {
        await pipeline(body, createWriteStream(partial, { flags: "wx" }));
        await fs.rename(partial, target);
      } catch (error) {
        await fs.rm(partial, { force: true });
        throw error;
      }
    },
    async get(key, range?: ByteRange): Promise<Readable> {
      const stream = createReadStream(pathOf(key), range ? { start: range.start, end: range.end } : {});
      // Opening errors (a missing file) surface here rather than on the first read.
      await new Promise<void>((resolve, reject) => {
        stream.once("open", () => resolve());
        stream.once("error", reject);
      });
      return stream;
    },
    async size(key) {
      const stat = await fs.stat(pathOf(key)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return null;
        throw error;
      });
      return stat ? stat.size : null;
    },
    async delete(key) {
      await fs.rm(pathOf(key), { force: true });
    },
  };
}
