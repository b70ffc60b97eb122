import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

/**
 * One write path for a request (issue 10): only the unit of work writes the requests table and
 * the timeline. Every other module changes a request through it. This reads the source (app/,
 * components/, cli/, db/ and lib/, tests aside) for any write of those tables, in drizzle or in
 * SQL, so that a second path cannot come back unnoticed.
 */
const ROOT = path.resolve(import.meta.dirname, "..", "..");
const ALLOWED = new Set(["lib/requests/unit-of-work.ts"]);
const WRITES = [
  /\.(insert|update|delete)\(\s*(requests|requestEvents)\s*\)/,
  /\b(INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+[`"]?(requests|request_events)\b[`"]?/i,
];

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && entry.name !== "migrations" && entry.name !== "testing") out.push(...sources(rel));
    } else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
      out.push(rel);
    }
  }
  return out;
}

test("only the unit of work writes requests and their timeline", () => {
  const files = ["app", "components", "cli", "db", "lib"].flatMap(sources);
  expect(files.length).toBeGreaterThan(50);
  const offenders = files.filter((file) => !ALLOWED.has(file) && WRITES.some((re) => re.test(readFileSync(path.join(ROOT, file), "utf8"))));
  expect(offenders).toEqual([]);
  // The unit of work itself is found by the same patterns (the test can fail).
  expect(WRITES.some((re) => re.test(readFileSync(path.join(ROOT, "lib/requests/unit-of-work.ts"), "utf8")))).toBe(true);
});
