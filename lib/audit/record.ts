import "server-only";
import { asc, desc } from "drizzle-orm";
import { getDb, type Tx, writeTx } from "../../db";
import { auditLog } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { type AuditContent, auditHash, findChainBreak, GENESIS_HASH } from "./chain";
import { changeSet } from "./changes";
import { nowIso } from "../time";

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

/**
 * Appends one audit row inside the caller's write transaction, chained to the previous row.
 * Every mutation calls this in the same transaction as its change (issue 2 §4).
 */
export function recordAudit(tx: Tx, actor: Actor, entry: AuditEntry): void {
  const last = tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const diff = entry.before !== undefined || entry.after !== undefined ? changeSet(entry.before, entry.after) : {};
  const payload = { ...diff, ...(entry.detail ? { detail: entry.detail } : {}) };
  const content: AuditContent = {
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
  };
  tx.insert(auditLog)
    .values({ ...content, result: content.result as "success" | "denied" | "failure", prevHash, hash: auditHash(prevHash, content) })
    .run();
}

/** Records an event that changes nothing else (a refused login, a denied access) in its own transaction. */
export function recordAuditAlone(actor: Actor, entry: AuditEntry): void {
  writeTx((tx) => recordAudit(tx, actor, entry));
}

/** Verifies the whole chain; `null` when intact, else the first row that does not fit. */
export function verifyAuditChain() {
  return findChainBreak(getDb().select().from(auditLog).orderBy(asc(auditLog.id)).all());
}
