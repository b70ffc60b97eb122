import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { and, asc, eq, gte, inArray, isNull, lt, or, type SQL } from "drizzle-orm";
import { type Db, getDb, type Tx, writeTx } from "../../db";
import { requests, type RequestRow } from "../../db/schema";
import { handlerName } from "../requests/queries";
import { getAgencyByCode } from "../agencies/queries";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { canReadAgency, canWriteAgency } from "../auth/scope";
import { recordAudit } from "../audit/record";
import { AppError } from "../errors";
import { sealedPii } from "../requests/mutations";
import { openPii } from "../requests/pii";
import { loadRequests, type NewRequest } from "../requests/unit-of-work";
import { type LedgerIssue, type LedgerRecord, parseLedger } from "./parse";
import { currentCalendar } from "../calendar/queries";
import { uploadFileName } from "./file-name";
import { type OnProgress, PROGRESS_EVERY } from "./progress";
import { readImportTable } from "./read";
import { writeLedgerCsv, writeLedgerXlsx } from "./write";

/**
 * Import and export of the request ledger (interfaces.md). An import is all-or-nothing: every
 * refusal is listed by row and field and nothing is written; a row identical to a stored
 * request changes nothing; the same serial with other content is refused.
 */

export type ImportSummary = {
  ok: boolean;
  dryRun: boolean;
  rows: number;
  inserted: number;
  unchanged: number;
  errors: LedgerIssue[];
  warnings: LedgerIssue[];
  droppedColumns: string[];
};

const COMPARED: (keyof LedgerRecord)[] = [
  "receivedDate",
  "channel",
  "applicantType",
  "applicantName",
  "idNumber",
  "creditCode",
  "phone",
  "address",
  "email",
  "content",
  "outcome",
  "concludedDate",
  "replyNumber",
  "handler",
  "extensionDays",
  "feeYuan",
  "feePaidDate",
  "notes",
];

export function ledgerRecordOf(row: RequestRow): LedgerRecord {
  const pii = openPii(row);
  return {
    serial: row.serial,
    receivedDate: row.receivedDate,
    channel: row.channel,
    applicantType: row.applicantType,
    applicantName: row.applicantName,
    idNumber: pii.idNumber || null,
    creditCode: pii.creditCode || null,
    phone: pii.phone || null,
    address: row.address || null,
    email: row.email || null,
    content: row.content,
    outcome: row.outcome,
    concludedDate: row.concludedDate,
    replyNumber: row.replyNumber || null,
    handler: row.handler || null,
    extensionDays: row.extensionDays,
    feeYuan: row.feeYuan || null,
    feePaidDate: row.feePaidDate || null,
    notes: row.notes || null,
  };
}

/** An import writes (the write scope: the actor's own agency); an export reads (the read scope). */
function resolveAgency(actor: Actor, agencyCode: string, permission: "requests.import" | "requests.export") {
  assertCan(actor, permission, permission === "requests.import" ? "无权导入台账" : "无权导出台账");
  const agency = getAgencyByCode(agencyCode);
  const allowed = agency && (permission === "requests.import" ? canWriteAgency(actor, agency.id) : canReadAgency(actor, agency.id));
  if (!agency || !allowed) throw new AppError("NOT_FOUND", `机构代码 ${agencyCode} 不存在或无权操作`, "agency", `agency ${agencyCode} not found or not yours`);
  return agency;
}

function existingBySerial(db: Db | Tx, agencyId: string, serials: string[]): Map<string, RequestRow> {
  const out = new Map<string, RequestRow>();
  for (let i = 0; i < serials.length; i += 500) {
    const chunk = serials.slice(i, i + 500);
    for (const row of db.select().from(requests).where(and(eq(requests.agencyId, agencyId), inArray(requests.serial, chunk))).all()) out.set(row.serial, row);
  }
  return out;
}

/** The new rows of an import, sealed one at a time as they are written; each first event names the import. */
function* sealedRequests(rows: { record: LedgerRecord }[], importRef: { import: string; sha256: string }, filename: string, onProgress?: OnProgress): Generator<NewRequest> {
  let written = 0;
  for (const { record } of rows) {
    if (onProgress && written++ % PROGRESS_EVERY === 0) onProgress({ phase: "writing", done: written - 1, total: rows.length });
    const { idNumber, creditCode, phone, ...fields } = record;
    yield {
      values: { ...fields, ...sealedPii({ idNumber, creditCode, phone }), id: randomUUID() },
      event: { kind: "imported", summary: `由台账导入（${filename}）`, data: importRef },
    };
  }
}

/** The first and last serial of an import, as its audit row names them. */
function serialRange(serials: string[]): string {
  if (serials.length === 0) return "";
  const sorted = [...serials].sort();
  return sorted.length === 1 ? sorted[0] : `${sorted[0]} … ${sorted[sorted.length - 1]}`;
}

export async function importRequestLedger(
  actor: Actor,
  input: {
    agencyCode: string;
    bytes: Uint8Array;
    filename: string;
    dryRun?: boolean;
    ignoreUnknown?: boolean;
    today: string;
    /** The import's id in the audit trail (an upload's id; new otherwise). */
    importId?: string;
    /** Where the file came from, for the audit row (a confirmed upload is audited even when it adds nothing). */
    source?: "upload" | "cli";
  },
  hooks: {
    /** Runs inside the import's transaction when it succeeds (the upload page's purge). */
    onCommit?: (tx: Tx, summary: ImportSummary) => void;
    /** Where the import is (./progress.ts): the CLI prints it, the upload page shows it. */
    onProgress?: OnProgress;
  } = {},
): Promise<ImportSummary> {
  const { onCommit, onProgress } = hooks;
  const agency = resolveAgency(actor, input.agencyCode, "requests.import");
  const dryRun = Boolean(input.dryRun);
  const summary: ImportSummary = { ok: false, dryRun, rows: 0, inserted: 0, unchanged: 0, errors: [], warnings: [], droppedColumns: [] };
  const filename = uploadFileName(input.filename);
  onProgress?.({ phase: "reading", done: 0, total: 0 });
  const read = await readImportTable(input.bytes, filename);
  if ("error" in read) {
    summary.errors.push(read.error);
    return summary;
  }
  const { table } = read;
  const calendar = currentCalendar();
  const parsed = parseLedger(table, { ignoreUnknown: input.ignoreUnknown, calendar, today: input.today, onProgress });
  Object.assign(summary, { rows: parsed.records.length + new Set(parsed.errors.filter((e) => e.row > 1).map((e) => e.row)).size, errors: parsed.errors, warnings: parsed.warnings, droppedColumns: parsed.droppedColumns });
  if (parsed.errors.length > 0) return summary;

  // Compare against what is stored; inside the write transaction when committing, so nothing slips between.
  const plan = (db: Db | Tx) => {
    const existing = existingBySerial(db, agency.id, parsed.records.map((r) => r.record.serial));
    const toInsert: typeof parsed.records = [];
    const conflicts: LedgerIssue[] = [];
    let unchanged = 0;
    for (const item of parsed.records) {
      const stored = existing.get(item.record.serial);
      if (!stored) {
        toInsert.push(item);
        continue;
      }
      const current = ledgerRecordOf(stored);
      const differs = COMPARED.filter((k) => (current[k] ?? null) !== (item.record[k] ?? null));
      if (differs.length === 0) unchanged++;
      else {
        conflicts.push({
          row: item.row,
          field: "serial",
          zh: `第 ${item.row} 行「编号」：编号 ${item.record.serial} 已存在，且内容不同（${differs.join("、")}）`,
          en: `row ${item.row}, serial: ${item.record.serial} exists with different ${differs.join(", ")}`,
        });
      }
    }
    return { toInsert, conflicts, unchanged };
  };

  if (dryRun) {
    const { toInsert, conflicts, unchanged } = plan(getDb());
    Object.assign(summary, { errors: conflicts, ok: conflicts.length === 0, inserted: toInsert.length, unchanged });
    return summary;
  }
  return writeTx((tx) => {
    const { toInsert, conflicts, unchanged } = plan(tx);
    summary.unchanged = unchanged;
    if (conflicts.length > 0) {
      summary.errors = conflicts;
      return summary;
    }
    // One batch through the unit of work, then the import's one audit row — the file, its
    // SHA-256, the user, the rows — which each request's `imported` event names. A confirmed
    // upload is recorded even when it added nothing (the user did confirm it); a re-run of the
    // CLI on an unchanged file writes nothing at all.
    const importId = input.importId ?? randomUUID();
    const sha256 = createHash("sha256").update(input.bytes).digest("hex");
    const inserted = loadRequests(tx, actor, agency.id, sealedRequests(toInsert, { import: importId, sha256 }, filename, onProgress));
    if (inserted > 0 || input.source === "upload") {
      recordAudit(tx, actor, {
        action: "ledger.import",
        objectType: "import",
        objectId: importId,
        agencyId: agency.id,
        detail: { file: filename, sha256, source: input.source ?? "cli", rows: summary.rows, inserted, unchanged, serials: serialRange(toInsert.map((r) => r.record.serial)) },
      });
    }
    summary.inserted = toInsert.length;
    summary.ok = true;
    onCommit?.(tx, summary);
    return summary;
  });
}

/**
 * The ledger of an agency in the import format, ordered by serial. With a year: the requests
 * received in it, and those received earlier and still open on 1 January.
 */
export function listLedgerRecords(actor: Actor, agencyCode: string, year?: number): LedgerRecord[] {
  const agency = resolveAgency(actor, agencyCode, "requests.export");
  const where: SQL[] = [eq(requests.agencyId, agency.id), isNull(requests.voidedAt)];
  if (year !== undefined) {
    const start = `${year}-01-01`;
    const next = `${year + 1}-01-01`;
    where.push(
      or(
        and(gte(requests.receivedDate, start), lt(requests.receivedDate, next)),
        and(lt(requests.receivedDate, start), or(isNull(requests.concludedDate), gte(requests.concludedDate, start))),
      ) as SQL,
    );
  }
  // The handler as the register shows it: the user's name, or the name the ledger gave.
  return getDb()
    .select({ row: requests, handlerName })
    .from(requests)
    .where(and(...where))
    .orderBy(asc(requests.serial))
    .all()
    .map(({ row, handlerName: handler }) => ({ ...ledgerRecordOf(row), handler: handler || null }));
}

/** Exports the ledger as CSV or XLSX; the export itself is audited (it carries personal data in full). */
export async function exportRequestLedger(actor: Actor, input: { agencyCode: string; year?: number; format: "csv" | "xlsx" }): Promise<Buffer> {
  const records = listLedgerRecords(actor, input.agencyCode, input.year);
  const agency = getAgencyByCode(input.agencyCode);
  writeTx((tx) =>
    recordAudit(tx, actor, {
      action: "ledger.export",
      objectType: "agency",
      objectId: agency?.id ?? null,
      agencyId: agency?.id ?? null,
      detail: { format: input.format, year: input.year ?? null, rows: records.length },
    }),
  );
  return input.format === "xlsx" ? writeLedgerXlsx(records) : writeLedgerCsv(records);
}
