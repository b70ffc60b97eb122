import { parse } from "csv-parse/sync";
import type { LedgerTable } from "./parse";
import { IMPORT_LIMITS, readXlsx, UnreadableFileError } from "./xlsx";


/**
 * Reads an import file into a table of strings: CSV (UTF-8 with or without BOM; GB18030 as
 * saved by a Chinese Excel is recognised) or XLSX (first sheet, lib/ledger/xlsx.ts). Both keep a
 * row only when it has a value and refuse what is past IMPORT_LIMITS. Throws UnreadableFileError.
 */
export { UnreadableFileError };

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
  const table: LedgerTable = { headers: [], rows: [] };
  let line = 0;
  try {
    parse(text, {
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
      relax_quotes: false,
      on_record: (record: string[]) => {
        line++;
        let last = record.length;
        while (last > 0 && (record[last - 1] ?? "").trim() === "") last--;
        if (last > IMPORT_LIMITS.columns) {
          throw new UnreadableFileError(`第 ${line} 行第 ${last} 列有内容：导入文件最多 ${IMPORT_LIMITS.columns} 列`, `row ${line}: a value in column ${last}, over ${IMPORT_LIMITS.columns} columns`);
        }
        const cells = record.slice(0, last);
        if (line === 1) table.headers = cells;
        else if (cells.length > 0) {
          if (table.rows.length >= IMPORT_LIMITS.dataRows) throw new UnreadableFileError(`导入文件最多 ${IMPORT_LIMITS.dataRows} 个数据行，请分批导入`, `more than ${IMPORT_LIMITS.dataRows} data rows`);
          table.rows.push({ row: line, cells });
        }
        return null; // nothing is collected by the parser itself
      },
    });
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError(`CSV 文件无法解析（第 ${line + 1} 行附近：引号不成对或格式错误）`, `cannot parse the CSV near line ${line + 1}: ${(error as Error).message}`);
  }
  return table;
}

export async function readLedgerFile(bytes: Uint8Array, filename = ""): Promise<LedgerTable> {
  if (bytes.length === 0) throw new UnreadableFileError("文件是空的（0 字节），没有可导入的数据行", "the file is empty (0 bytes)");
  return isXlsx(bytes, filename) ? readXlsx(bytes) : readCsv(bytes);
}

/** Reads a file for an import: the table, or the refusal to report (an unreadable file is input, not a fault). */
export async function readImportTable(bytes: Uint8Array, filename: string): Promise<{ table: LedgerTable } | { error: { row: number; field: string; zh: string; en: string } }> {
  try {
    return { table: await readLedgerFile(bytes, filename) };
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    return { error: { row: 0, field: "", zh: `文件无法读取：${error.message}`, en: `unreadable file: ${error.en}` } };
  }
}
