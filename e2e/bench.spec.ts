import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ROOT } from "./env";

/**
 * The benchmark (interfaces.md, Benchmark) is too long for CI; its output is checked here on a
 * tiny database (`--smoke`): the same run end to end against the production build (its own
 * server, port and temporary database), the JSON line last on standard output with every key
 * a number, and the readable table on standard error. The figures themselves mean nothing here.
 */
const KEYS = ["report_ratio", "list_rps", "list_p95_ms", "create_per_s", "import_rows_per_s", "import_block_p95_ms", "rss_mb"];

test("npm run bench -- --json prints the readable table, then its figures as the last line (smoke, tiny data)", () => {
  test.setTimeout(180_000);
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_PORT: String(Number(process.env.E2E_PORT ?? 3210) + 77) };
  for (const name of ["DATABASE_URL", "AUTH_SECRET", "GONGKAI_DATA_KEY"]) delete env[name];
  const run = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/bench.ts", "--smoke", "--json"], { cwd: ROOT, env, encoding: "utf8", timeout: 170_000 });
  expect(run.status, run.stderr).toBe(0);
  const lines = run.stdout.trim().split("\n");
  const figures = JSON.parse(lines[lines.length - 1]) as Record<string, unknown>;
  for (const key of KEYS) {
    expect(typeof figures[key], key).toBe("number");
    expect(Number.isFinite(figures[key]) && (figures[key] as number) >= 0, `${key} = ${figures[key]}`).toBe(true);
    expect(run.stderr).toMatch(new RegExp(`^${key}\\s+\\S+`, "m"));
  }
  // Work was done: pages were served, requests registered and the ledger imported.
  expect(figures.list_rps as number).toBeGreaterThan(0);
  expect(figures.create_per_s as number).toBeGreaterThan(0);
  expect(figures.import_rows_per_s as number).toBeGreaterThan(0);
  expect(figures.rss_mb as number).toBeGreaterThan(0);
});
