import { createHash } from "node:crypto";

/** The hash chain of the audit log (issue 2 §4), pure so it can be verified anywhere. */

export const GENESIS_HASH = "0".repeat(64);

export type AuditContent = {
  at: string;
  actorId: string | null;
  actorName: string;
  actorRole: string;
  agencyId: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  result: string;
  changes: string | null;
};

export function auditHash(prevHash: string, row: AuditContent): string {
  const canonical = JSON.stringify([
    prevHash,
    row.at,
    row.actorId,
    row.actorName,
    row.actorRole,
    row.agencyId,
    row.action,
    row.objectType,
    row.objectId,
    row.result,
    row.changes,
  ]);
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}

export type ChainBreak = { id: number; reason: "prev_hash" | "hash" };

/** Walks rows in id order; returns the first break, or null when the chain is intact. */
export function findChainBreak(rows: Iterable<AuditContent & { id: number; prevHash: string; hash: string }>): ChainBreak | null {
  let expectedPrev = GENESIS_HASH;
  for (const row of rows) {
    if (row.prevHash !== expectedPrev) return { id: row.id, reason: "prev_hash" };
    if (auditHash(row.prevHash, row) !== row.hash) return { id: row.id, reason: "hash" };
    expectedPrev = row.hash;
  }
  return null;
}
