/**
 * The storage interface, pinned the same way against local disk and against an S3-protocol server
 * started on loopback (s3rver): what one stores, the other stores; ranges, sizes, failures alike.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDiskStorage } from "../../server/storage/local-disk";
import { s3Storage } from "../../server/storage/s3";
import type { FileStorage } from "../../server/storage";

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const sample = (size: number) => {
  const bytes = Buffer.alloc(size);
  for (let index = 0; index < size; index++) bytes[index] = (index * 7 + 3) & 0xff;
  return bytes;
};

/** A stream that gives some bytes, then fails (a client gone, a size limit passed). */
function failingStream(bytes: Buffer): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (!sent) {
        sent = true;
        this.push(bytes);
      } else {
        this.destroy(new Error("connection lost"));
      }
    },
  });
}

const backends: [string, () => Promise<{ storage: FileStorage; leftovers: () => Promise<string[]>; stop: () => Promise<void> }>][] = [
  [
    "local disk",
    async () => {
      const directory = await mkdtemp(path.join(tmpdir(), "guilde-storage-"));
      return {
        storage: localDiskStorage(directory),
        leftovers: async () => (await readdir(directory, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name),
        stop: () => rm(directory, { recursive: true, force: true }),
      };
    },
  ],
  [
    "S3 (s3rver on loopback)",
    async () => {
      const directory = await mkdtemp(path.join(tmpdir(), "guilde-s3rver-"));
      const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory, configureBuckets: [{ name: "guilde", configs: [] }] });
      const { port } = await server.run();
      const storage = s3Storage({ endpoint: `http://127.0.0.1:${port}`, bucket: "guilde", region: "us-east-1", accessKeyId: "S3RVER", secretAccessKey: "S3RVER", forcePathStyle: true });
      return {
        storage,
        // s3rver keeps each object as a folder holding `object` and its metadata.
        leftovers: async () =>
          (await readdir(path.join(directory, "guilde"), { recursive: true, withFileTypes: true }).catch(() => []))
            .filter((entry) => entry.isFile() && entry.name === "object")
            .map((entry) => entry.parentPath),
        stop: async () => {
          await server.close();
          await rm(directory, { recursive: true, force: true });
        },
      };
    },
  ],
];

describe.each(backends)("storage on %s", (_name, open) => {
  let backend: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    backend = await open();
  });
  afterAll(async () => {
    await backend.stop();
  });

  it("stores a stream, reports its size, and gives it back whole", async () => {
    const bytes = sample(300_000);
    await backend.storage.put("videos/whole", Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]), "video/webm");
    expect(await backend.storage.size("videos/whole")).toBe(bytes.length);
    expect((await readAll(await backend.storage.get("videos/whole"))).equals(bytes)).toBe(true);
  });

  it("gives back any byte range, first and last bytes included", async () => {
    const bytes = sample(100_000);
    await backend.storage.put("videos/ranges", Readable.from([bytes]), "video/mp4");
    // Not [0, 0]: s3rver answers `bytes=0-0` with the whole object (AWS and MinIO do not).
    for (const [start, end] of [[0, 1], [0, 99], [12_345, 54_321], [99_999, 99_999]]) {
      expect((await readAll(await backend.storage.get("videos/ranges", { start, end }))).equals(bytes.subarray(start, end + 1))).toBe(true);
    }
  });

  it("streams a file larger than a multipart part (20 MB) without losing a byte", async () => {
    const bytes = sample(20 * 1024 * 1024);
    const chunks = Array.from({ length: 20 }, (_, index) => bytes.subarray(index * 1024 * 1024, (index + 1) * 1024 * 1024));
    await backend.storage.put("videos/large", Readable.from(chunks), "video/mp4");
    expect(await backend.storage.size("videos/large")).toBe(bytes.length);
    expect((await readAll(await backend.storage.get("videos/large", { start: 15_000_000, end: 15_000_099 }))).equals(bytes.subarray(15_000_000, 15_000_100))).toBe(true);
    await backend.storage.delete("videos/large");
  });

  it("a stream that fails leaves nothing stored", async () => {
    const before = await backend.leftovers();
    await expect(backend.storage.put("videos/broken", failingStream(sample(50_000)), "video/webm")).rejects.toThrow();
    expect(await backend.storage.size("videos/broken")).toBeNull();
    expect(await backend.leftovers()).toEqual(before);
  });

  it("deletes, and knows nothing of a missing key", async () => {
    await backend.storage.put("videos/gone", Readable.from([sample(10)]), "video/webm");
    await backend.storage.delete("videos/gone");
    expect(await backend.storage.size("videos/gone")).toBeNull();
    expect(await backend.storage.size("videos/never-stored")).toBeNull();
    await backend.storage.delete("videos/never-stored");
  });

  it("refuses keys that could climb out of its folder or bucket", async () => {
    for (const key of ["../outside", "videos/../../etc/passwd", "/absolute", "videos//double", "Videos/Upper"]) {
      await expect(backend.storage.put(key, Readable.from([sample(1)]), "video/webm")).rejects.toThrow(/Unsafe storage key/);
    }
  });
});
