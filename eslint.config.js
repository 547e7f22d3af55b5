import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Code that reaches the browser must never import server-only modules (database, auth, search). */
const serverOnlyImports = {
  patterns: [
    { group: ["**/server/**", "**/server", "**/db/**", "**/db"], message: "Server-only code: import it from a route's loader or action, not from client code." },
    { group: ["*.server", "**/*.server", "*.server.ts", "**/*.server.ts"], message: "Server-only module." },
  ],
};

export default tseslint.config(
  { ignores: ["build/", "node_modules/", "data/", "db/migrations/", "tests/.tmp/", "bench/.tmp/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ["app/components/**/*.{ts,tsx}", "app/i18n/*.{ts,tsx}", "app/realtime/**/*.{ts,tsx}", "app/entry.client.tsx"],
    ignores: ["app/**/*.server.ts"],
    rules: { "no-restricted-imports": ["error", serverOnlyImports] },
  },
);
