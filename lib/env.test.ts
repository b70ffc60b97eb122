import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { databasePath, dataKey, ensureLocalSecrets } from "./env";

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

  test("a data key of the wrong length is refused", () => {
    process.env.GONGKAI_DATA_KEY = Buffer.alloc(16).toString("base64");
    expect(() => dataKey()).toThrow(/32 bytes/);
  });
});
