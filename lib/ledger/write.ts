import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { PassThrough } from "node:stream";
import { buffer } from "node:stream/consumers";
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
export async function writeTableXlsx(sheetName: string, headers: string[], rows: Iterable<string[]>, dateColumns: Set<string>): Promise<Buffer> {
  const sink = new PassThrough();
  const file = buffer(sink);
  file.catch(() => {}); // awaited below; a failure mid-way is not left unhandled meanwhile
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
  let written = 0;
  for (const values of rows) {
    sheet.addRow(values.map((v, c) => (v === "" ? null : dateColumns.has(headers[c]) ? new Date(`${v}T00:00:00Z`) : v))).commit();
    if (++written % ROWS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
  return stableZip(await file);
}

export async function writeLedgerXlsx(records: LedgerRecord[]): Promise<Buffer> {
  return writeTableXlsx(
    "申请台账",
    LEDGER_COLUMNS.map((c) => c.code),
    // Each row's cells made as it is written, not all of them first.
    (function* () {
      for (const record of records) yield cellValues(record);
    })(),
    DATE_COLUMNS as Set<string>,
  );
}

/** FIXED_TIME as a zip entry's MS-DOS time and date fields (2000-01-01 00:00:00). */
const DOS_TIME = 0;
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;

/**
 * Sets every entry of a zip to one fixed time, in place (exceljs stamps the current time): the
 * time fields of each central-directory record and of the local header it points to. Nothing
 * is unpacked, so a sheet of 100 000 rows costs no more memory than its file.
 */
export function stableZip(bytes: Buffer): Buffer {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("stableZip: no end of central directory");
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  for (let n = 0; n < entries; n++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error("stableZip: bad central directory");
    bytes.writeUInt16LE(DOS_TIME, at + 12);
    bytes.writeUInt16LE(DOS_DATE, at + 14);
    const local = bytes.readUInt32LE(at + 42);
    if (bytes.readUInt32LE(local) !== 0x04034b50) throw new Error("stableZip: bad local header");
    bytes.writeUInt16LE(DOS_TIME, local + 10);
    bytes.writeUInt16LE(DOS_DATE, local + 12);
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return bytes;
}
