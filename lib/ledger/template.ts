import ExcelJS from "exceljs";
import { APPEAL_COLUMNS } from "../appeals/parse";
import { APPEAL_KIND_LABELS, APPEAL_KINDS, APPEAL_RESULT_LABELS, APPEAL_RESULTS, REVIEW_DECISIONS, SUIT_DECISIONS } from "../appeals/codes";
import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES, CHANNEL_LABELS, CHANNELS, OUTCOMES } from "../requests/codes";
import { plainOutcomeLabel } from "../requests/outcomes";
import { LEDGER_COLUMNS } from "./columns";

/**
 * The import templates (issue 14): the first sheet has the Chinese headers and nothing else (so
 * the template uploaded unchanged is refused: 没有可导入的数据行), drop-down lists on the coded
 * columns, and 填写说明, a second sheet with the rules and an example row — only the first
 * sheet is read. The lists live on a hidden third sheet (a list written into the validation
 * itself may hold only 255 characters, fewer than the outcomes need).
 */

type Column = { zh: string; code: string; required: boolean | string; rule: string; example: string; list?: string[] };

const DATE_RULE = "日期，如 2025-06-03、2025/6/3 或 2025年6月3日";

function requestColumns(): Column[] {
  const rules: Record<string, Omit<Column, "zh" | "code" | "required">> = {
    serial: { rule: "本机关内唯一，格式不限", example: "2025-0001" },
    received_date: { rule: `${DATE_RULE}；法定收到日期，不晚于今天`, example: "2025-06-03" },
    channel: { rule: "从下拉列表选择", example: CHANNEL_LABELS.online, list: CHANNELS.map((c) => CHANNEL_LABELS[c]) },
    applicant_type: { rule: "从下拉列表选择", example: APPLICANT_TYPE_LABELS.natural, list: APPLICANT_TYPES.map((c) => APPLICANT_TYPE_LABELS[c]) },
    applicant_name: { rule: "姓名或名称", example: "张三" },
    id_number: { rule: "自然人的身份证件号码", example: "" },
    credit_code: { rule: "法人或其他组织的统一社会信用代码", example: "" },
    phone: { rule: "", example: "" },
    address: { rule: "", example: "" },
    email: { rule: "", example: "" },
    content: { rule: "申请公开的政府信息", example: "申请公开某项目的环评批复" },
    outcome: { rule: "从下拉列表选择；尚未办结的留空", example: plainOutcomeLabel("disclose"), list: OUTCOMES.map(plainOutcomeLabel) },
    concluded_date: { rule: `${DATE_RULE}；有办理结果时必填`, example: "2025-06-20" },
    reply_number: { rule: "", example: "" },
    handler: { rule: "", example: "" },
    extension_days: { rule: "0 至 20 的整数", example: "" },
    fee_yuan: { rule: "金额（元），最多两位小数", example: "" },
    fee_paid_date: { rule: DATE_RULE, example: "" },
    notes: { rule: "", example: "" },
  };
  return LEDGER_COLUMNS.map((c) => {
    const max = "max" in c ? `不超过 ${c.max} 个字` : "";
    const rule = rules[c.code];
    return { zh: c.zh, code: c.code, required: c.required, ...rule, rule: [rule.rule, max].filter(Boolean).join("；") };
  });
}

function appealColumns(): Column[] {
  const rules: Record<string, Omit<Column, "zh" | "code" | "required">> = {
    case_number: { rule: "本机关内唯一；再次导入同一案号即更新该案件", example: "某复〔2025〕12号" },
    request_serial: { rule: "本机关已登记申请的编号", example: "2025-0001" },
    kind: { rule: "从下拉列表选择", example: APPEAL_KIND_LABELS.review, list: APPEAL_KINDS.map((k) => APPEAL_KIND_LABELS[k]) },
    after_review: { rule: "行政诉讼必填：是 / 否", example: "", list: ["是", "否"] },
    filed_date: { rule: `${DATE_RULE}；不早于申请的收到日期`, example: "2025-07-01" },
    result: { rule: "从下拉列表选择；填写了决定类型的，以决定类型为准", example: APPEAL_RESULT_LABELS.pending, list: APPEAL_RESULTS.map((r) => APPEAL_RESULT_LABELS[r]) },
    decision: { rule: "从下拉列表选择（复议决定或判决、裁定）", example: "", list: [...new Set([...Object.keys(REVIEW_DECISIONS), ...Object.keys(SUIT_DECISIONS)])] },
    decided_date: { rule: `${DATE_RULE}；已审结的必填`, example: "" },
  };
  return APPEAL_COLUMNS.map((c) => ({ zh: c.zh, code: c.code, required: c.code === "after_review" ? "行政诉讼必填" : c.required, ...rules[c.code] }));
}

/** exceljs writes a validation over a range (one `sqref`), but its types name only the per-cell form. */
type RangeValidations = { add(range: string, validation: ExcelJS.DataValidation): void; find(address: string): ExcelJS.DataValidation | undefined };
export const rangeValidations = (sheet: ExcelJS.Worksheet) => (sheet as unknown as { dataValidations: RangeValidations }).dataValidations;

export async function importTemplate(kind: "requests" | "appeals"): Promise<Buffer> {
  const columns = kind === "requests" ? requestColumns() : appealColumns();
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(kind === "requests" ? "申请台账" : "复议诉讼案件");
  const guide = book.addWorksheet("填写说明");
  const lists = book.addWorksheet("选项", { state: "veryHidden" });

  const header = sheet.addRow(columns.map((c) => c.zh));
  header.font = { bold: true };
  header.eachCell((cell, i) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: columns[i - 1].required === true ? "FFFDE68A" : "FFE2E8F0" } };
  });
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  let listColumn = 0;
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = Math.max(12, Math.min(40, c.zh.length * 2.5 + 4));
    if (!c.list) return;
    listColumn++;
    c.list.forEach((value, r) => {
      lists.getCell(r + 1, listColumn).value = value;
    });
    const letter = lists.getColumn(listColumn).letter;
    const target = sheet.getColumn(i + 1).letter;
    // Rows 2–5000: enough for a year's ledger; later rows still import, without the list.
    rangeValidations(sheet).add(`${target}2:${target}5000`, {
      type: "list",
      allowBlank: true,
      formulae: [`选项!$${letter}$1:$${letter}$${c.list.length}`],
      showErrorMessage: true,
      errorStyle: "warning",
      errorTitle: c.zh,
      error: `请从列表中选择${c.zh}`,
    });
  });

  guide.addRow(["只导入第一个工作表；本页仅为说明，不会导入。整份文件要么全部导入，要么一条也不导入。"]).font = { bold: true };
  guide.addRow(["表头可用中文列名或英文代码；空白、“/”、“—”视为空；黄色表头为必填列。"]);
  guide.addRow([]);
  const guideHeader = guide.addRow(["列名", "代码", "是否必填", "填写要求", "示例"]);
  guideHeader.font = { bold: true };
  for (const c of columns) guide.addRow([c.zh, c.code, c.required === true ? "必填" : c.required || "", c.rule, c.example]);
  guide.addRow([]);
  guide.addRow(["示例行（复制到第一个工作表的第 2 行起）："]).font = { bold: true };
  guide.addRow(columns.map((c) => c.zh)).font = { bold: true };
  guide.addRow(columns.map((c) => c.example));
  guide.getColumn(1).width = 20;
  guide.getColumn(2).width = 18;
  guide.getColumn(3).width = 14;
  guide.getColumn(4).width = 60;
  guide.getColumn(5).width = 28;

  return Buffer.from(await book.xlsx.writeBuffer());
}
