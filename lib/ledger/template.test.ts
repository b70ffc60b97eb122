import ExcelJS from "exceljs";
import { expect, test } from "vitest";
import { parseAppeals } from "../appeals/parse";
import { parseLedger } from "./parse";
import { readImportTable } from "./read";
import { importTemplate, rangeValidations } from "./template";

const TODAY = "2026-11-27";

async function read(bytes: Buffer) {
  const result = await readImportTable(new Uint8Array(bytes), "template.xlsx");
  if ("error" in result) throw new Error(result.error.zh);
  return result.table;
}

test("the ledger template unchanged is refused for having no data row; filled with two rows from its lists it imports them", async () => {
  const template = await importTemplate("requests");
  expect(parseLedger(await read(template), { today: TODAY }).errors.map((e) => e.zh)).toEqual(["没有可导入的数据行"]);

  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template as unknown as ExcelJS.Buffer);
  const sheet = book.worksheets[0];
  const headers = (sheet.getRow(1).values as string[]).slice(1);
  expect(book.worksheets.map((s) => s.name)).toEqual(["申请台账", "填写说明", "选项"]);
  // The outcome column offers every outcome from the hidden list; the example sits on 填写说明 only.
  const outcomeColumn = sheet.getColumn(headers.indexOf("办理结果") + 1).letter;
  expect(rangeValidations(sheet).find(`${outcomeColumn}2`)).toMatchObject({ type: "list", formulae: [expect.stringMatching(/^选项!\$[A-Z]+\$1:\$[A-Z]+\$21$/)] });
  const row = (values: Record<string, string>) => headers.map((h) => values[h] ?? "");
  sheet.addRow(row({ 编号: "T-1", 收到日期: "2025/6/3", 申请方式: "网络", 申请人类型: "自然人", 申请人: "张三", 申请内容: "某文件", 办理结果: "予以公开", 办结日期: "2025年6月20日" }));
  sheet.addRow(row({ 编号: "T-2", 收到日期: "2025.6.4", 申请人类型: "商业企业", 申请人: "某公司", 申请内容: "某批复" }));
  const filled = Buffer.from(await book.xlsx.writeBuffer());
  const parsed = parseLedger(await read(filled), { today: TODAY });
  expect(parsed.errors).toEqual([]);
  expect(parsed.records.map((r) => r.record)).toMatchObject([
    { serial: "T-1", receivedDate: "2025-06-03", channel: "online", outcome: "disclose", concludedDate: "2025-06-20" },
    { serial: "T-2", receivedDate: "2025-06-04", applicantType: "commercial", outcome: null },
  ]);
});

test("the appeals template has the appeals file's headers and no data row", async () => {
  const table = await read(await importTemplate("appeals"));
  expect(table.headers).toEqual(["案号", "申请编号", "类型", "是否复议后起诉", "收案日期", "结果", "决定类型", "审结日期"]);
  expect(parseAppeals(table).errors.map((e) => e.zh)).toEqual(["没有可导入的数据行"]);
});
