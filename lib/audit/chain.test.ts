import { describe, expect, test } from "vitest";
import { type AuditContent, auditHash, findChainBreak, GENESIS_HASH } from "./chain";

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

function chain(n: number) {
  const rows = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const c = content(i);
    const hash = auditHash(prev, c);
    rows.push({ ...c, id: i, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe("audit hash chain", () => {
  test("an intact chain verifies", () => {
    expect(findChainBreak(chain(5))).toBeNull();
    expect(findChainBreak([])).toBeNull();
  });

  test("the hash covers every field and the previous hash", () => {
    const base = content(1);
    const h = auditHash(GENESIS_HASH, base);
    for (const key of Object.keys(base) as (keyof AuditContent)[]) {
      expect(auditHash(GENESIS_HASH, { ...base, [key]: "x" })).not.toBe(h);
    }
    expect(auditHash("f".repeat(64), base)).not.toBe(h);
  });

  test("an edited row is found", () => {
    const rows = chain(5);
    rows[2] = { ...rows[2], changes: JSON.stringify({ after: { serial: "forged" } }) };
    expect(findChainBreak(rows)).toEqual({ id: 3, reason: "hash" });
  });

  test("a removed row is found at the row after it", () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(findChainBreak(rows)).toEqual({ id: 3, reason: "prev_hash" });
  });

  test("a row edited together with its own hash is found at the next row", () => {
    const rows = chain(4);
    const forged = { ...rows[1], actorName: "mallory" };
    rows[1] = { ...forged, hash: auditHash(forged.prevHash, forged) };
    expect(findChainBreak(rows)).toEqual({ id: 3, reason: "prev_hash" });
  });
});
