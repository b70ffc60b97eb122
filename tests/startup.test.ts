import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test, vi } from "vitest";
import { register } from "@/instrumentation";
import { closeDb, getSqlite, openDatabase } from "@/db";
import { createAgency } from "@/lib/agencies/mutations";
import { headFile } from "@/lib/audit/head";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { shippedYears } from "@/lib/calendar/shipped";
import { createRequest } from "@/lib/requests/mutations";
import { freshDatabase, makeUser, requestInput, TODAY } from "@/lib/testing/db";

/**
 * Issue 11: `db/` only opens and migrates; the start-up step in lib/ (lib/lifecycle.ts) loads
 * the shipped calendars and derives the status and due date of open requests that lack them.
 * The server (instrumentation), the CLI and the test base all run it; opening alone writes nothing.
 */

const root = path.resolve(import.meta.dirname, "..");
const tmp = () => mkdtempSync(path.join(os.tmpdir(), "gongkai-startup-"));
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

function facts(file: string) {
  const holder = openDatabase(file);
  try {
    return {
      years: holder.sqlite.prepare("SELECT count(*) AS n FROM calendar_years").get() as { n: number },
      requests: holder.sqlite.prepare("SELECT serial, status, due_date AS due FROM requests ORDER BY serial").all() as { serial: string; status: string | null; due: string | null }[],
    };
  } finally {
    holder.sqlite.close();
  }
}

/**
 * A database as a bulk load or a rule-changing migration leaves it: one open request whose
 * derived state is gone. Returns the file (closed, checkpointed) and the due date it must get back.
 */
async function withUnderivedRequest(): Promise<{ file: string; due: string }> {
  const file = freshDatabase();
  createAgency(CLI_ACTOR, { code: "s", name: "启动测试局" });
  const clerk = await makeUser("clerk", "clerk", "s");
  const request = createRequest(clerk, requestInput({ receivedDate: "2024-03-01" }), TODAY);
  const sqlite = getSqlite();
  const due = (sqlite.prepare("SELECT due_date AS due FROM requests WHERE id = ?").get(request.id) as { due: string }).due;
  sqlite.prepare("UPDATE requests SET due_date = NULL, status = 'awaiting_supplement' WHERE id = ?").run(request.id);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  closeDb();
  const copy = path.join(tmp(), "underived.db");
  copyFileSync(file, copy);
  copyFileSync(headFile(file), headFile(copy)); // the audit head goes with its database
  return { file: copy, due };
}

afterEach(() => {
  closeDb();
  vi.unstubAllEnvs();
});

describe("the start-up step", () => {
  test("opening the database alone migrates and writes nothing: no calendars, no due dates, the file unchanged", async () => {
    const fresh = path.join(tmp(), "fresh.db");
    expect(facts(fresh).years.n).toBe(0);

    const { file } = await withUnderivedRequest();
    const before = sha(file);
    const holder = openDatabase(file);
    const changes = (holder.sqlite.prepare("SELECT total_changes() AS n").get() as { n: number }).n;
    holder.sqlite.pragma("wal_checkpoint(TRUNCATE)");
    holder.sqlite.close();
    expect(changes).toBe(0);
    expect(sha(file)).toBe(before);
    expect(facts(file).requests).toEqual([{ serial: "2026-0001", status: "awaiting_supplement", due: null }]);
  });

  test("the test base: a fresh test database holds every shipped calendar year", () => {
    const file = freshDatabase();
    closeDb();
    expect(facts(file).years.n).toBe(shippedYears().length);
  });

  test("the CLI: any command on a new file loads the calendars; on an underived database it restores the due date", async () => {
    const cli = (file: string, args: string[]) =>
      spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["--conditions=react-server", path.join(root, "cli", "index.ts"), ...args], {
        cwd: root,
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: file, GONGKAI_ROOT: root },
      });
    const fresh = path.join(tmp(), "cli.db");
    expect(cli(fresh, ["agency", "add", "--code", "c", "--name", "命令行局"]).status).toBe(0);
    expect(facts(fresh).years.n).toBe(shippedYears().length);

    const { file, due } = await withUnderivedRequest();
    expect(cli(file, ["agency", "add", "--code", "d", "--name", "另一局"]).status).toBe(0);
    expect(facts(file).requests).toEqual([{ serial: "2026-0001", status: "registered", due }]);
  }, 60_000);

  test("the server: its instrumentation prepares a new file and restores an underived one", async () => {
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    vi.spyOn(console, "log").mockImplementation(() => {});
    const fresh = path.join(tmp(), "server.db");
    vi.stubEnv("DATABASE_URL", fresh);
    await register();
    closeDb();
    expect(facts(fresh).years.n).toBe(shippedYears().length);

    const { file, due } = await withUnderivedRequest();
    vi.stubEnv("DATABASE_URL", file);
    await register();
    closeDb();
    expect(facts(file).requests).toEqual([{ serial: "2026-0001", status: "registered", due }]);
  });
});
