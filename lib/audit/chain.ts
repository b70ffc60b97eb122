import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/**
 * The chain of the audit log (issue 2 §4, issue 13), pure so it can be verified anywhere. Rows
 * are keyed: each stores HMAC-SHA256 (key from GONGKAI_DATA_KEY) over its content, its
 * transaction number and the previous row's MAC, so someone who can write the file but has not
 * the key can neither rewrite a row nor re-chain the rows after it. Rows written before the key
 * (`commitSeq` null) keep their plain SHA-256: they are verified as such, may only precede the
 * keyed rows, and the first keyed row's MAC covers the last of them.
 */

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

export type ChainRow = AuditContent & { id: number; prevHash: string; hash: string; commitSeq: number | null };

function fields(row: AuditContent): (string | null)[] {
  return [row.at, row.actorId, row.actorName, row.actorRole, row.agencyId, row.action, row.objectType, row.objectId, row.result, row.changes];
}

/** The plain SHA-256 of rows chained before the key (verified, never written any more). */
export function auditHash(prevHash: string, row: AuditContent): string {
  return createHash("sha256").update(JSON.stringify([prevHash, ...fields(row)]), "utf8").digest("hex");
}

/** The MAC of a keyed row. */
export function auditMac(key: Buffer, prevHash: string, row: AuditContent & { commitSeq: number }): string {
  return createHmac("sha256", key).update(JSON.stringify(["v2", prevHash, row.commitSeq, ...fields(row)]), "utf8").digest("hex");
}

/** A MAC over a small record kept outside the table (the head file, the checkpoint). */
export function recordMac(key: Buffer, purpose: string, parts: (string | number)[]): string {
  return createHmac("sha256", key).update(JSON.stringify([purpose, ...parts]), "utf8").digest("hex");
}

export function sameMac(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** `changed`: the row's content no longer matches its MAC. `broken`: it does not follow the row before it. */
export type ChainBreak = { kind: "changed" | "broken"; id: number };

/** Where a walk stands: the last row verified (null before the first row). */
export type ChainPoint = { id: number; hash: string; commitSeq: number | null } | null;

/**
 * Walks rows in id order from `from` (the row they follow); returns the first break, or the
 * last row verified and how many rows were read.
 */
export function walkChain(key: Buffer, rows: Iterable<ChainRow>, from: ChainPoint = null): { break: ChainBreak | null; last: ChainPoint; count: number } {
  let last = from;
  let count = 0;
  for (const row of rows) {
    count++;
    if (row.prevHash !== (last?.hash ?? GENESIS_HASH)) return { break: { kind: "broken", id: row.id }, last, count };
    if (row.commitSeq === null) {
      // A plain-hashed row after a keyed one is a downgrade: someone re-hashed without the key.
      if (last && last.commitSeq !== null) return { break: { kind: "changed", id: row.id }, last, count };
      if (auditHash(row.prevHash, row) !== row.hash) return { break: { kind: "changed", id: row.id }, last, count };
    } else {
      if (!sameMac(auditMac(key, row.prevHash, { ...row, commitSeq: row.commitSeq }), row.hash)) return { break: { kind: "changed", id: row.id }, last, count };
      const previous = last?.commitSeq ?? 0;
      if (row.commitSeq !== previous && row.commitSeq !== previous + 1) return { break: { kind: "broken", id: row.id }, last, count };
    }
    last = { id: row.id, hash: row.hash, commitSeq: row.commitSeq };
  }
  return { break: null, last, count };
}
