import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { getSqlite } from "../../db";
import { createAgency } from "../agencies/mutations";
import { CLI_ACTOR } from "../auth/actor";
import { freshDatabase, makeUser } from "../testing/db";
import { setClockForTests } from "../time";
import { flushRefusals, recordRefusal } from "./denied";
import { verifyAudit } from "./verify";

type Row = { actor: string; object: string; count: number; minute: string };
const refusals = () =>
  (getSqlite().prepare("SELECT actor_name AS actor, object_id AS object, changes FROM audit_log WHERE action = 'access.denied' ORDER BY id").all() as { actor: string; object: string; changes: string }[]).map(
    (r): Row => {
      const detail = (JSON.parse(r.changes) as { detail: { count: number; minute: string } }).detail;
      return { actor: r.actor, object: r.object, count: detail.count, minute: detail.minute };
    },
  );

describe("refused accesses (issue 13 item 4)", () => {
  beforeEach(() => {
    freshDatabase();
    createAgency(CLI_ACTOR, { code: "a", name: "甲机关" });
  });
  afterEach(() => setClockForTests(null));

  test("201 refusals in one minute are two rows with their counts, not 201; a written row is never updated", async () => {
    const clerk = await makeUser("clerk1", "clerk", "a");
    const other = await makeUser("clerk2", "clerk", "a");
    const target = { objectType: "permission", objectId: "audit.read" };
    setClockForTests("2026-03-02T01:00:05.000Z");
    for (let i = 0; i < 201; i++) {
      setClockForTests(new Date(Date.parse("2026-03-02T01:00:05.000Z") + i * 250)); // 201 in about 50 s
      recordRefusal(clerk, target);
    }
    recordRefusal(other, target);
    recordRefusal(clerk, { objectType: "permission", objectId: "admin.users" });
    // The first of each actor and target at once; the repeats wait for the minute to end.
    expect(refusals()).toEqual([
      { actor: "clerk1", object: "audit.read", count: 1, minute: "2026-03-02T01:00:00.000Z" },
      { actor: "clerk2", object: "audit.read", count: 1, minute: "2026-03-02T01:00:00.000Z" },
      { actor: "clerk1", object: "admin.users", count: 1, minute: "2026-03-02T01:00:00.000Z" },
    ]);
    const written = getSqlite().prepare("SELECT id, hash FROM audit_log WHERE action = 'access.denied' ORDER BY id").all();
    setClockForTests("2026-03-02T01:01:10.000Z");
    recordRefusal(clerk, target); // the next minute: the repeats of the last one are written first
    expect(refusals()).toEqual([
      { actor: "clerk1", object: "audit.read", count: 1, minute: "2026-03-02T01:00:00.000Z" },
      { actor: "clerk2", object: "audit.read", count: 1, minute: "2026-03-02T01:00:00.000Z" },
      { actor: "clerk1", object: "admin.users", count: 1, minute: "2026-03-02T01:00:00.000Z" },
      { actor: "clerk1", object: "audit.read", count: 200, minute: "2026-03-02T01:00:00.000Z" },
      { actor: "clerk1", object: "audit.read", count: 1, minute: "2026-03-02T01:01:00.000Z" },
    ]);
    expect(getSqlite().prepare("SELECT id, hash FROM audit_log WHERE action = 'access.denied' ORDER BY id LIMIT 3").all()).toEqual(written);
    expect(verifyAudit({ full: true }).ok).toBe(true);
  });

  test("the repeats of the minute still open are written when the process shuts down", async () => {
    const clerk = await makeUser("clerk1", "clerk", "a");
    setClockForTests("2026-03-02T01:00:05.000Z");
    for (let i = 0; i < 5; i++) recordRefusal(clerk, { objectType: "permission", objectId: "audit.read" });
    flushRefusals(); // the minute is not over: nothing yet
    expect(refusals().map((r) => r.count)).toEqual([1]);
    flushRefusals({ all: true }); // what shutdownApp and the exit hook do
    expect(refusals().map((r) => r.count)).toEqual([1, 4]);
    flushRefusals({ all: true });
    expect(refusals().map((r) => r.count)).toEqual([1, 4]);
  });
});
