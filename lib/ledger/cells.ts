import { isIsoDate } from "../dates";
import { labelKey } from "../labels";
import { isEmptyCell } from "./columns";

/**
 * Reading the cells of an import file, shared by both importers (the request ledger and the
 * appeals file): a cell's text (formula protection undone, the empty markers of interfaces.md
 * read as empty), required values, dates and coded values — every refusal naming the row as
 * numbered in the file and the column as its header says.
 */

/** A refusal or a warning, naming the row (as numbered in the file) and the field. */
export type LedgerIssue = { row: number; field: string; zh: string; en: string };

/** A cell an export protected against spreadsheet formulas (`'=…`) reads back as it was. */
export function unprotect(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/** The accepted values of a coded column, for a refusal: `in_person`（当面）、`mail`（信函）… */
export function acceptedValues<T extends string>(codes: readonly T[], labels: Record<T, string>): string {
  return codes.map((c) => labels[c]).join("、");
}

/** A coded value given as its code or one of its labels (the label, or a variant the caller adds), compared by {@link labelKey}. */
export function byCode<T extends string>(value: string, codes: readonly T[], labels: Record<T, string>, variants: (label: string) => string[] = () => []): T | null {
  const v = value.trim();
  if ((codes as readonly string[]).includes(v)) return v as T;
  const key = labelKey(v);
  if (!key) return null;
  return codes.find((c) => labelKey(labels[c]) === key || variants(labels[c]).some((variant) => labelKey(variant) === key)) ?? null;
}

/**
 * A date as clerks write it (interfaces.md): `YYYY-MM-DD`, `YYYY/M/D`, `YYYY.M.D`,
 * `YYYY年M月D日` (full-width digits too), with a midnight time after it forgiven; or the Chinese
 * and English reasons it is not one.
 */
export function readDate(value: string): { date: string } | { zh: string; en: string } {
  const v = value.normalize("NFKC").trim().replace(/\s+0{1,2}:00(:00)?$/, "");
  const match = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(v) ?? /^(\d{4})(年)\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/.exec(v);
  const formats = "YYYY-MM-DD、YYYY/M/D、YYYY.M.D 或 YYYY年M月D日";
  if (!match) return { zh: `日期「${value}」格式应为 ${formats}`, en: `malformed date ${value} (YYYY-MM-DD, YYYY/M/D, YYYY.M.D or YYYY年M月D日)` };
  const date = `${match[1]}-${match[3].padStart(2, "0")}-${match[4].padStart(2, "0")}`;
  if (!isIsoDate(date)) return { zh: `日期「${value}」不存在`, en: `impossible date ${value}` };
  return { date };
}

/** `1` → A, `28` → AB: a column as a spreadsheet names it. */
export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Values in columns without a header (interfaces.md: refused, naming the cell). */
export function headerlessValues(headers: string[], rows: { row: number; cells: string[] }[]): LedgerIssue[] {
  const issues: LedgerIssue[] = [];
  for (const { row, cells } of rows) {
    cells.forEach((value, i) => {
      if ((headers[i] ?? "").trim() !== "" || isEmptyCell(value)) return;
      const cell = `${columnLetters(i + 1)}${row}`;
      issues.push({ row, field: cell, zh: `第 ${row} 行 ${cell} 单元格有内容「${value.slice(0, 20)}」，但该列没有表头`, en: `row ${row}, cell ${cell}: a value in a column without a header` });
    });
    if (issues.length >= 50) break;
  }
  return issues;
}

/** The columns found in a file's header row: where each is, and the header that named it. */
export type HeaderMap<C extends string> = { index: Map<C, number>; name: Map<C, string> };

/** One data row's reader; its refusals go to `errors`, its warnings to `warnings`. */
export function rowReader<C extends string>(row: number, cells: string[], headers: HeaderMap<C>, sink: { errors: LedgerIssue[]; warnings?: LedgerIssue[] }) {
  const name = (code: C) => headers.name.get(code) ?? code;
  const issue = (code: C, zh: string, en: string): LedgerIssue => ({ row, field: name(code), zh: `第 ${row} 行「${name(code)}」：${zh}`, en: `row ${row}, ${code}: ${en}` });
  const refuse = (code: C, zh: string, en: string) => {
    sink.errors.push(issue(code, zh, en));
  };
  const warn = (code: C, zh: string, en: string) => {
    sink.warnings?.push(issue(code, zh, en));
  };
  const cell = (code: C): string | null => {
    const i = headers.index.get(code);
    if (i === undefined) return null;
    const raw = unprotect((cells[i] ?? "").trim());
    return isEmptyCell(raw) ? null : raw;
  };
  const required = (code: C): string => {
    const v = cell(code);
    if (v === null) refuse(code, "必填，不能为空", "required value is empty");
    return v ?? "";
  };
  const date = (code: C): string | null => {
    const v = cell(code);
    if (v === null) return null;
    const read = readDate(v);
    if ("date" in read) return read.date;
    refuse(code, read.zh, read.en);
    return null;
  };
  return { name, refuse, warn, cell, required, date };
}
