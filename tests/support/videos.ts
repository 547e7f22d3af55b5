import { Readable } from "node:stream";

/**
 * The first bytes of a WebM file (an EBML header whose DocType is "webm", then a Segment): enough for
 * content sniffing, which is all the upload checks look at. Browser tests record a real video instead.
 */
export function webmBytes(size = 64 * 1024): Buffer {
  const header = Buffer.from([
    0x1a, 0x45, 0xdf, 0xa3, 0x9f, // EBML, 31 bytes
    0x42, 0x86, 0x81, 0x01, // EBMLVersion 1
    0x42, 0xf7, 0x81, 0x01, // EBMLReadVersion 1
    0x42, 0xf2, 0x81, 0x04, // EBMLMaxIDLength 4
    0x42, 0xf3, 0x81, 0x08, // EBMLMaxSizeLength 8
    0x42, 0x82, 0x84, 0x77, 0x65, 0x62, 0x6d, // DocType "webm"
    0x42, 0x87, 0x81, 0x04, // DocTypeVersion 4
    0x42, 0x85, 0x81, 0x02, // DocTypeReadVersion 2
    0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, // Segment, unknown size
  ]);
  const bytes = Buffer.alloc(Math.max(size, header.length));
  header.copy(bytes);
  for (let index = header.length; index < bytes.length; index++) bytes[index] = (index * 31) & 0xff;
  return bytes;
}

/** The first bytes of an MP4 file (an `ftyp` box, brand isom). */
export function mp4Bytes(size = 64 * 1024): Buffer {
  const header = Buffer.from([0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d, 0x00, 0x00, 0x02, 0x00, 0x69, 0x73, 0x6f, 0x6d, 0x6d, 0x70, 0x34, 0x31]);
  const bytes = Buffer.alloc(Math.max(size, header.length), 0x11);
  header.copy(bytes);
  return bytes;
}

/** A Windows executable's first bytes (MZ header and PE signature), whatever its name says. */
export function executableBytes(size = 8 * 1024): Buffer {
  const bytes = Buffer.alloc(size);
  bytes.write("MZ", 0, "latin1");
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write("PE\0\0", 0x80, "latin1");
  bytes.writeUInt16LE(0x14c, 0x84);
  return bytes;
}

/**
 * A stream of `total` bytes made on demand (a WebM header first), counting what was read from it: a
 * "2 GB upload" that costs nothing unless it is read to the end.
 */
export function hugeVideoStream(total: number, chunkSize = 64 * 1024): { stream: Readable; read: () => number } {
  let produced = 0;
  const head = webmBytes(chunkSize);
  const filler = Buffer.alloc(chunkSize, 0x5a);
  const stream = new Readable({
    read() {
      if (produced >= total) return this.push(null);
      const chunk = produced === 0 ? head : filler;
      produced += chunk.length;
      this.push(chunk);
    },
  });
  return { stream, read: () => produced };
}
