import { isIsoDate } from "../dates";
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

/** A coded value given as its code or one of its labels (the label, or a variant the caller adds). */
export function byCode<T extends string>(value: string, codes: readonly T[], labels: Record<T, string>, variants: (label: string) => string[] = () => []): T | null {
  const v = value.trim();
  if ((codes as readonly string[]).includes(v)) return v as T;
  return codes.find((c) => labels[c] === v || variants(labels[c]).includes(v)) ?? null;
}

/** A date cell: `YYYY-MM-DD` that exists, or the Chinese and English reasons it is not one. */
export function readDate(value: string): { date: string } | { zh: string; en: string } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return { zh: `日期「${value}」格式应为 YYYY-MM-DD`, en: `malformed date ${value}` };
  if (!isIsoDate(value)) return { zh: `日期「${value}」不存在`, en: `impossible date ${value}` };
  return { date: value };
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
