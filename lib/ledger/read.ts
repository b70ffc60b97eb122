import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { LedgerTable } from "./parse";


/**
 * Reads a ledger file into a table of strings: CSV (UTF-8 with or without BOM; GB18030 as
 * saved by a Chinese Excel is recognised) or XLSX (first sheet). Throws UnreadableFileError.
 */
export class UnreadableFileError extends Error {}

export function isXlsx(bytes: Uint8Array, filename = ""): boolean {
  return filename.toLowerCase().endsWith(".xlsx") || (bytes[0] === 0x50 && bytes[1] === 0x4b);
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

export function readCsv(bytes: Uint8Array): LedgerTable {
  const text = decodeText(bytes);
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: false, bom: true, relax_quotes: false });
  } catch (error) {
    throw new UnreadableFileError(`CSV 文件无法解析：${(error as Error).message}`);
  }
  const [headers = [], ...rest] = records;
  return { headers, rows: rest.map((cells, i) => ({ row: i + 2, cells })) };
}

/** A calendar date from exceljs: a Date at UTC midnight; take its UTC fields (stack.md pitfall 14). */
function utcDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return utcDate(value);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ("error" in value) return "";
    return "";
  }
  return String(value);
}

export async function readXlsx(bytes: Uint8Array): Promise<LedgerTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new UnreadableFileError(`XLSX 文件无法读取：${(error as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFileError("XLSX 文件中没有工作表");
  const width = sheet.columnCount;
  const table: LedgerTable = { headers: [], rows: [] };
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value).trim());
    if (r === 1) table.headers = cells;
    else table.rows.push({ row: r, cells });
  }
  return table;
}

export async function readLedgerFile(bytes: Uint8Array, filename = ""): Promise<LedgerTable> {
  if (bytes.length === 0) throw new UnreadableFileError("文件为空");
  return isXlsx(bytes, filename) ? readXlsx(bytes) : readCsv(bytes);
}

/** Reads a file for an import: the table, or the refusal to report (an unreadable file is input, not a fault). */
export async function readImportTable(bytes: Uint8Array, filename: string): Promise<{ table: LedgerTable } | { error: { row: number; field: string; zh: string; en: string } }> {
  try {
    return { table: await readLedgerFile(bytes, filename) };
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    return { error: { row: 0, field: "", zh: `文件无法读取：${error.message}`, en: "unreadable file" } };
  }
}
