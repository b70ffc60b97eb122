import "server-only";
import { afterCommit, currentTxScope, getSqlite, type Tx, writeTx } from "../../db";
import { auditLog } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { SYSTEM_ACTOR } from "../auth/actor";
import { AppError } from "../errors";
import { auditChainKey } from "../pii/crypto";
import { nowIso } from "../time";
import { type AuditContent, auditMac, GENESIS_HASH, walkChain } from "./chain";
import { changeSet } from "./changes";
import { headFile, readMark, writeMark } from "./head";
import { compareHead, headProblem, lastRow, lastRowOf, markOf, rowsAfter } from "./trail";

export type AuditEntry = {
  action: string;
  objectType: string;
  objectId?: string | null;
  agencyId?: string | null;
  result?: "success" | "denied" | "failure";
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  detail?: Record<string, unknown>;
};

/** The number of the transaction appending (keyed by its outermost scope). */
type Appending = { key: Buffer; commitSeq: number };
const appending = new WeakMap<object, Appending>();

/**
 * Appends one audit row inside the caller's write transaction, chained to the previous row.
 * Every mutation calls this in the same transaction as its change (issue 2 §4). The first row
 * of a transaction first checks the trail against its head file (issue 13): a database behind
 * its head, or one whose head cannot vouch for its tail, is not written to.
 */
export function recordAudit(tx: Tx, actor: Actor, entry: AuditEntry): void {
  const state = appending.get(currentTxScope() ?? tx) ?? beginAppending(tx);
  const diff = entry.before !== undefined || entry.after !== undefined ? changeSet(entry.before, entry.after) : {};
  const payload = { ...diff, ...(entry.detail ? { detail: entry.detail } : {}) };
  append(tx, state, {
    at: nowIso(),
    actorId: actor.id,
    actorName: actor.username,
    actorRole: actor.role,
    agencyId: entry.agencyId ?? actor.agencyId,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId ?? null,
    result: entry.result ?? "success",
    changes: Object.keys(payload).length > 0 ? JSON.stringify(payload) : null,
  });
}

function append(tx: Tx, state: Appending, content: AuditContent): void {
  // The previous row as the table has it now (a savepoint rolled back inside the transaction drops its rows).
  const prevHash = lastRow(getSqlite())?.hash ?? GENESIS_HASH;
  const hash = auditMac(state.key, prevHash, { ...content, commitSeq: state.commitSeq });
  tx.insert(auditLog)
    .values({ ...content, result: content.result as "success" | "denied" | "failure", prevHash, hash, commitSeq: state.commitSeq })
    .run();
}

function beginAppending(tx: Tx): Appending {
  const sqlite = getSqlite();
  const key = auditChainKey();
  const file = headFile(sqlite.name);
  const found = compareHead(key, sqlite);
  const problem = headProblem(found, file);
  if (problem) throw new AppError("CONFLICT", `${problem}已拒绝写入，请联系系统管理员核查（cli audit verify）。`, undefined, "audit trail does not match its head file; writing refused");
  const last = lastRow(sqlite);
  const state: Appending = { key, commitSeq: (last?.commitSeq ?? 0) + 1 };
  appending.set(currentTxScope() ?? tx, state);
  // A crash between the last commit and its head's write: the chain from the head verified.
  if (found.state === "behind_one") writeMark(key, "head", file, markOf(found.last));
  if (found.state === "legacy") sealLegacyChain(tx, state);
  afterCommit(() => advanceHead(key, file, state.commitSeq));
  return state;
}

/**
 * The upgrade of a trail chained with plain SHA-256 before issue 13: its rows are verified once
 * as they are (a broken one refuses the upgrade), then a first keyed row records how many there
 * were and the hash of the last; its MAC covers that hash, so the old rows cannot be changed
 * afterwards without breaking the keyed chain. The rows themselves are never rewritten.
 */
function sealLegacyChain(tx: Tx, state: Appending): void {
  const walk = walkChain(state.key, rowsAfter(getSqlite(), 0));
  if (walk.break) {
    throw new AppError("CONFLICT", `审计日志第 ${walk.break.id} 条记录与其哈希不符，无法升级为密钥校验，已拒绝写入。`, undefined, "legacy audit chain broken");
  }
  append(tx, state, {
    at: nowIso(),
    actorId: SYSTEM_ACTOR.id,
    actorName: SYSTEM_ACTOR.username,
    actorRole: SYSTEM_ACTOR.role,
    agencyId: null,
    action: "audit.chain_keyed",
    objectType: "audit",
    objectId: null,
    result: "success",
    changes: JSON.stringify({ detail: { legacyRows: walk.count, legacyLastId: walk.last?.id ?? null, legacyLastHash: walk.last?.hash ?? null } }),
  });
}

/**
 * After the commit: the head file names the last row. Under the write lock, so that two
 * processes' heads are written in commit order and a head never moves back; a head file that
 * is not one this key wrote is left for the next writer to refuse.
 */
function advanceHead(key: Buffer, file: string, commitSeq: number): void {
  try {
    const sqlite = getSqlite();
    sqlite
      .transaction(() => {
        const row = lastRowOf(sqlite, commitSeq);
        if (!row) return; // every row of it was in a savepoint rolled back
        const mine = markOf(row);
        const head = readMark(key, "head", file);
        if (head.state === "invalid" || (head.state === "ok" && head.mark.id >= mine.id)) return;
        writeMark(key, "head", file, mine);
      })
      .immediate();
  } catch (error) {
    // The rows are committed; the next writer finds the head one commit behind and brings it forward.
    console.error("audit head not written:", error);
  }
}

/** Records an event that changes nothing else (a refused login, a denied access) in its own transaction. */
export function recordAuditAlone(actor: Actor, entry: AuditEntry): void {
  writeTx((tx) => recordAudit(tx, actor, entry));
}
