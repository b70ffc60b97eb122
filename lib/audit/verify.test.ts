import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { beforeEach, describe, expect, test } from "vitest";
import { getSqlite } from "../../db";
import { CLI_ACTOR } from "../auth/actor";
import { createAgency } from "../agencies/mutations";
import { freshDatabase } from "../testing/db";
import { auditHash, GENESIS_HASH } from "./chain";
import { checkpointFile, headFile } from "./head";
import { verifyAudit } from "./verify";

/**
 * The tampering cases of issue 13 item 2: someone who can write the database file (and the head
 * file beside it) but has not GONGKAI_DATA_KEY.
 */

let file: string;
const addAgency = (code: string) => createAgency(CLI_ACTOR, { code, name: `${code}机关` });
const count = () => (getSqlite().prepare("SELECT count(*) AS n FROM audit_log").get() as { n: number }).n;
const kinds = () => verifyAudit({ full: true }).findings.map((f) => f.kind);

beforeEach(() => {
  file = freshDatabase();
  for (const code of ["a", "b", "c", "d"]) addAgency(code);
});

describe("audit verification", () => {
  test("an intact trail verifies, and its head file names the last row (mode 0600)", () => {
    expect(verifyAudit({ full: true })).toMatchObject({ ok: true, rows: 4, findings: [] });
    const head = JSON.parse(readFileSync(headFile(file), "utf8")) as { id: number };
    expect(head.id).toBe(4);
    expect(statSync(headFile(file)).mode & 0o777).toBe(0o600);
  });

  test("a row changed and re-hashed the old way (plain SHA-256, every row after it too) is reported", () => {
    const db = getSqlite();
    db.exec("DROP TRIGGER audit_log_no_update");
    const rows = db.prepare("SELECT * FROM audit_log ORDER BY id").all() as Record<string, string | number | null>[];
    let prev = rows[0].hash as string;
    for (const row of rows.slice(1)) {
      const changes = (row.changes as string).replace("b机关", "乙机关");
      const content = { at: row.at, actorId: row.actor_id, actorName: row.actor_name, actorRole: row.actor_role, agencyId: row.agency_id, action: row.action, objectType: row.object_type, objectId: row.object_id, result: row.result, changes } as Parameters<typeof auditHash>[1];
      const hash = auditHash(prev, content);
      db.prepare("UPDATE audit_log SET changes = ?, prev_hash = ?, hash = ? WHERE id = ?").run(changes, prev, hash, row.id);
      prev = hash;
    }
    const result = verifyAudit({ full: true });
    expect(result.ok).toBe(false);
    expect(result.findings).toContainEqual({ kind: "changed", id: 2 });
    expect(result.findings).toContainEqual({ kind: "trigger_missing", name: "audit_log_no_update" });
  });

  test("the tail deleted with the triggers dropped: reported truncated, and the writer refuses to append", () => {
    const db = getSqlite();
    db.exec("DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_no_update;");
    db.prepare("DELETE FROM audit_log WHERE id > 2").run();
    const result = verifyAudit({ full: true });
    expect(result.ok).toBe(false);
    expect(result.findings).toContainEqual({ kind: "truncated", headId: 4, lastId: 2 });
    expect(result.findings.map((f) => f.kind)).toEqual(expect.arrayContaining(["trigger_missing", "trigger_missing", "truncated"]));
    expect(() => addAgency("e")).toThrow(/审计日志被截断.*已拒绝写入/);
    expect(count()).toBe(2);
    expect(db.prepare("SELECT count(*) AS n FROM agencies WHERE code = 'e'").get()).toEqual({ n: 0 });
  });

  test("a head file removed is reported, and the writer refuses (the tail cannot be vouched for)", () => {
    rmSync(headFile(file));
    expect(kinds()).toEqual(["head_missing"]);
    expect(() => addAgency("e")).toThrow(/头文件缺失/);
  });

  test("a head file forged for an earlier row (without the key) is refused like a missing one", () => {
    const head = JSON.parse(readFileSync(headFile(file), "utf8")) as Record<string, unknown>;
    const row2 = getSqlite().prepare("SELECT hash, commit_seq AS s FROM audit_log WHERE id = 2").get() as { hash: string; s: number };
    writeFileSync(headFile(file), JSON.stringify({ ...head, id: 2, commitSeq: row2.s, mac: row2.hash }));
    expect(kinds()).toEqual(["head_invalid"]);
  });

  test.each([
    ["audit_log_no_update", "DROP TRIGGER audit_log_no_update"],
    ["audit_log_no_delete", "DROP TRIGGER audit_log_no_delete; CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT 1; END;"],
  ])("a missing (or emptied) append-only trigger is reported: %s", (name, sql) => {
    getSqlite().exec(sql);
    expect(verifyAudit({ full: true }).findings).toEqual([{ kind: "trigger_missing", name }]);
  });

  test("a head one commit behind (a crash between commit and head write) is brought forward once the chain verifies", () => {
    const before = readFileSync(headFile(file), "utf8");
    addAgency("e");
    writeFileSync(headFile(file), before); // as if the process died right after the commit
    expect(verifyAudit({ full: true }).ok).toBe(true);
    addAgency("f");
    expect(JSON.parse(readFileSync(headFile(file), "utf8"))).toMatchObject({ id: 6 });
    expect(verifyAudit({ full: true })).toMatchObject({ ok: true, rows: 6 });
  });

  test("a head two commits behind is not brought forward: it may be a replayed head hiding a truncation", () => {
    const before = readFileSync(headFile(file), "utf8");
    addAgency("e");
    addAgency("f");
    writeFileSync(headFile(file), before);
    expect(verifyAudit({ full: true }).findings).toEqual([{ kind: "head_behind", headId: 4, lastId: 6 }]);
    expect(() => addAgency("g")).toThrow(/不止一次提交/);
  });

  test("a page view verifies from the checkpoint on; the full check re-reads every row", () => {
    expect(verifyAudit({ writeCheckpoint: true })).toMatchObject({ ok: true, full: true, checked: 4 });
    expect(existsSync(checkpointFile(file))).toBe(true);
    addAgency("e");
    expect(verifyAudit({ writeCheckpoint: true })).toMatchObject({ ok: true, full: false, checked: 1 });
    // A row before the checkpoint changed without its MAC: the next page view reads only what is new,
    // the full check (the page's button, `audit verify`) finds it.
    const db = getSqlite();
    db.exec("DROP TRIGGER audit_log_no_update");
    db.prepare("UPDATE audit_log SET actor_name = 'mallory' WHERE id = 2").run();
    db.exec("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;");
    expect(verifyAudit({ writeCheckpoint: true })).toMatchObject({ ok: true, full: false, checked: 0 });
    expect(verifyAudit({ full: true }).findings).toEqual([{ kind: "changed", id: 2 }]);
  });

  test("a trail chained with plain SHA-256 before the key is verified once and sealed by the next write", () => {
    // The database as an older version left it: legacy rows, no commit numbers, no head file.
    const fresh = freshDatabase();
    const db = getSqlite();
    let prev = GENESIS_HASH;
    for (let i = 1; i <= 3; i++) {
      const c = { at: `2026-01-0${i}T00:00:00.000Z`, actorId: null, actorName: "cli", actorRole: "system", agencyId: null, action: "agency.create", objectType: "agency", objectId: `x${i}`, result: "success", changes: null };
      const hash = auditHash(prev, c);
      db.prepare("INSERT INTO audit_log (at, actor_id, actor_name, actor_role, agency_id, action, object_type, object_id, result, changes, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)").run(
        c.at, c.actorId, c.actorName, c.actorRole, c.agencyId, c.action, c.objectType, c.objectId, c.result, c.changes, prev, hash,
      );
      prev = hash;
    }
    expect(verifyAudit({ full: true })).toMatchObject({ ok: true, legacy: true, rows: 3 });
    addAgency("z");
    const actions = db.prepare("SELECT action, commit_seq AS s FROM audit_log ORDER BY id").all();
    expect(actions.slice(3)).toEqual([
      { action: "audit.chain_keyed", s: 1 },
      { action: "agency.create", s: 1 },
    ]);
    expect(verifyAudit({ full: true })).toMatchObject({ ok: true, legacy: false, rows: 5 });
    expect(existsSync(headFile(fresh))).toBe(true);
    // After the seal a legacy row cannot be changed and re-hashed: the first keyed row covers it.
    db.exec("DROP TRIGGER audit_log_no_update");
    const c = db.prepare("SELECT * FROM audit_log WHERE id = 3").get() as Record<string, string | null>;
    const forged = auditHash(c.prev_hash as string, { at: c.at as string, actorId: null, actorName: "mallory", actorRole: "system", agencyId: null, action: "agency.create", objectType: "agency", objectId: "x3", result: "success", changes: null });
    db.prepare("UPDATE audit_log SET actor_name = 'mallory', hash = ? WHERE id = 3").run(forged);
    expect(verifyAudit({ full: true }).findings).toContainEqual({ kind: "broken", id: 4 });
  });
});
