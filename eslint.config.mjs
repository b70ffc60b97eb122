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

/** Nothing under lib/ reads the system clock but lib/time.ts; today comes from the edge (issue 10). */
const noClock = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Read the clock through lib/time.ts (now/nowIso); today is passed in from the edge." },
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Read the clock through lib/time.ts (now/nowIso); today is passed in from the edge." },
];
const noToday = {
  patterns: [{ group: ["**/time"], importNames: ["todayInChina"], message: "lib/ is given today by its caller (a Server Action, route handler, page or CLI command)." }],
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
    files: ["lib/**"],
    ignores: ["lib/time.ts", "lib/testing/**", "**/*.test.ts"],
    rules: { "no-restricted-syntax": ["error", ...noClock], "no-restricted-imports": ["error", noToday] },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
]);
