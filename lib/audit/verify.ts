import "server-only";
import { rmSync } from "node:fs";
import type Database from "better-sqlite3";
import { getSqlite } from "../../db";
import { CLI_ACTOR } from "../auth/actor";
import { AppError } from "../errors";
import { auditChainKey } from "../pii/crypto";
import { type ChainPoint, sameMac, walkChain } from "./chain";
import { checkpointFile, headFile, readMark, writeMark } from "./head";
import { recordAuditAlone } from "./record";
import { compareHead, lastRow, markOf, rowAt, rowsAfter } from "./trail";

/**
 * Verification of the audit trail (interfaces.md `audit verify`, /admin/audit): the append-only
 * triggers, the keyed chain and the head file. A page view verifies from the checkpoint (the last
 * row a verification found intact) onwards; `full` re-reads every row. Nothing is written
 * before the check is complete, and only the checkpoint after a clean one (never by the CLI).
 */

export type AuditFinding =
  | { kind: "changed" | "broken"; id: number }
  | { kind: "truncated" | "head_behind"; headId: number; lastId: number | null }
  | { kind: "head_missing" | "head_invalid"; file: string }
  | { kind: "trigger_missing"; name: string };

export type AuditVerification = {
  ok: boolean;
  /** Rows in the table. */
  rows: number;
  /** Rows read by this verification (all of them when `full`). */
  checked: number;
  full: boolean;
  findings: AuditFinding[];
  /** Rows chained before the key and not sealed yet (the next write seals them). */
  legacy: boolean;
};

/** The triggers that make the table append-only (db/migrations/0001), and what each must do. */
export const AUDIT_TRIGGERS = [
  { name: "audit_log_no_update", event: "UPDATE" },
  { name: "audit_log_no_delete", event: "DELETE" },
] as const;

function missingTriggers(sqlite: Database.Database): string[] {
  return AUDIT_TRIGGERS.filter(({ name, event }) => {
    const row = sqlite.prepare("SELECT tbl_name AS tbl, sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").get(name) as { tbl: string; sql: string } | undefined;
    return !row || row.tbl !== "audit_log" || !new RegExp(`BEFORE\\s+${event}\\s+ON`, "i").test(row.sql) || !/RAISE\s*\(\s*ABORT/i.test(row.sql);
  }).map((t) => t.name);
}

/** The checkpoint, if it is one this key wrote and its row is still as it was. */
function checkpoint(key: Buffer, sqlite: Database.Database): ChainPoint {
  const read = readMark(key, "checkpoint", checkpointFile(sqlite.name));
  if (read.state !== "ok") return null;
  const row = rowAt(sqlite, read.mark.id);
  if (!row || !sameMac(row.hash, read.mark.mac) || row.commitSeq !== read.mark.commitSeq) return null;
  return { id: row.id, hash: row.hash, commitSeq: row.commitSeq };
}

export function verifyAudit(options: { full?: boolean; writeCheckpoint?: boolean } = {}): AuditVerification {
  const sqlite = getSqlite();
  const key = auditChainKey();
  // One read transaction: the rows, the head and the triggers are seen as of one moment.
  return sqlite
    .transaction(() => {
      // In the order the CLI names them: the first failing row, then the head, then the triggers.
      const findings: AuditFinding[] = [];
      const from = options.full ? null : checkpoint(key, sqlite);
      const walk = walkChain(key, rowsAfter(sqlite, from?.id ?? 0), from);
      if (walk.break) findings.push(walk.break);
      const file = headFile(sqlite.name);
      const head = compareHead(key, sqlite);
      if (head.state === "truncated" || head.state === "head_behind") findings.push({ kind: head.state, headId: head.headId, lastId: head.lastId });
      if (head.state === "head_missing" || head.state === "head_invalid") findings.push({ kind: head.state, file });
      if (head.state === "break" && head.break.id !== walk.break?.id) findings.push(head.break);
      for (const name of missingTriggers(sqlite)) findings.push({ kind: "trigger_missing", name });
      const rows = (sqlite.prepare("SELECT count(*) AS n FROM audit_log").get() as { n: number }).n;
      const ok = findings.length === 0;
      if (ok && options.writeCheckpoint && walk.last && walk.last.id !== from?.id) {
        writeMark(key, "checkpoint", checkpointFile(sqlite.name), markOf(walk.last));
      }
      return { ok, rows, checked: walk.count, full: !from, findings, legacy: head.state === "legacy" };
    })
    .deferred();
}

/** A finding in Chinese and English, naming the row, the trigger or `truncated` (the CLI's standard error). */
export function describeFinding(f: AuditFinding): { zh: string; en: string } {
  switch (f.kind) {
    case "changed":
      return { zh: `第 ${f.id} 条记录被改动`, en: `row ${f.id}: changed` };
    case "broken":
      return { zh: `第 ${f.id} 条记录与前一条不相连（记录被删除或插入）`, en: `row ${f.id}: chain broken` };
    case "truncated":
      return { zh: `审计日志被截断：头文件记录到第 ${f.headId} 条，数据库止于第 ${f.lastId ?? 0} 条`, en: `truncated: head at row ${f.headId}, database ends at row ${f.lastId ?? 0}` };
    case "head_behind":
      return { zh: `头文件（第 ${f.headId} 条）落后数据库（第 ${f.lastId} 条）不止一次提交`, en: `head behind: head at row ${f.headId}, database at row ${f.lastId}` };
    case "head_missing":
      return { zh: `审计链头文件缺失：${f.file}`, en: `head missing: ${f.file}` };
    case "head_invalid":
      return { zh: `审计链头文件无效或被改动：${f.file}`, en: `head invalid: ${f.file}` };
    case "trigger_missing":
      return { zh: `缺少只允许追加的触发器 ${f.name}`, en: `trigger missing: ${f.name}` };
  }
}

const HEAD_FINDINGS = new Set<AuditFinding["kind"]>(["truncated", "head_behind", "head_missing", "head_invalid"]);

/**
 * The operator's decision after a restore without its head file (`audit verify --adopt-head`):
 * when the chain and the triggers are intact and only the head disagrees, the head is set to
 * the last row, and the decision is itself audited. Rows lost before that cannot be shown.
 */
export function adoptAuditHead(): AuditVerification {
  const before = verifyAudit({ full: true });
  if (before.ok) return before;
  const other = before.findings.find((f) => !HEAD_FINDINGS.has(f.kind));
  if (other) throw new AppError("CONFLICT", `审计链本身有问题，不能采用新的头文件：${describeFinding(other).zh}`, undefined, `cannot adopt a head: ${describeFinding(other).en}`);
  const sqlite = getSqlite();
  const last = lastRow(sqlite);
  if (last) writeMark(auditChainKey(), "head", headFile(sqlite.name), markOf(last));
  else rmSync(headFile(sqlite.name), { force: true });
  recordAuditAlone(CLI_ACTOR, { action: "audit.head_adopted", objectType: "audit", detail: { lastId: last?.id ?? null, findings: before.findings.map((f) => describeFinding(f).en) } });
  return verifyAudit({ full: true });
}
