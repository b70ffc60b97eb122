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

/** The floors (issue 11): nothing below imports what sits above it. */
const noApp = { group: ["@/app", "@/app/*", "**/app/*"], message: "Only app/ imports app/: components and lib/ are below it." };
const noComponents = { group: ["@/components/*", "**/components/*"], message: "lib/ owns rules and data; it renders nothing and imports no components." };
const dbFloor = {
  regex: "^(@/|(\\.\\./)+)lib/(?!([\\w-]+/codes|auth/roles|env)$)",
  message: "db/ is schema, connection and migrations: of lib/ it imports only the codes, the roles and lib/env.ts.",
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "db/migrations/**"]),
  {
    files: ["app/**", "cli/**"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", noDb] },
  },
  {
    files: ["components/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [...noDb.patterns, noApp] }] },
  },
  {
    files: ["lib/**"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [noApp, noComponents] }] },
  },
  {
    files: ["lib/**"],
    ignores: ["lib/time.ts", "lib/testing/**", "**/*.test.ts"],
    rules: { "no-restricted-syntax": ["error", ...noClock], "no-restricted-imports": ["error", { patterns: [...noToday.patterns, noApp, noComponents] }] },
  },
  {
    files: ["db/**"],
    ignores: ["db/seed.ts", "**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [dbFloor] }] },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
]);
