import { createHash } from "node:crypto";
import { beforeEach, describe, expect, test } from "vitest";
import { syntheticLedgerCsv } from "../../scripts/bench-ledger";
import { getSqlite } from "../../db";
import { createAgency } from "../agencies/mutations";
import { CLI_ACTOR } from "../auth/actor";
import { AppError } from "../errors";
import { freshDatabase, TODAY } from "../testing/db";
import { importRequestLedger } from "./requests";

/** Issue 15: an import of 100 000 rows, all or nothing, every request traced to it. */

const ROWS = 100_000;
const count = (sql: string) => (getSqlite().prepare(sql).get() as { n: number }).n;
const searchTriggerExists = () => count("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name = 'requests_fts_insert'") === 1;

describe("a 100 000-row import", () => {
  beforeEach(() => {
    freshDatabase();
    createAgency(CLI_ACTOR, { code: "a", name: "甲机关" });
  });

  test("a bad last row writes nothing", { timeout: 120_000 }, async () => {
    const bytes = syntheticLedgerCsv(ROWS, { year: 2025, prefix: "BAD", badLast: true });
    const summary = await importRequestLedger(CLI_ACTOR, { agencyCode: "a", bytes, filename: "bad.csv", today: TODAY });
    expect(summary.ok).toBe(false);
    expect(summary.errors.map((e) => e.row)).toEqual([ROWS + 1]);
    expect(count("SELECT count(*) AS n FROM requests")).toBe(0);
    expect(count("SELECT count(*) AS n FROM request_events")).toBe(0);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'ledger.import'")).toBe(0);
  });

  test("all rows are written, searchable, and each traces to the import, its file hash and its user", { timeout: 180_000 }, async () => {
    const bytes = syntheticLedgerCsv(ROWS, { year: 2025, prefix: "OK" });
    const summary = await importRequestLedger(CLI_ACTOR, { agencyCode: "a", bytes, filename: "big.csv", today: TODAY });
    expect(summary).toMatchObject({ ok: true, inserted: ROWS });
    expect(count("SELECT count(*) AS n FROM requests")).toBe(ROWS);

    const audit = getSqlite().prepare("SELECT object_id AS id, actor_name AS user, json_extract(changes, '$.detail') AS detail FROM audit_log WHERE action = 'ledger.import'").all() as { id: string; user: string; detail: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0].user).toBe(CLI_ACTOR.username);
    expect(JSON.parse(audit[0].detail)).toMatchObject({ file: "big.csv", inserted: ROWS, sha256: createHash("sha256").update(bytes).digest("hex") });
    // Every request has exactly one first event, `imported`, naming that audit row's import.
    const untraced = count(`SELECT count(*) AS n FROM requests r WHERE NOT EXISTS (
      SELECT 1 FROM request_events e WHERE e.request_id = r.id AND e.kind = 'imported' AND json_extract(e.data, '$.import') = '${audit[0].id}')`);
    expect(untraced).toBe(0);

    // The search index was filled for the batch and the trigger is back for registrations.
    expect(searchTriggerExists()).toBe(true);
    expect(count("SELECT count(*) AS n FROM requests_fts WHERE requests_fts MATCH '\"OK-100000\"'")).toBe(1);
    expect(count("SELECT count(*) AS n FROM requests_fts")).toBe(ROWS);
  });

  test("a failure inside the write rolls back the rows, the search index and the trigger change together", async () => {
    const bytes = syntheticLedgerCsv(50, { year: 2025, prefix: "RB" });
    await expect(
      importRequestLedger(CLI_ACTOR, { agencyCode: "a", bytes, filename: "rb.csv", today: TODAY }, {
        onCommit: () => {
          throw new AppError("CONFLICT", "中途失败");
        },
      }),
    ).rejects.toThrow("中途失败");
    expect(count("SELECT count(*) AS n FROM requests")).toBe(0);
    expect(count("SELECT count(*) AS n FROM requests_fts")).toBe(0);
    expect(searchTriggerExists()).toBe(true);
  });
});
