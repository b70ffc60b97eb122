import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, test } from "vitest";
import { databasePath, dataKey, ensureLocalSecrets, hstsMode } from "./env";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe("environment", () => {
  test.each([
    [undefined, "/proj/data/gongkai.db"],
    ["./x/y.db", "/proj/x/y.db"],
    ["file:./z.db", "/proj/z.db"],
    ["file:/abs/q.db", "/abs/q.db"],
  ])("DATABASE_URL %s resolves against the project root to %s", (value, expected) => {
    process.env.GONGKAI_ROOT = "/proj";
    if (value === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = value;
    expect(databasePath()).toBe(expected);
  });

  test("missing secrets are generated once into .env.local and reused", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "gongkai-env-"));
    process.env.GONGKAI_ROOT = root;
    delete process.env.AUTH_SECRET;
    delete process.env.GONGKAI_DATA_KEY;
    writeFileSync(path.join(root, ".env.local"), "OTHER=1");
    ensureLocalSecrets();
    const first = { auth: process.env.AUTH_SECRET, key: process.env.GONGKAI_DATA_KEY };
    expect(dataKey()).toHaveLength(32);
    const text = readFileSync(path.join(root, ".env.local"), "utf8");
    expect(text).toContain("OTHER=1\n");
    expect(text).toContain(`AUTH_SECRET=${first.auth}`);
    delete process.env.AUTH_SECRET;
    delete process.env.GONGKAI_DATA_KEY;
    ensureLocalSecrets();
    expect({ auth: process.env.AUTH_SECRET, key: process.env.GONGKAI_DATA_KEY }).toEqual(first);
    expect(readFileSync(path.join(root, ".env.local"), "utf8")).toBe(text);
  });

  test("secrets appended to an existing .env.local leave it readable by its owner only", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "gongkai-env-"));
    process.env.GONGKAI_ROOT = root;
    delete process.env.AUTH_SECRET;
    delete process.env.GONGKAI_DATA_KEY;
    writeFileSync(path.join(root, ".env.local"), "OTHER=1\n", { mode: 0o644 });
    ensureLocalSecrets();
    expect(statSync(path.join(root, ".env.local")).mode & 0o777).toBe(0o600);
  });

  test("an existing .env.local with every secret, readable by others, is set to 0600 when loaded (issue 13)", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "gongkai-env-"));
    process.env.GONGKAI_ROOT = root;
    delete process.env.AUTH_SECRET;
    delete process.env.GONGKAI_DATA_KEY;
    writeFileSync(path.join(root, ".env.local"), `AUTH_SECRET=a-secret\nGONGKAI_DATA_KEY=${Buffer.alloc(32, 1).toString("base64")}\n`, { mode: 0o644 });
    ensureLocalSecrets();
    expect(process.env.AUTH_SECRET).toBe("a-secret");
    expect(statSync(path.join(root, ".env.local")).mode & 0o777).toBe(0o600);
  });

  test("processes starting at once on a fresh root all end up with the same secrets, written once (issue 12, item 7)", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "gongkai-env-race-"));
    const work = mkdtempSync(path.join(os.tmpdir(), "gongkai-env-race-work-"));
    const child = path.join(work, "child.ts");
    // Each child says it is loaded, waits for the go file naming a start instant, then races to create the secrets;
    // a wide-open umask proves the mode is set, not inherited.
    writeFileSync(
      child,
      `import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { ensureLocalSecrets } from ${JSON.stringify(path.resolve(import.meta.dirname, "env.ts"))};
const [ready, go] = process.argv.slice(2);
process.umask(0);
writeFileSync(ready, "");
const pause = new Int32Array(new SharedArrayBuffer(4));
while (!existsSync(go)) Atomics.wait(pause, 0, 0, 2);
const start = Number(readFileSync(go, "utf8"));
while (Date.now() < start) { /* spin: all start at the same instant */ }
ensureLocalSecrets();
process.stdout.write(JSON.stringify({ auth: process.env.AUTH_SECRET, key: process.env.GONGKAI_DATA_KEY }));
`,
    );
    const env: NodeJS.ProcessEnv = { ...process.env, GONGKAI_ROOT: root };
    delete env.AUTH_SECRET;
    delete env.GONGKAI_DATA_KEY;
    const go = path.join(work, "go");
    const count = 6;
    const runs = Array.from({ length: count }, (_, i) => {
      const proc = spawn(path.resolve(import.meta.dirname, "..", "node_modules", ".bin", "tsx"), [child, path.join(work, `ready-${i}`), go], { cwd: work, env });
      let out = "";
      let err = "";
      proc.stdout.on("data", (chunk) => (out += chunk));
      proc.stderr.on("data", (chunk) => (err += chunk));
      return new Promise<{ code: number | null; out: string; err: string }>((resolve) => proc.on("close", (code) => resolve({ code, out, err })));
    });
    for (let waited = 0; readdirSync(work).filter((name) => name.startsWith("ready-")).length < count; waited += 20) {
      if (waited > 45_000) throw new Error("the children did not start");
      await sleep(20);
    }
    writeFileSync(go, String(Date.now() + 300));
    const results = await Promise.all(runs);
    for (const result of results) expect(result, result.err).toMatchObject({ code: 0 });
    const seen = results.map((result) => JSON.parse(result.out) as { auth: string; key: string });
    expect(new Set(seen.map((s) => s.auth)).size).toBe(1);
    expect(new Set(seen.map((s) => s.key)).size).toBe(1);

    const file = path.join(root, ".env.local");
    const text = readFileSync(file, "utf8");
    expect(text.match(/^AUTH_SECRET=/gm)).toHaveLength(1);
    expect(text.match(/^GONGKAI_DATA_KEY=/gm)).toHaveLength(1);
    expect(text).toContain(`AUTH_SECRET=${seen[0].auth}\n`);
    expect(text).toContain(`GONGKAI_DATA_KEY=${seen[0].key}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(root)).toEqual([".env.local"]); // no temporary file left behind
    expect(existsSync(go)).toBe(true);
  }, 60_000);

  test.each([
    [undefined, "auto"],
    ["", "auto"],
    ["auto", "auto"],
    ["always", "always"],
    [" Always ", "always"],
    ["off", "off"],
  ])("GONGKAI_HSTS %j is %s", (value, expected) => {
    if (value === undefined) delete process.env.GONGKAI_HSTS;
    else process.env.GONGKAI_HSTS = value;
    expect(hstsMode()).toBe(expected);
  });

  test("an unknown GONGKAI_HSTS is refused, naming the allowed values", () => {
    process.env.GONGKAI_HSTS = "on";
    expect(() => hstsMode()).toThrow(/always, auto, off/);
  });

  test("a data key of the wrong length is refused", () => {
    process.env.GONGKAI_DATA_KEY = Buffer.alloc(16).toString("base64");
    expect(() => dataKey()).toThrow(/32 bytes/);
  });
});
