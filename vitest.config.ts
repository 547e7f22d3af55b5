import path from "node:path";
import { defineConfig } from "vitest/config";

const shared = {
  setupFiles: ["tests/support/setup.ts"],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

/**
 * Integration tests run twice: on the embedded PGlite and on a real PostgreSQL server
 * (TEST_DATABASE_URL, started by scripts/test.sh).
 */
export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: {
    globalSetup: ["tests/support/global-setup.ts"],
    projects: [
      { extends: true, test: { ...shared, name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      {
        extends: true,
        test: { ...shared, name: "pglite", include: ["tests/integration/**/*.test.ts"], env: { TEST_DB: "pglite" } },
      },
      {
        extends: true,
        test: { ...shared, name: "postgres", include: ["tests/integration/**/*.test.ts"], env: { TEST_DB: "postgres" } },
      },
      {
        extends: true,
        test: {
          ...shared,
          name: "system",
          include: ["tests/system/**/*.test.ts", "tests/e2e/**/*.test.ts"],
          testTimeout: 90_000,
          // Each file drives real processes or a browser; two at once is all two cores take.
          fileParallelism: false,
        },
      },
    ],
  },
});
