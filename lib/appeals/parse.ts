import { acceptedValues, byCode, headerlessValues, type LedgerIssue, rowReader } from "../ledger/cells";
import { isEmptyCell } from "../ledger/columns";
import type { LedgerTable } from "../ledger/parse";
import { APPEAL_KIND_LABELS, APPEAL_KINDS, APPEAL_RESULT_LABELS, APPEAL_RESULTS, type AppealKind, type AppealResult, decisionResult, REVIEW_DECISIONS, SUIT_DECISIONS } from "./codes";

/** The appeals file of interfaces.md. */
export const APPEAL_COLUMNS = [
  { code: "case_number", zh: "案号", required: true },
  { code: "request_serial", zh: "申请编号", required: true },
  { code: "kind", zh: "类型", required: true },
  { code: "after_review", zh: "是否复议后起诉", required: false },
  { code: "filed_date", zh: "收案日期", required: true },
  { code: "result", zh: "结果", required: true },
  { code: "decision", zh: "决定类型", required: false },
  { code: "decided_date", zh: "审结日期", required: false },
] as const;
type AppealColumn = (typeof APPEAL_COLUMNS)[number]["code"];

export type AppealRecord = {
  caseNumber: string;
  requestSerial: string;
  kind: AppealKind;
  afterReview: boolean;
  filedDate: string;
  result: AppealResult;
  decision: string | null;
  decidedDate: string | null;
};

/** 结果维持 as the report heads the column, 维持 as the case file says it. */
const resultVariants = (label: string) => [`结果${label}`];

export function parseAppeals(table: LedgerTable): { records: { row: number; record: AppealRecord }[]; errors: LedgerIssue[] } {
  const errors: LedgerIssue[] = [];
  const records: { row: number; record: AppealRecord }[] = [];
  const index = new Map<AppealColumn, number>();
  const name = new Map<AppealColumn, string>();
  table.headers.forEach((header, i) => {
    const h = header.replace(/^\uFEFF/, "").trim();
    if (!h) return;
    const col = APPEAL_COLUMNS.find((c) => c.code === h.toLowerCase() || c.zh === h);
    if (!col) errors.push({ row: 1, field: h, zh: `无法识别的列「${h}」；可用的列：${APPEAL_COLUMNS.map((c) => c.zh).join("、")}`, en: `unknown column ${h}` });
    else if (index.has(col.code)) errors.push({ row: 1, field: h, zh: `列「${h}」重复`, en: `column ${col.code} appears twice` });
    else {
      index.set(col.code, i);
      name.set(col.code, h);
    }
  });
  for (const c of APPEAL_COLUMNS) {
    if (c.required && !index.has(c.code)) errors.push({ row: 1, field: c.zh, zh: `缺少必填列「${c.zh}」（${c.code}）`, en: `missing required column ${c.code}` });
  }
  if (errors.length > 0) return { records, errors };
  const dataRows = table.rows.filter((r) => r.cells.some((c) => !isEmptyCell(c)));
  if (dataRows.length === 0) return { records, errors: [{ row: 1, field: "", zh: "没有可导入的数据行", en: "the file has no data rows" }] };
  errors.push(...headerlessValues(table.headers, dataRows));

  const seen = new Map<string, number>();
  for (const { row, cells } of dataRows) {
    const rowErrors: LedgerIssue[] = [];
    const { refuse, cell, required, date } = rowReader(row, cells, { index, name }, { errors: rowErrors });
    const caseNumber = required("case_number");
    const requestSerial = required("request_serial");
    const kindRaw = required("kind");
    const kind = kindRaw ? byCode(kindRaw, APPEAL_KINDS, APPEAL_KIND_LABELS) : null;
    if (kindRaw && !kind) refuse("kind", `无法识别的类型「${kindRaw}」，可填：${acceptedValues(APPEAL_KINDS, APPEAL_KIND_LABELS)}`, `unknown kind ${kindRaw}; accepted: ${APPEAL_KINDS.join(", ")}`);
    const afterRaw = cell("after_review");
    let afterReview = false;
    if (afterRaw !== null) {
      if (/^(true|是|1|yes)$/i.test(afterRaw)) afterReview = true;
      else if (!/^(false|否|0|no)$/i.test(afterRaw)) refuse("after_review", `「${afterRaw}」应为 是/否（true/false）`, `after_review ${afterRaw} is not true/false`);
    } else if (kind === "suit") refuse("after_review", "行政诉讼须填写是否复议后起诉", "after_review is required for suits");
    if (kind === "review") afterReview = false;
    const filedDate = required("filed_date") ? date("filed_date") : null;
    const resultRaw = required("result");
    let result = resultRaw ? byCode(resultRaw, APPEAL_RESULTS, APPEAL_RESULT_LABELS, resultVariants) : null;
    if (resultRaw && !result) refuse("result", `无法识别的结果「${resultRaw}」，可填：${acceptedValues(APPEAL_RESULTS, APPEAL_RESULT_LABELS)}`, `unknown result ${resultRaw}; accepted: ${APPEAL_RESULTS.join(", ")}`);
    const decision = cell("decision");
    if (decision && kind) {
      const decided = decisionResult(kind, decision);
      if (!decided) refuse("decision", `无法识别的决定类型「${decision}」，可填：${Object.keys(kind === "review" ? REVIEW_DECISIONS : SUIT_DECISIONS).join("、")}`, `unknown decision ${decision}`);
      else result = decided; // A2: a recorded decision decides the column
    }
    const decidedDate = date("decided_date");
    if (result && result !== "pending" && !decidedDate && cell("decided_date") === null) refuse("decided_date", "已审结的案件须填写审结日期", "decided_date is required unless pending");
    if (result === "pending" && cell("decided_date") !== null) refuse("decided_date", "尚未审结的案件不应有审结日期", "a pending case has no decided_date");
    if (filedDate && decidedDate && decidedDate < filedDate) refuse("decided_date", `审结日期 ${decidedDate} 早于收案日期 ${filedDate}`, "decided before filed");
    if (caseNumber) {
      const first = seen.get(caseNumber);
      if (first !== undefined) refuse("case_number", `案号 ${caseNumber} 与第 ${first} 行重复`, `case ${caseNumber} repeats row ${first}`);
      else seen.set(caseNumber, row);
    }
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    records.push({
      row,
      record: { caseNumber, requestSerial, kind: kind as AppealKind, afterReview, filedDate: filedDate as string, result: result as AppealResult, decision, decidedDate },
    });
  }
  return { records, errors };
}
