import { YUAN_AMOUNT } from "../decimal";
import { acceptedValues, byCode, headerlessValues, type LedgerIssue, rowReader } from "./cells";
import { isIsoDate } from "../dates";
import { buildCalendar, type Calendar, isWorkday, replyDue } from "../deadlines/workdays";
import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES, type ApplicantType, type Channel, CHANNEL_LABELS, CHANNELS, type Outcome } from "../requests/codes";
import { creditCodeProblem, idNumberProblem } from "../requests/identity";
import { readOutcome } from "../requests/outcomes";
import { columnOfHeader, isEmptyCell, LEDGER_COLUMNS, type LedgerColumn } from "./columns";
import { type OnProgress, PROGRESS_EVERY } from "./progress";

/** One request as a ledger row states it, checked and normalized (empty is null). */
export type LedgerRecord = {
  serial: string;
  receivedDate: string;
  channel: Channel | null;
  applicantType: ApplicantType;
  applicantName: string;
  idNumber: string | null;
  creditCode: string | null;
  phone: string | null;
  address: string | null;
  email: string | null;
  content: string;
  outcome: Outcome | null;
  concludedDate: string | null;
  replyNumber: string | null;
  handler: string | null;
  extensionDays: number;
  feeYuan: string | null;
  feePaidDate: string | null;
  notes: string | null;
};

export type { LedgerIssue } from "./cells";

export type ParsedLedger = {
  records: { row: number; record: LedgerRecord }[];
  errors: LedgerIssue[];
  warnings: LedgerIssue[];
  droppedColumns: string[];
  columns: LedgerColumn[];
};

export type LedgerTable = { headers: string[]; rows: { row: number; cells: string[] }[] };


/**
 * Plausibility warnings use the working-day calendar (a 调休 Sunday is a working day; a late
 * conclusion is one after the reply due date of A4); without one, every year is provisional.
 */
export function parseLedger(table: LedgerTable, options: { ignoreUnknown?: boolean; today: string; calendar?: Calendar; onProgress?: OnProgress }): ParsedLedger {
  const calendar = options.calendar ?? buildCalendar({});
  const errors: LedgerIssue[] = [];
  const warnings: LedgerIssue[] = [];
  const today = options.today;
  const result: ParsedLedger = { records: [], errors, warnings, droppedColumns: [], columns: [] };

  if (table.headers.every((h) => h.trim() === "")) {
    errors.push({ row: 1, field: "", zh: "文件为空或没有表头", en: "the file is empty or has no header row" });
    return result;
  }
  const index = new Map<LedgerColumn, number>();
  const headerName = new Map<LedgerColumn, string>();
  table.headers.forEach((header, i) => {
    if (header.trim() === "") return;
    const code = columnOfHeader(header);
    if (!code) {
      result.droppedColumns.push(header.trim());
      return;
    }
    if (index.has(code)) {
      errors.push({ row: 1, field: header, zh: `列「${header}」重复`, en: `column ${code} appears twice` });
      return;
    }
    index.set(code, i);
    headerName.set(code, header.trim());
  });
  if (result.droppedColumns.length > 0 && !options.ignoreUnknown) {
    for (const h of result.droppedColumns) {
      errors.push({ row: 1, field: h, zh: `无法识别的列「${h}」；可用的列：${LEDGER_COLUMNS.map((c) => c.zh).join("、")}`, en: `unknown column ${h} (--ignore-unknown drops it)` });
    }
  }
  for (const c of LEDGER_COLUMNS) {
    if (c.required && !index.has(c.code)) errors.push({ row: 1, field: c.zh, zh: `缺少必填列「${c.zh}」（${c.code}）`, en: `missing required column ${c.code}` });
  }
  result.columns = [...index.keys()];
  if (errors.length > 0) return result;

  const seen = new Map<string, number>();
  const dataRows = table.rows.filter((r) => r.cells.some((c) => !isEmptyCell(c)));
  if (dataRows.length === 0) {
    // Row 1, the headers: the refusal is the file's, and no data row is counted.
    errors.push({ row: 1, field: "", zh: "没有可导入的数据行", en: "the file has no data rows" });
    return result;
  }
  errors.push(...headerlessValues(table.headers, dataRows));

  let checked = 0;
  for (const { row, cells } of dataRows) {
    if (options.onProgress && checked++ % PROGRESS_EVERY === 0) options.onProgress({ phase: "checking", done: checked - 1, total: dataRows.length });
    const rowErrors: LedgerIssue[] = [];
    const { refuse, warn, cell, required, date } = rowReader(row, cells, { index, name: headerName }, { errors: rowErrors, warnings });

    const serial = required("serial");
    const receivedRaw = cell("received_date");
    const receivedDate = receivedRaw === null ? (refuse("received_date", "必填，不能为空", "required value is empty"), null) : date("received_date");
    if (receivedDate && receivedDate > today) refuse("received_date", `收到日期 ${receivedDate} 晚于今天`, `receipt date ${receivedDate} is in the future`);

    const channelRaw = cell("channel");
    const channel = channelRaw === null ? null : byCode(channelRaw, CHANNELS, CHANNEL_LABELS);
    if (channelRaw !== null && !channel) refuse("channel", `无法识别的申请方式「${channelRaw}」，可填：${acceptedValues(CHANNELS, CHANNEL_LABELS)}`, `unknown channel ${channelRaw}; accepted: ${CHANNELS.join(", ")}`);

    const typeRaw = required("applicant_type");
    const applicantType = typeRaw ? byCode(typeRaw, APPLICANT_TYPES, APPLICANT_TYPE_LABELS) : null;
    if (typeRaw && !applicantType) {
      refuse("applicant_type", `无法识别的申请人类型「${typeRaw}」，可填：${acceptedValues(APPLICANT_TYPES, APPLICANT_TYPE_LABELS)}`, `unknown applicant type ${typeRaw}; accepted: ${APPLICANT_TYPES.join(", ")}`);
    }

    const applicantName = required("applicant_name");
    const content = required("content");

    const outcomeRaw = cell("outcome");
    const outcomeRead = outcomeRaw === null ? null : readOutcome(outcomeRaw);
    const outcome = outcomeRead && "outcome" in outcomeRead ? outcomeRead.outcome : null;
    if (outcomeRead && !("outcome" in outcomeRead)) refuse("outcome", outcomeRead.zh, outcomeRead.en);
    const concludedDate = date("concluded_date");
    if (outcomeRaw !== null && cell("concluded_date") === null) refuse("concluded_date", "有办理结果，但没有办结日期", "outcome without conclusion date");
    if (outcomeRaw === null && cell("concluded_date") !== null) refuse("outcome", "有办结日期，但没有办理结果", "conclusion date without outcome");
    if (concludedDate && receivedDate && concludedDate < receivedDate) refuse("concluded_date", `办结日期 ${concludedDate} 早于收到日期 ${receivedDate}`, "conclusion date before receipt date");
    if (concludedDate && concludedDate > today) refuse("concluded_date", `办结日期 ${concludedDate} 晚于今天`, "conclusion date in the future");

    const extRaw = cell("extension_days");
    let extensionDays = 0;
    if (extRaw !== null) {
      if (!/^\d+$/.test(extRaw) || Number(extRaw) > 20) refuse("extension_days", `延期工作日「${extRaw}」应为 0 至 20 的整数`, `extension days ${extRaw} not an integer 0-20`);
      else extensionDays = Number(extRaw);
    }
    const feeRaw = cell("fee_yuan");
    if (feeRaw !== null && !YUAN_AMOUNT.test(feeRaw)) refuse("fee_yuan", `金额「${feeRaw}」应为不超过两位小数的非负数`, `fee ${feeRaw} is not a decimal amount`);
    const feePaidDate = date("fee_paid_date");

    for (const column of LEDGER_COLUMNS) {
      const value = "max" in column ? cell(column.code) : null;
      if (value !== null && "max" in column && value.length > column.max) {
        refuse(column.code, `不超过 ${column.max} 个字（现为 ${value.length} 个字）`, `longer than ${column.max} characters (${value.length})`);
      }
    }

    const idNumber = cell("id_number");
    const idProblem = idNumber ? idNumberProblem(idNumber) : null;
    if (idProblem) warn("id_number", idProblem, "resident ID check digit or birth date looks wrong");
    const creditCode = cell("credit_code");
    if (creditCode && creditCodeProblem(creditCode)) warn("credit_code", "统一社会信用代码校验位不正确", "credit code check digit looks wrong");

    if (serial) {
      const first = seen.get(serial);
      if (first !== undefined) refuse("serial", `编号 ${serial} 与第 ${first} 行重复`, `serial ${serial} repeats row ${first}`);
      else seen.set(serial, row);
    }

    // Plausibility is never a refusal (interfaces.md): warnings only.
    if (receivedDate && !isWorkday(calendar, receivedDate).workday) {
      warn("received_date", `收到日期 ${receivedDate} 为休息日，请核对`, "receipt date falls on a rest day");
    }
    if (receivedDate && concludedDate && isIsoDate(receivedDate) && isIsoDate(concludedDate)) {
      // The ledger carries no pauses or 补正: a later conclusion may still be lawful, hence a warning.
      const due = replyDue(calendar, { received: receivedDate, extension: extensionDays }).date;
      if (concludedDate > due) {
        warn(
          "concluded_date",
          `办结日期 ${concludedDate} 晚于答复期限 ${due}（20 个工作日${extensionDays ? ` + 延期 ${extensionDays} 个工作日` : ""}，未计中止和补正），请核对`,
          `concluded after the due date ${due}`,
        );
      }
    }

    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    result.records.push({
      row,
      record: {
        serial,
        receivedDate: receivedDate as string,
        channel,
        applicantType: applicantType as ApplicantType,
        applicantName,
        idNumber,
        creditCode,
        phone: cell("phone"),
        address: cell("address"),
        email: cell("email"),
        content,
        outcome,
        concludedDate,
        replyNumber: cell("reply_number"),
        handler: cell("handler"),
        extensionDays,
        feeYuan: feeRaw,
        feePaidDate,
        notes: cell("notes"),
      },
    });
  }
  return result;
}
