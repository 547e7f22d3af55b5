import fs from "node:fs";
import path from "node:path";

/** A row's attributes as a dump writes them; undefined ones are left out. */
export type DumpRowValues = Record<string, string | number | undefined>;

const escapeAttribute = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/\n/g, "&#xA;").replace(/\r/g, "&#xD;");

export function dumpRow(values: DumpRowValues): string {
  const attributes = Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => `${name}="${escapeAttribute(String(value))}"`)
    .join(" ");
  return `  <row ${attributes} />`;
}

/**
 * Writes one file of a Stack Exchange dump as the real ones are laid out (`<posts>` with one
 * `<row/>` a line), a few hundred rows at a time, so that a generated dump of any size fits in memory.
 */
export function writeDumpFile(folder: string, file: string, rows: Iterable<DumpRowValues>): void {
  const root = file.replace(/\.xml$/, "").toLowerCase();
  const fd = fs.openSync(path.join(folder, file), "w");
  try {
    let chunk = `<?xml version="1.0" encoding="utf-8"?>\n<${root}>\n`;
    for (const row of rows) {
      chunk += `${dumpRow(row)}\n`;
      if (chunk.length > 1 << 20) {
        fs.writeSync(fd, chunk);
        chunk = "";
      }
    }
    fs.writeSync(fd, `${chunk}</${root}>\n`);
  } finally {
    fs.closeSync(fd);
  }
}
