import fs from "node:fs";
import path from "node:path";
import { SaxesParser } from "saxes";

/** One `<row …/>` of a dump file: its attributes as written, and where it starts (for error messages). */
export interface DumpRow {
  attributes: Record<string, string>;
  line: number;
}

/** A dump file that is not well-formed XML, or a row that lacks what the import needs: said with its file and line. */
export class DumpFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = "DumpFileError";
  }
}

/**
 * The rows of one Stack Exchange dump file (Posts.xml, Users.xml…), read as a stream: memory holds
 * one chunk of the file and the rows it completed, whatever the file's size.
 */
export async function* readRows(file: string): AsyncGenerator<DumpRow> {
  const name = path.basename(file);
  const parser = new SaxesParser({ position: true });
  let pending: DumpRow[] = [];
  let depth = 0;
  parser.on("opentag", (tag) => {
    depth++;
    // Only the root's children are records; dumps have no deeper elements.
    if (depth === 2 && tag.name === "row") pending.push({ attributes: tag.attributes as Record<string, string>, line: parser.line });
  });
  parser.on("closetag", () => depth--);
  const fail = (error: unknown): never => {
    const message = error instanceof Error ? error.message : String(error);
    // saxes writes "line:column: message"; the file name is ours to add.
    const located = /^(\d+):\d+: ([\s\S]*)$/.exec(message);
    throw new DumpFileError(name, located ? Number(located[1]) : parser.line, located ? located[2] : message);
  };
  for await (const chunk of fs.createReadStream(file, { encoding: "utf8", highWaterMark: 256 * 1024 })) {
    try {
      parser.write(chunk as string);
    } catch (error) {
      fail(error);
    }
    const rows = pending;
    pending = [];
    yield* rows;
  }
  try {
    parser.close();
  } catch (error) {
    fail(error);
  }
  yield* pending;
}
