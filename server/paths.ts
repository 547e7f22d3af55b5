import fs from "node:fs";
import path from "node:path";

/** The checkout's root, found by walking up: this code runs from server/ in development and from build/ once bundled. */
export const projectRoot = (() => {
  for (let dir = import.meta.dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(path.join(dir, "db", "migrations"))) return dir;
  }
  throw new Error(`Guilde's project root not found above ${import.meta.dirname}`);
})();
