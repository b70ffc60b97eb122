import { beforeEach, describe, expect, test } from "vitest";
import { getSqlite, writeTx } from "../../db";
import { agencies } from "../../db/schema";
import { CLI_ACTOR } from "../auth/actor";
import { createAgency, insertAgency } from "../agencies/mutations";
import { createRequest } from "../requests/mutations";
import { freshDatabase, makeUser, requestInput, TODAY } from "../testing/db";
import { recordAudit } from "./record";
import { verifyAudit } from "./verify";

const firstFinding = () => verifyAudit({ full: true }).findings.find((f) => f.kind === "changed" || f.kind === "broken") ?? null;

function count(table: string): number {
  return (getSqlite().prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe("the audit trail", () => {
  beforeEach(() => {
    freshDatabase();
  });

  test("every mutation writes its audit row, with personal data masked", async () => {
    createAgency(CLI_ACTOR, { code: "a", name: "甲机关" });
    const clerk = await makeUser("clerk1", "clerk", "a");
    createRequest(clerk, requestInput({ serial: "1", receivedDate: "2026-03-02", applicantType: "natural", applicantName: "张三", phone: "13812345678", content: "x" }), TODAY);
    const actions = getSqlite().prepare("SELECT action, actor_name, changes FROM audit_log ORDER BY id").all() as { action: string; actor_name: string; changes: string }[];
    expect(actions.map((r) => r.action)).toEqual(["agency.create", "user.create", "request.create"]);
    expect(actions[2].actor_name).toBe("clerk1");
    expect(actions[2].changes).toContain("138****5678");
    expect(actions[2].changes).not.toContain("13812345678");
    expect(actions[1].changes).not.toContain("scrypt");
    expect(verifyAudit({ full: true })).toMatchObject({ ok: true, findings: [] });
  });

  test("a mutation that fails leaves neither its change nor its audit row", async () => {
    createAgency(CLI_ACTOR, { code: "a", name: "甲机关" });
    const before = { agencies: count("agencies"), audit: count("audit_log") };
    expect(() => createAgency(CLI_ACTOR, { code: "b", name: "乙", parentCode: "missing" })).toThrow(/不存在/);
    expect(() =>
      writeTx((tx) => {
        insertAgency(tx, CLI_ACTOR, { code: "c", name: "丙", parentId: null });
        throw new Error("failure after the audit row was written");
      }),
    ).toThrow(/failure after/);
    expect({ agencies: count("agencies"), audit: count("audit_log") }).toEqual(before);
  });

  test("a duplicate serial is refused and nothing is written", async () => {
    createAgency(CLI_ACTOR, { code: "a", name: "甲机关" });
    const clerk = await makeUser("clerk1", "clerk", "a");
    const input = requestInput({ serial: "1", applicantName: "张三" });
    createRequest(clerk, input, TODAY);
    const audit = count("audit_log");
    expect(() => createRequest(clerk, input, TODAY)).toThrow(/已被/);
    expect(count("audit_log")).toBe(audit);
    expect(count("requests")).toBe(1);
  });

  test("UPDATE and DELETE on the audit log are refused by the database", () => {
    createAgency(CLI_ACTOR, { code: "a", name: "甲机关" });
    expect(() => getSqlite().prepare("UPDATE audit_log SET actor_name = 'x'").run()).toThrow(/append-only/);
    expect(() => getSqlite().prepare("DELETE FROM audit_log").run()).toThrow(/append-only/);
    expect(count("audit_log")).toBe(1);
  });

  test("records are never hard-deleted", async () => {
    createAgency(CLI_ACTOR, { code: "a", name: "甲机关" });
    const clerk = await makeUser("clerk1", "clerk", "a");
    createRequest(clerk, requestInput({ serial: "1", receivedDate: "2026-03-02", applicantType: "natural", applicantName: "张三", content: "x" }), TODAY);
    for (const table of ["requests", "request_events", "users", "agencies"]) {
      expect(() => getSqlite().prepare(`DELETE FROM ${table}`).run(), table).toThrow();
    }
  });

  test("a row tampered with outside the application is detected", () => {
    createAgency(CLI_ACTOR, { code: "a", name: "甲机关" });
    createAgency(CLI_ACTOR, { code: "b", name: "乙机关" });
    createAgency(CLI_ACTOR, { code: "c", name: "丙机关" });
    expect(verifyAudit({ full: true })).toMatchObject({ ok: true, findings: [] });
    // Someone with the file drops the trigger and edits a row: the chain shows where.
    const db = getSqlite();
    db.exec("DROP TRIGGER audit_log_no_update");
    db.prepare("UPDATE audit_log SET changes = replace(changes, '乙机关', '丁机关') WHERE id = 2").run();
    expect(firstFinding()).toEqual({ kind: "changed", id: 2 });
  });

  test("a removed row is detected", () => {
    for (const code of ["a", "b", "c"]) createAgency(CLI_ACTOR, { code, name: code });
    const db = getSqlite();
    db.exec("DROP TRIGGER audit_log_no_delete");
    db.prepare("DELETE FROM audit_log WHERE id = 2").run();
    expect(firstFinding()).toEqual({ kind: "broken", id: 3 });
  });

  test("rows written by recordAudit chain onto one another", () => {
    writeTx((tx) => {
      tx.insert(agencies).values({ id: "x", code: "x", name: "x" }).run();
      recordAudit(tx, CLI_ACTOR, { action: "test.one", objectType: "agency", objectId: "x" });
      recordAudit(tx, CLI_ACTOR, { action: "test.two", objectType: "agency", objectId: "x" });
    });
    const rows = getSqlite().prepare("SELECT prev_hash, hash FROM audit_log ORDER BY id").all() as { prev_hash: string; hash: string }[];
    expect(rows[1].prev_hash).toBe(rows[0].hash);
    expect(verifyAudit({ full: true })).toMatchObject({ ok: true, findings: [] });
  });

  test("a savepoint rolled back inside a transaction leaves a chain that verifies, and the head at the last row kept", () => {
    writeTx((tx) => {
      tx.insert(agencies).values({ id: "x", code: "x", name: "x" }).run();
      recordAudit(tx, CLI_ACTOR, { action: "test.one", objectType: "agency", objectId: "x" });
      expect(() =>
        writeTx((inner) => {
          recordAudit(inner, CLI_ACTOR, { action: "test.dropped", objectType: "agency", objectId: "x" });
          throw new Error("inner failure");
        }),
      ).toThrow(/inner failure/);
      recordAudit(tx, CLI_ACTOR, { action: "test.two", objectType: "agency", objectId: "x" });
    });
    const rows = getSqlite().prepare("SELECT id, action, commit_seq AS s FROM audit_log ORDER BY id").all() as { id: number; action: string; s: number }[];
    expect(rows.map((r) => r.action)).toEqual(["test.one", "test.two"]);
    expect(new Set(rows.map((r) => r.s)).size).toBe(1);
    expect(verifyAudit({ full: true })).toMatchObject({ ok: true, rows: 2 });
  });
});
