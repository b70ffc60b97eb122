import { randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import { type AuditContent, auditHash, auditMac, type ChainRow, GENESIS_HASH, walkChain } from "./chain";

const key = randomBytes(32);

function content(i: number): AuditContent {
  return {
    at: `2026-01-0${i}T00:00:00.000Z`,
    actorId: "u1",
    actorName: "alice",
    actorRole: "clerk",
    agencyId: "a1",
    action: "request.create",
    objectType: "request",
    objectId: `r${i}`,
    result: "success",
    changes: JSON.stringify({ after: { serial: `2026-000${i}` } }),
  };
}

/** `legacy` rows chained with plain SHA-256 first, then keyed rows, one commit each. */
function chain(n: number, legacy = 0): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const c = content(i);
    const commitSeq = i <= legacy ? null : i - legacy;
    const hash = commitSeq === null ? auditHash(prev, c) : auditMac(key, prev, { ...c, commitSeq });
    rows.push({ ...c, id: i, prevHash: prev, hash, commitSeq });
    prev = hash;
  }
  return rows;
}

describe("the keyed audit chain", () => {
  test("an intact chain verifies, with or without a legacy prefix", () => {
    expect(walkChain(key, chain(5)).break).toBeNull();
    expect(walkChain(key, chain(5, 2)).break).toBeNull();
    expect(walkChain(key, []).break).toBeNull();
  });

  test("the MAC covers every field, the transaction number and the previous MAC, and needs the key", () => {
    const base = { ...content(1), commitSeq: 1 };
    const mac = auditMac(key, GENESIS_HASH, base);
    for (const field of Object.keys(base) as (keyof typeof base)[]) {
      expect(auditMac(key, GENESIS_HASH, { ...base, [field]: field === "commitSeq" ? 2 : "x" }), field).not.toBe(mac);
    }
    expect(auditMac(key, "f".repeat(64), base)).not.toBe(mac);
    expect(auditMac(randomBytes(32), GENESIS_HASH, base)).not.toBe(mac);
  });

  test("a row rewritten and re-hashed without the key, with every row after it, is found", () => {
    // What beat the plain SHA-256 chain: edit a row and recompute every hash after it.
    const rows = chain(5);
    let prev = rows[1].hash;
    for (let i = 2; i < 5; i++) {
      const forged = { ...rows[i], prevHash: prev, actorName: i === 2 ? "mallory" : rows[i].actorName };
      forged.hash = auditHash(prev, forged);
      rows[i] = forged;
      prev = forged.hash;
    }
    expect(walkChain(key, rows).break).toEqual({ kind: "changed", id: 3 });
    // The same forgery passed as plain-hashed rows is a downgrade after a keyed row.
    expect(walkChain(key, rows.map((r, i) => (i >= 2 ? { ...r, commitSeq: null } : r))).break).toEqual({ kind: "changed", id: 3 });
  });

  test("an edited row is found; a removed row is found at the row after it", () => {
    const edited = chain(5, 2);
    edited[1] = { ...edited[1], changes: "forged" };
    expect(walkChain(key, edited).break).toEqual({ kind: "changed", id: 2 });
    const removed = chain(5);
    removed.splice(1, 1);
    expect(walkChain(key, removed).break).toEqual({ kind: "broken", id: 3 });
  });

  test("a walk continues from a checkpoint", () => {
    const rows = chain(6);
    const from = { id: 3, hash: rows[2].hash, commitSeq: 3 };
    expect(walkChain(key, rows.slice(3), from)).toMatchObject({ break: null, count: 3, last: { id: 6 } });
  });
});
