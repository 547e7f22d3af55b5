// Bundles server/index.ts (and the db/ and server/ code it uses) into build/guilde.js, so that
// `npm start` runs plain JavaScript: no TypeScript compiler on the start-up path.
import { build } from "esbuild";

await build({
  entryPoints: ["server/index.ts"],
  outfile: "build/guilde.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
