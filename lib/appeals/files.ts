import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { type Db, getDb, type Tx, writeTx } from "../../db";
import { appeals, type AppealRow, requests } from "../../db/schema";
import type { Actor } from "../auth/actor";
import type { LedgerIssue } from "../ledger/parse";
import { uploadFileName } from "../ledger/file-name";
import { readImportTable } from "../ledger/read";
import { neutralizeFormula, writeTableCsv, writeTableXlsx } from "../ledger/write";
import { writeAppealIn } from "./mutations";
import { APPEAL_COLUMNS, type AppealRecord, parseAppeals } from "./parse";
import { appealAgency } from "./queries";

/** The appeals file (interfaces.md): import, upserted by case number and all-or-nothing, and export. */

export type AppealImportSummary = { ok: boolean; dryRun: boolean; rows: number; inserted: number; updated: number; unchanged: number; errors: LedgerIssue[] };

const FIELDS = ["requestId", "kind", "afterReview", "filedDate", "result", "decision", "decidedDate"] as const;

/** A row of the file that says what the stored case says (re-importing a file changes nothing). */
function sameCase(current: AppealRow, values: Pick<AppealRow, "requestId" | "kind" | "afterReview" | "filedDate" | "result"> & Partial<AppealRow>): boolean {
  return FIELDS.every((k) => (current[k] ?? null) === (values[k] ?? null));
}

/** Imports cases, upserted by case number (interfaces.md); all-or-nothing like the request ledger. */
export async function importAppealFile(actor: Actor, input: { agencyCode: string; bytes: Uint8Array; filename: string; dryRun?: boolean }): Promise<AppealImportSummary> {
  const agency = appealAgency(actor, input.agencyCode, "appeals.write");
  const summary: AppealImportSummary = { ok: false, dryRun: Boolean(input.dryRun), rows: 0, inserted: 0, updated: 0, unchanged: 0, errors: [] };
  const read = await readImportTable(input.bytes, uploadFileName(input.filename));
  if ("error" in read) {
    summary.errors.push(read.error);
    return summary;
  }
  const { table } = read;
  const parsed = parseAppeals(table);
  summary.rows = parsed.records.length;
  if (parsed.errors.length > 0) {
    summary.errors = parsed.errors;
    return summary;
  }
  const run = (db: Db | Tx) => {
    const serials = [...new Set(parsed.records.map((r) => r.record.requestSerial))];
    const byserial = new Map(
      db
        .select({ id: requests.id, serial: requests.serial, receivedDate: requests.receivedDate })
        .from(requests)
        .where(and(eq(requests.agencyId, agency.id), inArray(requests.serial, serials.length ? serials : [""])))
        .all()
        .map((r) => [r.serial, r]),
    );
    const existing = new Map(
      db
        .select()
        .from(appeals)
        .where(eq(appeals.agencyId, agency.id))
        .all()
        .map((a) => [a.caseNumber, a]),
    );
    const plan: { record: AppealRecord; requestId: string; current?: AppealRow }[] = [];
    for (const { row, record } of parsed.records) {
      const request = byserial.get(record.requestSerial);
      if (!request) {
        summary.errors.push({ row, field: "request_serial", zh: `第 ${row} 行「申请编号」：本机关没有编号为 ${record.requestSerial} 的申请`, en: `row ${row}, request_serial: no request ${record.requestSerial}` });
        continue;
      }
      if (record.filedDate < request.receivedDate) {
        summary.errors.push({ row, field: "filed_date", zh: `第 ${row} 行「收案日期」：${record.filedDate} 早于该申请的收到日期 ${request.receivedDate}`, en: `row ${row}, filed_date: before the request's receipt date` });
        continue;
      }
      plan.push({ record, requestId: request.id, current: existing.get(record.caseNumber) });
    }
    return plan;
  };
  const apply = (plan: ReturnType<typeof run>) => {
    for (const { record, requestId, current } of plan) {
      const values = { requestId, kind: record.kind, afterReview: record.afterReview, filedDate: record.filedDate, result: record.result, decision: record.decision, decidedDate: record.decidedDate };
      if (!current) summary.inserted++;
      else if (sameCase(current, values)) summary.unchanged++;
      else summary.updated++;
    }
  };
  if (summary.dryRun) {
    const plan = run(getDb());
    apply(plan);
    summary.ok = summary.errors.length === 0;
    return summary;
  }
  return writeTx((tx) => {
    const plan = run(tx);
    if (summary.errors.length > 0) return summary;
    for (const { record, requestId, current } of plan) {
      const values = { kind: record.kind, afterReview: record.afterReview, filedDate: record.filedDate, result: record.result, decision: record.decision, decidedDate: record.decidedDate };
      if (current && sameCase(current, { ...values, requestId })) {
        summary.unchanged++;
        continue;
      }
      writeAppealIn(tx, actor, { requestId, caseNumber: record.caseNumber, values, expected: "current", via: "import" });
      if (current) summary.updated++;
      else summary.inserted++;
    }
    summary.ok = true;
    return summary;
  });
}

/** The cases in the import format, ordered by case number. */
export async function exportAppealFile(actor: Actor, input: { agencyCode: string; format: "csv" | "xlsx" }): Promise<Buffer> {
  const agency = appealAgency(actor, input.agencyCode, "appeals.read");
  const rows = getDb()
    .select({ appeal: appeals, serial: requests.serial })
    .from(appeals)
    .innerJoin(requests, eq(appeals.requestId, requests.id))
    .where(and(eq(appeals.agencyId, agency.id), isNull(appeals.deletedAt)))
    .orderBy(asc(appeals.caseNumber))
    .all()
    .map(({ appeal: a, serial }) =>
      [a.caseNumber, serial, a.kind, a.kind === "suit" ? String(a.afterReview) : "", a.filedDate, a.result, a.decision ?? "", a.decidedDate ?? ""].map(neutralizeFormula),
    );
  const headers = APPEAL_COLUMNS.map((c) => c.code);
  return input.format === "xlsx" ? writeTableXlsx("复议诉讼案件", headers, rows, new Set(["filed_date", "decided_date"])) : writeTableCsv(headers, rows);
}

