import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
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

/** A table as one XLSX sheet; cells of `dateColumns` (already `YYYY-MM-DD`) become date cells. */
export async function writeTableXlsx(sheetName: string, headers: string[], rows: string[][], dateColumns: Set<string>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
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
  sheet.getRow(1).font = { bold: true };
  for (const values of rows) {
    sheet.addRow(values.map((v, i) => (v === "" ? null : dateColumns.has(headers[i]) ? new Date(`${v}T00:00:00Z`) : v)));
  }
  return stableZip(Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
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
