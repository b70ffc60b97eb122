import { beforeEach, describe, expect, test } from "vitest";
import { syntheticLedgerCsv } from "../../scripts/bench-ledger";
import { getSqlite } from "../../db";
import { createAgency } from "../agencies/mutations";
import { CLI_ACTOR, type Actor } from "../auth/actor";
import { freshDatabase, makeUser, TODAY } from "../testing/db";
import { importJob, type ImportJobView, latestImportJob, startImport, WORKER_FROM_BYTES } from "./import-jobs";

/**
 * Issue 15, items 1 and 2: a large upload is previewed and committed in a worker thread on its
 * own connection, its progress readable by its user only while it runs; a small one at once.
 */

const count = (sql: string, ...args: unknown[]) => (getSqlite().prepare(sql).get(...args) as { n: number }).n;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Asks for the job until it ends, as the page does; the phases seen on the way. */
async function settle(actor: Actor, job: ImportJobView): Promise<{ job: ImportJobView; phases: Set<string> }> {
  const phases = new Set<string>();
  let current: ImportJobView | null = job;
  while (current?.state === "running") {
    phases.add(current.progress.phase);
    await sleep(50);
    current = importJob(actor, job.id);
  }
  if (!current) throw new Error("the job was lost");
  return { job: current, phases };
}

let clerk: Actor;
let other: Actor;

describe("import jobs", () => {
  beforeEach(async () => {
    freshDatabase();
    createAgency(CLI_ACTOR, { code: "a", name: "甲机关" });
    clerk = await makeUser("super1", "supervisor", "a");
    other = await makeUser("super2", "supervisor", "a");
  });

  test("a large file is previewed and committed off the request thread, traced to the upload and its user", { timeout: 120_000 }, async () => {
    const bytes = syntheticLedgerCsv(20_000, { year: 2025, prefix: "JOB" });
    expect(bytes.length).toBeGreaterThan(WORKER_FROM_BYTES);
    const started = await startImport({ kind: "preview", actor: clerk, file: { name: "大台账.csv", bytes }, ignoreUnknown: false, today: TODAY });
    expect(started.state).toBe("running");
    // Another user's job is not theirs to read; a second import of the same user waits for the first.
    expect(importJob(other, started.id)).toBeNull();
    await expect(startImport({ kind: "preview", actor: clerk, file: { name: "again.csv", bytes }, ignoreUnknown: false, today: TODAY })).rejects.toThrow("已有一个导入正在进行");
    expect(latestImportJob(clerk)?.id).toBe(started.id);
    expect(latestImportJob(other)).toBeNull();

    const previewed = await settle(clerk, started);
    expect(previewed.job).toMatchObject({ state: "done", filename: "大台账.csv", result: { kind: "preview", summary: { ok: true, inserted: 20_000 } } });
    expect(count("SELECT count(*) AS n FROM requests")).toBe(0);
    // Shown once ended, it is not shown again on return to the page.
    expect(latestImportJob(clerk)).toBeNull();
    const uploadId = previewed.job.result?.kind === "preview" ? previewed.job.result.uploadId : "";

    const commit = await startImport({ kind: "commit", actor: clerk, uploadId, today: TODAY });
    expect(commit).toMatchObject({ state: "running", filename: "大台账.csv" });
    const committed = await settle(clerk, commit);
    expect(committed.job).toMatchObject({ state: "done", result: { kind: "commit", summary: { ok: true, inserted: 20_000 } } });
    expect([...committed.phases].every((p) => ["reading", "checking", "writing"].includes(p))).toBe(true);

    expect(count("SELECT count(*) AS n FROM requests")).toBe(20_000);
    expect(count("SELECT count(*) AS n FROM import_uploads")).toBe(0);
    const audit = getSqlite().prepare("SELECT actor_id AS actor, json_extract(changes, '$.detail.source') AS source FROM audit_log WHERE action = 'ledger.import' AND object_id = ?").get(uploadId);
    expect(audit).toEqual({ actor: clerk.id, source: "upload" });
    expect(count("SELECT count(*) AS n FROM request_events WHERE kind = 'imported' AND json_extract(data, '$.import') = ?", uploadId)).toBe(20_000);
  });

  test("a refusal in the worker ends the job with its message and writes nothing", { timeout: 60_000 }, async () => {
    const bytes = syntheticLedgerCsv(20_000, { year: 2025, prefix: "BAD", badLast: true });
    const { job } = await settle(clerk, await startImport({ kind: "preview", actor: clerk, file: { name: "bad.csv", bytes }, ignoreUnknown: false, today: TODAY }));
    expect(job).toMatchObject({ state: "done", result: { kind: "preview", uploadId: "", summary: { ok: false } } });
    expect(job.result?.summary.errors.map((e) => e.row)).toEqual([20_001]);
    const refused = await startImport({ kind: "commit", actor: other, uploadId: "no-such-upload", today: TODAY }).catch((error: Error) => error.message);
    expect(refused).toBe("找不到待确认的导入文件，请重新上传");
    expect(count("SELECT count(*) AS n FROM requests")).toBe(0);
  });

  test("a small file is done on the request thread: the job has ended when it returns", async () => {
    const bytes = syntheticLedgerCsv(10, { year: 2025, prefix: "S" });
    const job = await startImport({ kind: "preview", actor: clerk, file: { name: "small.csv", bytes }, ignoreUnknown: false, today: TODAY });
    expect(job).toMatchObject({ state: "done", result: { kind: "preview", summary: { ok: true, inserted: 10 } } });
  });
});
