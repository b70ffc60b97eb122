import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const noDb = {
  patterns: [
    {
      group: ["@/db", "@/db/*", "**/db", "**/db/*", "better-sqlite3", "drizzle-orm", "drizzle-orm/*"],
      message: "Routes, components and the CLI go through lib/ (style.md): no database imports here.",
    },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "db/migrations/**"]),
  {
    files: ["app/**", "components/**", "cli/**"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", noDb] },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
]);
