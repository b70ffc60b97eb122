import { FIELD_MAX } from "../requests/schemas";

/**
 * The request ledger file of interfaces.md: its columns in order, with the Chinese header each
 * may carry instead of the code, and which are required.
 */
export const LEDGER_COLUMNS = [
  { code: "serial", zh: "编号", required: true, max: FIELD_MAX.serial },
  { code: "received_date", zh: "收到日期", required: true },
  { code: "channel", zh: "申请方式", required: false },
  { code: "applicant_type", zh: "申请人类型", required: true },
  { code: "applicant_name", zh: "申请人", required: true, max: FIELD_MAX.applicantName },
  { code: "id_number", zh: "证件号码", required: false, max: FIELD_MAX.idNumber },
  { code: "credit_code", zh: "统一社会信用代码", required: false, max: FIELD_MAX.creditCode },
  { code: "phone", zh: "联系电话", required: false, max: FIELD_MAX.phone },
  { code: "address", zh: "联系地址", required: false, max: FIELD_MAX.address },
  { code: "email", zh: "电子邮箱", required: false, max: FIELD_MAX.email },
  { code: "content", zh: "申请内容", required: true, max: FIELD_MAX.content },
  { code: "outcome", zh: "办理结果", required: false },
  { code: "concluded_date", zh: "办结日期", required: false },
  { code: "reply_number", zh: "答复文号", required: false, max: FIELD_MAX.replyNumber },
  { code: "handler", zh: "承办人", required: false, max: FIELD_MAX.handler },
  { code: "extension_days", zh: "延期工作日", required: false },
  { code: "fee_yuan", zh: "信息处理费（元）", required: false },
  { code: "fee_paid_date", zh: "缴费日期", required: false },
  { code: "notes", zh: "备注", required: false, max: FIELD_MAX.notes },
] as const satisfies readonly { code: string; zh: string; required: boolean; max?: number }[];

export type LedgerColumn = (typeof LEDGER_COLUMNS)[number]["code"];

/** A header as written in a file → its column code (code or Chinese name; spaces and full-width brackets forgiven). */
export function columnOfHeader(header: string): LedgerColumn | null {
  const h = header.replace(/^\uFEFF/, "").trim();
  const norm = (s: string) => s.replace(/\s+/g, "").replace(/\(/g, "（").replace(/\)/g, "）").toLowerCase();
  for (const c of LEDGER_COLUMNS) {
    if (norm(h) === c.code || norm(h) === norm(c.zh)) return c.code;
  }
  return null;
}

/** Blank, `/` and dashes are empty (interfaces.md; real ledgers write them for "none"). */
export function isEmptyCell(value: string): boolean {
  return /^\s*(\/|—+|－|-)?\s*$/.test(value);
}
