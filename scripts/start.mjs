// `npm start`: builds Guilde when the build is missing or older than the code, then runs the server.
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const builtAt = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);
const newestSource = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const full = path.join(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }, 0);

const buildTime = Math.min(builtAt("build/guilde.js"), builtAt("build/server/index.js"));
if (buildTime < Math.max(...["app", "server", "db", "public"].filter(fs.existsSync).map(newestSource))) {
  console.log("Building Guilde (the build is missing or older than the code)…");
  execSync("npm run build", { stdio: "inherit" });
}
await import("../build/guilde.js");
