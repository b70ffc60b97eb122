import { OUTCOMES } from "../requests/codes";
import { APPEAL_COLUMNS, APPEAL_GROUP_CODES, APPLICATION_COLUMNS, APPLICATION_ROW_CODES, appealRow } from "./layout";
import type { Proactive } from "./proactive";
import type { Check, Report } from "./types";

/**
 * The 勾稽 checks of domain.md A6 / §1.9 as data. Hard checks are errors; the cross-year
 * checks are warnings (修改 or 清理 can legitimately break 现行有效, a missing baseline the carry-over).
 */
type Tables = Pick<Report, "applications" | "appeals" | "proactive">;
type Previous = { applications?: Report["applications"]; proactive?: Proactive; source: "computed" | "baseline" } | null;

const COLS = APPLICATION_COLUMNS.length;
const idx = (code: string) => APPLICATION_COLUMNS.indexOf(code);

function describe(columns: number[]): string {
  return columns.map((c) => APPLICATION_COLUMNS[c]).join("、");
}

export function runChecks(report: Tables, previous: Previous): Check[] {
  const rows = report.applications.rows;
  const checks: Check[] = [];
  const hard = (id: string, ok: boolean, message: string) => checks.push({ id, ok, message, severity: "error" });
  const warn = (id: string, ok: boolean, message: string) => checks.push({ id, ok, message, severity: "warning" });

  const bad: number[] = [];
  for (let c = 0; c < COLS; c++) if (rows.new[c] + rows.carried_in[c] !== rows.total[c] + rows.carried_out[c]) bad.push(c);
  hard("balance", bad.length === 0, bad.length ? `一+二 ≠ 三(七)+四：${describe(bad)}` : "一+二 = 三(七)+四");

  const badSum: number[] = [];
  for (let c = 0; c < COLS; c++) if (OUTCOMES.reduce((s, o) => s + rows[o][c], 0) !== rows.total[c]) badSum.push(c);
  hard("outcome_sum", badSum.length === 0, badSum.length ? `办理结果各项之和 ≠ （七）总计：${describe(badSum)}` : "办理结果各项之和 = （七）总计");

  const total = idx("total");
  const badRows = APPLICATION_ROW_CODES.filter((code) => rows[code].slice(0, total).reduce((s, v) => s + v, 0) !== rows[code][total]);
  hard("row_sum", badRows.length === 0, badRows.length ? `各类申请人之和 ≠ 总计：${badRows.join("、")}` : "各类申请人之和 = 总计");

  const groups = APPEAL_GROUP_CODES.filter((g) => {
    const v = appealRow(report.appeals, g);
    return APPEAL_COLUMNS.filter((c) => c !== "total").reduce((s, c) => s + v[c], 0) !== v.total;
  });
  hard("appeals_sum", groups.length === 0, groups.length ? `维持+纠正+其他+尚未审结 ≠ 总计：${groups.join("、")}` : "复议、诉讼各组：维持+纠正+其他+尚未审结 = 总计");

  const all = [...Object.values(rows).flat(), ...APPEAL_GROUP_CODES.flatMap((g) => report.appeals[g])];
  hard("non_negative", all.every((v) => Number.isInteger(v) && v >= 0), "所有数字均为非负整数");

  if (previous?.applications) {
    const lastOut = previous.applications.rows.carried_out;
    const diff: number[] = [];
    for (let c = 0; c < COLS; c++) if (rows.carried_in[c] !== lastOut[c]) diff.push(c);
    const source = previous.source === "baseline" ? "上年已公布报告" : "上年报告";
    warn("carried_in", diff.length === 0, diff.length ? `本年“上年结转”与${source}“结转下年度”不一致：${describe(diff)}` : `本年“上年结转” = ${source}“结转下年度”`);
  }
  if (previous?.proactive) {
    for (const key of ["rules", "normative_documents"] as const) {
      const now = report.proactive[key];
      const expected = previous.proactive[key].in_force + now.issued - now.abolished;
      const label = key === "rules" ? "规章" : "行政规范性文件";
      warn(`in_force_${key}`, now.in_force === expected, now.in_force === expected ? `${label}：现行有效 = 上年现行有效 + 制发 − 废止` : `${label}：现行有效 ${now.in_force} ≠ 上年 ${previous.proactive[key].in_force} + 制发 ${now.issued} − 废止 ${now.abolished} = ${expected}`);
    }
  }
  return checks;
}

export function hardChecksPass(checks: Check[]): boolean {
  return checks.every((c) => c.severity !== "error" || c.ok);
}
