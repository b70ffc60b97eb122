import { buildCalendar } from "../deadlines/workdays";
import { shippedYears } from "../calendar/shipped";
import { describe, expect, test } from "vitest";
import { type LedgerTable, parseLedger } from "./parse";

const HEADERS = ["serial", "received_date", "applicant_type", "applicant_name", "content", "outcome", "concluded_date"];
const GOOD = ["A-1", "2024-03-04", "natural", "张三", "某文件", "disclose", "2024-03-20"];

function table(rows: string[][], headers = HEADERS): LedgerTable {
  return { headers, rows: rows.map((cells, i) => ({ row: i + 2, cells })) };
}

function refusal(rows: string[][], headers = HEADERS, options = {}) {
  const result = parseLedger(table(rows, headers), { today: "2026-11-27", ...options });
  return result.errors.map((e) => e.zh).join("\n");
}

describe("ledger rows", () => {
  test("a good row is read, with codes or Chinese labels and headers", () => {
    const result = parseLedger(
      table([["A-1", "2024-03-04", "商业企业", "某公司", "某文件", "属于国家秘密", "2024-03-20"]], ["编号", "收到日期", "申请人类型", "申请人", "申请内容", "办理结果", "办结日期"]),
      { today: "2026-11-27" },
    );
    expect(result.errors).toEqual([]);
    expect(result.records[0].record).toMatchObject({ serial: "A-1", applicantType: "commercial", outcome: "withhold_state_secret", concludedDate: "2024-03-20" });
  });

  test.each([
    ["（一）予以公开", "disclose"],
    ["予以公开", "disclose"],
    ["部分公开", "partial"],
    ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partial"],
    ["1.本机关不掌握相关政府信息", "unable_not_held"],
    ["本机关不掌握相关政府信息", "unable_not_held"],
    ["危及“三安全一稳定”", "withhold_security_stability"],
    ["申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "other_no_fee"],
    ["其他", "other_other"],
  ])("outcome label %s is %s", (label, code) => {
    const result = parseLedger(table([["A-1", "2024-03-04", "natural", "张三", "x", label, "2024-03-20"]]), { today: "2026-11-27" });
    expect(result.errors).toEqual([]);
    expect(result.records[0].record.outcome).toBe(code);
  });

  test.each([
    ["(一)予以公开", "disclose"],
    ["1、本机关不掌握相关政府信息", "unable_not_held"],
    ["1. 属于国家秘密", "withhold_state_secret"],
    ["（四）1．本机关不掌握相关政府信息", "unable_not_held"],
    ["危及\"三安全一稳定\"", "withhold_security_stability"],
    ["“部分公开”", "partial"],
    ["申请人逾期未按收费通知要求缴纳费用,行政机关不再处理其政府信息公开申请", "other_no_fee"],
  ])("as clerks write it: outcome %s is %s", (label, code) => {
    const result = parseLedger(table([["A-1", "2024-03-04", "natural", "张三", "x", label, "2024-03-20"]]), { today: "2026-11-27" });
    expect(result.errors).toEqual([]);
    expect(result.records[0].record.outcome).toBe(code);
  });

  test.each(["2024-03-04", "2024/3/4", "2024.3.4", "2024年3月4日", "２０２４年３月４日", "2024/03/04 00:00:00"])("the date %s is 2024-03-04", (date) => {
    const result = parseLedger(table([["A-1", date, "natural", "张三", "x", "", ""]]), { today: "2026-11-27" });
    expect(result.errors).toEqual([]);
    expect(result.records[0].record.receivedDate).toBe("2024-03-04");
  });

  test("types and channels by label, numbered or quoted; refusals list what is accepted", () => {
    const headers = [...HEADERS, "申请方式"];
    const ok = parseLedger(table([["A-1", "2024-03-04", "（二）商业企业", "某公司", "x", "", "", "“网络”"]], headers), { today: "2026-11-27" });
    expect(ok.errors).toEqual([]);
    expect(ok.records[0].record).toMatchObject({ applicantType: "commercial", channel: "online" });
    expect(refusal([["A-1", "2024-03-04", "机关", "张三", "x", "", "", "微信"]], headers)).toMatch(
      /无法识别的申请方式「微信」，可填：当面、信函、网络[\s\S]*无法识别的申请人类型「机关」，可填：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他/,
    );
    expect(refusal([["A-1", "2024-03-04", "natural", "张三", "x", "同意", "2024-03-20"]])).toMatch(/可填：予以公开、部分公开、属于国家秘密、.*其他$/m);
  });

  test("a group's name as an outcome is refused with the rows it could mean", () => {
    expect(refusal([["A-1", "2024-03-04", "natural", "张三", "x", "（三）不予公开", "2024-03-20"]])).toMatch(
      /「（三）不予公开」是分组名称，请填写其中一项：属于国家秘密、其他法律行政法规禁止公开、危及“三安全一稳定”、保护第三方合法权益、属于三类内部事务信息、属于四类过程性信息、属于行政执法案卷、属于行政查询事项/,
    );
    expect(refusal([["A-1", "2024-03-04", "natural", "张三", "x", "其他处理", "2024-03-20"]])).toMatch(/「其他处理」是分组名称/);
  });

  test("a value under no header is refused naming its cell; a field longer than the form allows, naming row and field", () => {
    expect(refusal([[...GOOD, "", "多出来的"]])).toMatch(/第 2 行 I2 单元格有内容「多出来的」，但该列没有表头/);
    expect(refusal([["A-1", "2024-03-04", "natural", "张".repeat(201), "x", "", ""]])).toMatch(/第 2 行「applicant_name」：不超过 200 个字（现为 201 个字）/);
  });

  test("blank, / and — are empty", () => {
    const result = parseLedger(table([["A-1", "2024-03-04", "natural", "张三", "x", "/", "—"]]), { today: "2026-11-27" });
    expect(result.errors).toEqual([]);
    expect(result.records[0].record).toMatchObject({ outcome: null, concludedDate: null });
  });

  test.each([
    ["a missing required value", [["", ...GOOD.slice(1)]], /第 2 行「serial」：必填/],
    ["an unknown applicant type", [["A-1", "2024-03-04", "机关", "张三", "x", "", ""]], /无法识别的申请人类型「机关」/],
    ["an unknown outcome", [["A-1", "2024-03-04", "natural", "张三", "x", "同意", "2024-03-20"]], /无法识别的办理结果「同意」/],
    ["a malformed date", [["A-1", "03/04/2024", "natural", "张三", "x", "", ""]], /「received_date」：日期「03\/04\/2024」格式应为 YYYY-MM-DD、YYYY\/M\/D、YYYY.M.D 或 YYYY年M月D日/],
    ["an impossible date", [["A-1", "2024-02-30", "natural", "张三", "x", "", ""]], /日期「2024-02-30」不存在/],
    ["a receipt date in the future", [["A-1", "2026-12-01", "natural", "张三", "x", "", ""]], /晚于今天/],
    ["a conclusion before the receipt", [["A-1", "2024-03-04", "natural", "张三", "x", "disclose", "2024-03-01"]], /早于收到日期/],
    ["an outcome without conclusion date", [["A-1", "2024-03-04", "natural", "张三", "x", "disclose", ""]], /有办理结果，但没有办结日期/],
    ["a conclusion date without outcome", [["A-1", "2024-03-04", "natural", "张三", "x", "", "2024-03-20"]], /有办结日期，但没有办理结果/],
    ["a serial twice in the file", [GOOD, GOOD], /第 3 行「serial」：编号 A-1 与第 2 行重复/],
  ])("refuses %s, naming row and field", (_name, rows, message) => {
    expect(refusal(rows as string[][])).toMatch(message as RegExp);
  });

  test("every bad row is listed in one pass", () => {
    const errors = refusal([
      ["A-1", "2024-02-30", "natural", "张三", "x", "", ""],
      GOOD.map((v, i) => (i === 0 ? "A-2" : v)),
      ["A-3", "2024-03-04", "机关", "张三", "x", "", ""],
    ]);
    expect(errors).toMatch(/第 2 行/);
    expect(errors).toMatch(/第 4 行/);
    expect(errors).not.toMatch(/第 3 行/);
  });

  test("a missing required column and an unknown column are refused; --ignore-unknown drops the latter", () => {
    expect(refusal([GOOD.slice(1)], HEADERS.slice(1))).toMatch(/缺少必填列「编号」（serial）/);
    const withExtra = [...HEADERS, "经办科室"];
    expect(refusal([[...GOOD, "办公室"]], withExtra)).toMatch(/无法识别的列「经办科室」/);
    const ignored = parseLedger(table([[...GOOD, "办公室"]], withExtra), { ignoreUnknown: true, today: "2026-11-27" });
    expect(ignored.errors).toEqual([]);
    expect(ignored.droppedColumns).toEqual(["经办科室"]);
  });

  test("an empty file is refused", () => {
    expect(refusal([], [])).toMatch(/文件为空/);
    expect(refusal([], HEADERS)).toMatch(/没有可导入的数据行/);
    expect(refusal([["", "", "/", "—", "", "", ""]], HEADERS)).toMatch(/没有可导入的数据行/);
  });

  test("plausibility is a warning, never a refusal", () => {
    const result = parseLedger(table([["A-1", "2024-03-02", "natural", "张三", "x", "disclose", "2024-09-20"]]), { today: "2026-11-27" });
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => w.zh).join()).toMatch(/休息日/);
    expect(result.warnings.map((w) => w.zh).join()).toMatch(/办结日期 2024-09-20 晚于答复期限/);
  });

  test("a late conclusion is one after the reply due date, with the recorded extension", () => {
    const calendar = buildCalendar(Object.fromEntries(shippedYears().map((y) => [y.year, y.days])));
    const warnings = (received: string, concluded: string, ext = "") =>
      parseLedger(table([["A-1", received, "natural", "张三", "x", "disclose", concluded, ext]], [...HEADERS.slice(0, 7), "extension_days"]), { today: "2026-11-27", calendar }).warnings.map((w) => w.zh);
    expect(warnings("2024-09-27", "2024-10-30")).toEqual([]);
    expect(warnings("2024-09-27", "2024-10-31")).toEqual(["第 2 行「concluded_date」：办结日期 2024-10-31 晚于答复期限 2024-10-30（20 个工作日，未计中止和补正），请核对"]);
    expect(warnings("2024-09-27", "2024-11-27", "20")).toEqual([]);
  });

  test("a formula-protected cell reads back as written", () => {
    const result = parseLedger(table([["A-1", "2024-03-04", "natural", "'=HYPERLINK()", "'-1 号文件", "", ""]]), { today: "2026-11-27" });
    expect(result.records[0].record).toMatchObject({ applicantName: "=HYPERLINK()", content: "-1 号文件" });
  });
});
