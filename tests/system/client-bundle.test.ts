import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { projectRoot } from "../../server/paths";

/** Every file under a folder (or the file itself), with its text. */
function read(target: string, keep: (file: string) => boolean = () => true): { file: string; text: string }[] {
  const full = path.join(projectRoot, target);
  if (!fs.existsSync(full)) throw new Error(`${target} is missing: run \`npm run build\` first.`);
  const files = fs.statSync(full).isDirectory()
    ? fs
        .readdirSync(full, { recursive: true, encoding: "utf8" })
        .map((name) => path.join(full, name))
        .filter((file) => fs.statSync(file).isFile())
    : [full];
  return files.filter(keep).map((file) => ({ file: path.relative(projectRoot, file), text: fs.readFileSync(file, "utf8") }));
}

const isScript = (file: string) => file.endsWith(".js");

/**
 * Strings that survive minification (string literals, not identifiers or import paths, which a bundler
 * renames or resolves away), each in code the browser must never receive. `foundIn` shows where the
 * marker really occurs, so that its absence from the client build means something.
 */
const serverOnlyMarkers = [
  { code: "the database schema", marker: "sign_in_attempts", foundIn: "build/guilde.js" },
  { code: "the database schema", marker: "password_hash", foundIn: "build/guilde.js" },
  { code: "password hashing", marker: "argon2", foundIn: "build/guilde.js" },
  { code: "Drizzle ORM", marker: '"PgTable"', foundIn: "node_modules/drizzle-orm/pg-core/table.js" },
  { code: "the embedded database (PGlite)", marker: "pglite.wasm", foundIn: "node_modules/@electric-sql/pglite/dist" },
  { code: "the PostgreSQL driver", marker: "CONNECTION_CLOSED", foundIn: "node_modules/postgres/src/connection.js" },
  { code: "Lucia sessions", marker: "auth_session", foundIn: "node_modules/lucia/dist/core.js" },
  { code: "the Socket.IO PostgreSQL adapter", marker: "socket_io_attachments", foundIn: "node_modules/@socket.io/postgres-adapter/dist/adapter.js" },
  // Not "socket.io" or "engine.io": the Socket.IO client legitimately contains both.
  { code: "the Socket.IO server", marker: "Session ID unknown", foundIn: "node_modules/engine.io/build/server.js" },
];

describe("the client build", () => {
  const client = read("build/client");

  test("holds the app's scripts", () => {
    expect(client.filter(({ file }) => isScript(file)).length).toBeGreaterThan(0);
    expect(client.some(({ text }) => text.includes("Skip to content"))).toBe(true);
  });

  test.each(serverOnlyMarkers)("holds none of $code ($marker)", ({ marker, foundIn }) => {
    expect(read(foundIn, isScript).some(({ text }) => text.includes(marker))).toBe(true);
    expect(client.filter(({ text }) => text.includes(marker)).map(({ file }) => file)).toEqual([]);
  });
});
