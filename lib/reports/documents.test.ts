import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, expect, test } from "vitest";
import { createAgency } from "../agencies/mutations";
import { importAppealFile } from "../appeals/files";
import { CLI_ACTOR } from "../auth/actor";
import { importRequestLedger } from "../ledger/requests";
import { freshDatabase, TODAY } from "../testing/db";
import { computeReport } from "./engine";
import { reportHtml } from "./html";
import { APPEAL_COLUMN_LABELS, APPLICATION_COLUMN_LABELS, APPLICATION_ROWS, PROACTIVE_BLOCKS, TITLES } from "./layout";
import { setProactive } from "./mutations";
import { proactiveSchema } from "./proactive";
import type { Report } from "./types";
import { reportXlsx } from "./xlsx";

const dir = path.join(import.meta.dirname, "..", "..", "db", "seed-data", "queshan-2024");
let report: Report;

beforeAll(async () => {
  freshDatabase();
  createAgency(CLI_ACTOR, { code: "qs", name: "确山县人民政府" });
  await importRequestLedger(CLI_ACTOR, { agencyCode: "qs", bytes: readFileSync(path.join(dir, "requests.csv")), filename: "requests.csv", today: TODAY });
  await importAppealFile(CLI_ACTOR, { agencyCode: "qs", bytes: readFileSync(path.join(dir, "appeals.csv")), filename: "appeals.csv" });
  setProactive(CLI_ACTOR, "qs", 2024, proactiveSchema.parse(JSON.parse(readFileSync(path.join(dir, "proactive.json"), "utf8"))));
  report = computeReport(CLI_ACTOR, { agencyCode: "qs", year: 2024 });
});

const LABELS = [
  TITLES.proactive,
  TITLES.applications,
  TITLES.appeals,
  TITLES.applicationsNote,
  ...PROACTIVE_BLOCKS.flatMap((b) => [b.heading, ...b.columns.map((c) => c.label), ...b.rows.map((r) => r.label)]),
  ...APPLICATION_ROWS.map((r) => r.label),
  ...Object.values(APPLICATION_COLUMN_LABELS),
  ...Object.values(APPEAL_COLUMN_LABELS),
  "未经复议直接起诉",
  "复议后起诉",
];

test("the XLSX has every label, the numbers, merged headers and A4 page setup", async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await reportXlsx(report)) as unknown as ExcelJS.Buffer);
  const texts = workbook.worksheets.flatMap((ws) => {
    const out: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => out.push(String(cell.value))));
    return out;
  });
  for (const label of LABELS) expect(texts, label).toContain(label);
  const applications = workbook.getWorksheet("三 依申请公开") as ExcelJS.Worksheet;
  expect(applications.getCell("A2").isMerged).toBe(true);
  expect(applications.getCell("C4").master.address).toBe("A2");
  const newRow = applications.getRow(5);
  expect(newRow.getCell(3).master.value).toBe("一、本年新收政府信息公开申请数量");
  expect(newRow.getCell(4).value).toBe(28);
  expect(newRow.getCell(10).value).toBe(28);
  for (const ws of workbook.worksheets) expect(ws.pageSetup.paperSize).toBe(9);
  const appeals = workbook.getWorksheet("四 复议诉讼") as ExcelJS.Worksheet;
  expect([1, 2, 3, 4, 5].map((c) => appeals.getRow(5).getCell(c).value)).toEqual([8, 1, 0, 0, 9]);
});

test("the HTML page has every label and merged cells, every cell printed", () => {
  const html = reportHtml(report);
  const text = html.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  for (const label of LABELS) expect(text, label).toContain(label);
  expect(html).toContain('rowspan="22"');
  expect(html).toContain('colspan="10"');
  expect(html.match(/<td class="n">/g)?.length).toBeGreaterThanOrEqual(25 * 7 + 15);
  expect(html).toContain("@page { size: A4");
});

test("the DOCX is A4 with official margins and fonts, every label, and merged table cells", async () => {
  const { reportDocx } = await import("./docx");
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(await reportDocx(report, { overview: "共收到政府信息公开申请28件。", problems: "问题。", other: "其他。" }));
  const xml = await zip.file("word/document.xml")!.async("string");
  const text = xml.replace(/<[^>]+>/g, "").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
  for (const label of LABELS) expect(text, label).toContain(label);
  expect(xml).toMatch(/<w:pgSz w:w="1190[67]" w:h="1684[0-9]"/);
  expect(xml).toMatch(/w:top="209[0-9]"/);
  expect(xml).toMatch(/w:left="158[0-9]"/);
  expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
  expect(xml).toContain('w:eastAsia="方正小标宋简体"');
  expect(xml).toContain('<w:sz w:val="44"/>');
  expect(xml).toContain('<w:gridSpan w:val="10"/>');
  expect(xml).toContain("<w:vMerge");
  expect(text).toContain("共收到政府信息公开申请28件。");
});
