import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { PassThrough } from "node:stream";
import JSZip from "jszip";
import { LEDGER_COLUMNS, type LedgerColumn } from "./columns";
import type { LedgerRecord } from "./parse";

/**
 * Writes records in the import format. The same records give the same bytes (no clock in the
 * file), and a cell that a spreadsheet would run as a formula (= + - @) is written with a
 * leading apostrophe, which the importer removes again.
 */

const FIELD: Record<LedgerColumn, keyof LedgerRecord> = {
  serial: "serial",
  received_date: "receivedDate",
  channel: "channel",
  applicant_type: "applicantType",
  applicant_name: "applicantName",
  id_number: "idNumber",
  credit_code: "creditCode",
  phone: "phone",
  address: "address",
  email: "email",
  content: "content",
  outcome: "outcome",
  concluded_date: "concludedDate",
  reply_number: "replyNumber",
  handler: "handler",
  extension_days: "extensionDays",
  fee_yuan: "feeYuan",
  fee_paid_date: "feePaidDate",
  notes: "notes",
};

const DATE_COLUMNS = new Set<LedgerColumn>(["received_date", "concluded_date", "fee_paid_date"]);

export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function cellValues(record: LedgerRecord): string[] {
  return LEDGER_COLUMNS.map((c) => {
    const v = record[FIELD[c.code]];
    return v === null || v === undefined ? "" : neutralizeFormula(String(v));
  });
}

/** A table as UTF-8 CSV with a BOM (so Excel reads the Chinese), CRLF line ends. */
export function writeTableCsv(headers: string[], rows: string[][]): Buffer {
  const text = stringify([headers, ...rows], { record_delimiter: "\r\n" });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
}

export function writeLedgerCsv(records: LedgerRecord[]): Buffer {
  return writeTableCsv(
    LEDGER_COLUMNS.map((c) => c.code),
    records.map(cellValues),
  );
}

const FIXED_TIME = new Date(Date.UTC(2000, 0, 1));

/** Rows written between two turns of the event loop, so that other requests are served meanwhile. */
const ROWS_PER_TURN = 2_000;

/**
 * A table as one XLSX sheet; cells of `dateColumns` (already `YYYY-MM-DD`) become date cells.
 * Written with exceljs's streaming writer, row by row: the in-memory workbook took 1.5 GB and
 * 15 s of one thread for a year of 50 000 requests (issue 15); this holds one row's cells at a time
 * and yields to the event loop between batches.
 */
export async function writeTableXlsx(sheetName: string, headers: string[], rows: string[][], dateColumns: Set<string>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    sink.on("end", resolve);
    sink.on("error", reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  workbook.creator = "Gongkai";
  workbook.created = FIXED_TIME;
  workbook.modified = FIXED_TIME;
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = headers.map((h) => ({
    header: h,
    key: h,
    width: h === "content" ? 48 : dateColumns.has(h) ? 12 : 16,
    style: dateColumns.has(h) ? { numFmt: "yyyy-mm-dd" } : { numFmt: "@" },
  }));
  const head = sheet.getRow(1);
  head.font = { bold: true };
  head.commit();
  for (let i = 0; i < rows.length; i++) {
    sheet.addRow(rows[i].map((v, c) => (v === "" ? null : dateColumns.has(headers[c]) ? new Date(`${v}T00:00:00Z`) : v))).commit();
    if ((i + 1) % ROWS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
  await ended;
  return stableZip(Buffer.concat(chunks));
}

export async function writeLedgerXlsx(records: LedgerRecord[]): Promise<Buffer> {
  return writeTableXlsx(
    "申请台账",
    LEDGER_COLUMNS.map((c) => c.code),
    records.map(cellValues),
    DATE_COLUMNS as Set<string>,
  );
}

/** Re-packs a zip with a fixed time on every entry (exceljs stamps the current time). */
export async function stableZip(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const name of Object.keys(zip.files)) {
    const entry = zip.files[name];
    if (entry.dir) continue;
    out.file(name, await entry.async("uint8array"), { date: FIXED_TIME, createFolders: false });
  }
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
