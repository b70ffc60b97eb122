import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeEach, describe, expect, test } from "vitest";
import { getSqlite } from "../../db";
import { createAgency } from "../agencies/mutations";
import { CLI_ACTOR } from "../auth/actor";
import { freshDatabase, makeUser, TODAY } from "../testing/db";
import { LEDGER_COLUMNS } from "./columns";
import { exportRequestLedger, importRequestLedger, listLedgerRecords } from "./requests";
import { readCsv } from "./read";

const FIXTURE = readFileSync(path.join(import.meta.dirname, "..", "..", "db", "seed-data", "queshan-2024", "requests.csv"));
const count = (sql: string) => (getSqlite().prepare(sql).get() as { n: number }).n;

function csv(lines: string[]): Buffer {
  return Buffer.from(lines.join("\n"), "utf8");
}

/** The fixture as a clerk's XLSX: Chinese headers, real date cells. */
async function fixtureAsXlsx(): Promise<Buffer> {
  const table = readCsv(FIXTURE);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("台账");
  sheet.addRow(table.headers.map((h) => LEDGER_COLUMNS.find((c) => c.code === h)?.zh ?? h));
  for (const { cells } of table.rows) {
    sheet.addRow(cells.map((v, i) => (/_date$/.test(table.headers[i]) && v ? new Date(`${v}T00:00:00Z`) : v)));
  }
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("importing and exporting the request ledger", () => {
  beforeEach(() => {
    freshDatabase();
    createAgency(CLI_ACTOR, { code: "a", name: "甲机关" });
    createAgency(CLI_ACTOR, { code: "b", name: "乙机关" });
  });

  test("the fixture imports from CSV; the same file again changes nothing", async () => {
    const rows = readCsv(FIXTURE).rows.length;
    const first = await importRequestLedger(CLI_ACTOR, { agencyCode: "a", bytes: FIXTURE, filename: "requests.csv", today: TODAY });
    expect(first).toMatchObject({ ok: true, inserted: rows, unchanged: 0, errors: [] });
    const audit = count("SELECT count(*) AS n FROM audit_log");
    const again = await importRequestLedger(CLI_ACTOR, { agencyCode: "a", bytes: FIXTURE, filename: "requests.csv", today: TODAY });
    expect(again).toMatchObject({ ok: true, inserted: 0, unchanged: rows });
    expect(count("SELECT count(*) AS n FROM requests")).toBe(rows);
    expect(count("SELECT count(*) AS n FROM audit_log")).toBe(audit);
  });

  test("a file of headers only is refused as having no data row, and counted as none", async () => {
    const summary = await importRequestLedger(CLI_ACTOR, { agencyCode: "a", bytes: csv(["编号,收到日期,申请人类型,申请人,申请内容", ",,,,", ""]), filename: "empty.csv", today: TODAY });
    expect(summary).toMatchObject({ ok: false, rows: 0, inserted: 0 });
    expect(summary.errors.map((e) => e.zh)).toEqual(["没有可导入的数据行"]);
  });

  test("the fixture imports from an XLSX with Chinese headers and date cells, to the same records", async () => {
    await importRequestLedger(CLI_ACTOR, { agencyCode: "a", bytes: FIXTURE, filename: "requests.csv", today: TODAY });
    const result = await importRequestLedger(CLI_ACTOR, { agencyCode: "b", bytes: await fixtureAsXlsx(), filename: "台账.xlsx", today: TODAY });
    expect(result.errors).toEqual([]);
    expect(listLedgerRecords(CLI_ACTOR, "b")).toEqual(listLedgerRecords(CLI_ACTOR, "a"));
  });

  test("the rest-day warning follows the calendar: a 调休 Sunday is a working day, a holiday is not", async () => {
    const file = csv([
      "serial,received_date,applicant_type,applicant_name,content",
      "W1,2024-02-18,natural,甲,x",
      "W2,2024-02-12,natural,乙,x",
      "W3,2024-03-04,natural,丙,x",
    ]);
    const result = await importRequestLedger(CLI_ACTOR, { agencyCode: "a", bytes: file, filename: "x.csv", dryRun: true, today: TODAY });
    expect(result.warnings.map((w) => w.row)).toEqual([3]);
  });

  test("a dry run reports what would happen and writes nothing", async () => {
    const result = await importRequestLedger(CLI_ACTOR, { agencyCode: "a", bytes: FIXTURE, filename: "requests.csv", dryRun: true, today: TODAY });
    expect(result.ok).toBe(true);
    expect(result.inserted).toBeGreaterThan(0);
    expect(count("SELECT count(*) AS n FROM requests")).toBe(0);
  });

  test.each([
    ["a missing value", "A-2,2024-03-05,natural,,x,,"],
    ["an unknown label", "A-2,2024-03-05,机关,李四,x,,"],
    ["an impossible date", "A-2,2024-02-31,natural,李四,x,,"],
    ["a conclusion before receipt", "A-2,2024-03-05,natural,李四,x,disclose,2024-03-01"],
    ["a repeated serial", "A-1,2024-03-05,natural,李四,x,,"],
  ])("all or nothing: %s in one row keeps every row out", async (_name, bad) => {
    const file = csv(["serial,received_date,applicant_type,applicant_name,content,outcome,concluded_date", "A-1,2024-03-04,natural,张三,x,,", bad, "A-3,2024-03-06,natural,王五,y,,"]);
    const result = await importRequestLedger(CLI_ACTOR, { agencyCode: "a", bytes: file, filename: "x.csv", today: TODAY });
    expect(result.ok).toBe(false);
    expect(result.errors[0].zh).toMatch(/第 3 行/);
    expect(count("SELECT count(*) AS n FROM requests")).toBe(0);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'request.import'")).toBe(0);
  });

  test("a serial that exists with different content is refused, naming the fields", async () => {
    const header = "serial,received_date,applicant_type,applicant_name,content";
    await importRequestLedger(CLI_ACTOR, { agencyCode: "a", bytes: csv([header, "A-1,2024-03-04,natural,张三,x"]), filename: "x.csv", today: TODAY });
    const result = await importRequestLedger(CLI_ACTOR, { agencyCode: "a", bytes: csv([header, "A-1,2024-03-04,natural,张三,另一内容", "A-2,2024-03-04,natural,李四,y"]), filename: "x.csv", today: TODAY });
    expect(result.ok).toBe(false);
    expect(result.errors[0].zh).toMatch(/编号 A-1 已存在，且内容不同（content）/);
    expect(count("SELECT count(*) AS n FROM requests")).toBe(1);
  });

  test("an empty or unreadable file is refused", async () => {
    for (const [bytes, name] of [
      [Buffer.alloc(0), "x.csv"],
      [Buffer.from("PK\u0003\u0004garbage"), "x.xlsx"],
      [Buffer.from('serial,"received_date\n'), "x.csv"],
    ] as const) {
      const result = await importRequestLedger(CLI_ACTOR, { agencyCode: "a", bytes, filename: name, today: TODAY });
      expect(result.ok, name).toBe(false);
      expect(result.errors.length).toBeGreaterThan(0);
    }
  });

  test("import → export → import into an empty database gives the same ledger; exports are byte-identical", async () => {
    const header = LEDGER_COLUMNS.map((c) => c.code).join(",");
    const rich = csv([
      header,
      "B-2,2024-12-31,mail,commercial,某公司,,91410000MA45TQ2J39,0396-1234567,驻马店市,a@b.cn,=SUM(A1),partial,2025-01-03,确政公开〔2025〕1号,李四,5,12.50,2025-01-02,备注，含逗号",
      'B-1,2024-06-03,in_person,natural,张三,410102199001011234,,13812345678,"地址 ""引号""",,"多行\n内容",,,,,0,,,',
    ]);
    expect((await importRequestLedger(CLI_ACTOR, { agencyCode: "a", bytes: rich, filename: "x.csv", today: TODAY })).errors).toEqual([]);
    const csv1 = await exportRequestLedger(CLI_ACTOR, { agencyCode: "a", format: "csv" });
    const csv2 = await exportRequestLedger(CLI_ACTOR, { agencyCode: "a", format: "csv" });
    expect(csv1.equals(csv2)).toBe(true);
    expect(csv1.toString("utf8")).toContain("'=SUM(A1)");
    const xlsx1 = await exportRequestLedger(CLI_ACTOR, { agencyCode: "a", format: "xlsx" });
    await new Promise((r) => setTimeout(r, 2100));
    const xlsx2 = await exportRequestLedger(CLI_ACTOR, { agencyCode: "a", format: "xlsx" });
    expect(xlsx1.equals(xlsx2)).toBe(true);

    const before = listLedgerRecords(CLI_ACTOR, "a");
    expect(before.map((r) => r.serial)).toEqual(["B-1", "B-2"]);
    freshDatabase();
    createAgency(CLI_ACTOR, { code: "a", name: "甲机关" });
    expect((await importRequestLedger(CLI_ACTOR, { agencyCode: "a", bytes: csv1, filename: "x.csv", today: TODAY })).errors).toEqual([]);
    expect(listLedgerRecords(CLI_ACTOR, "a")).toEqual(before);
    freshDatabase();
    createAgency(CLI_ACTOR, { code: "a", name: "甲机关" });
    expect((await importRequestLedger(CLI_ACTOR, { agencyCode: "a", bytes: xlsx1, filename: "x.xlsx", today: TODAY })).errors).toEqual([]);
    expect(listLedgerRecords(CLI_ACTOR, "a")).toEqual(before);
  });

  test("an export for a year holds that year's requests and those still open on 1 January", async () => {
    const file = csv([
      "serial,received_date,applicant_type,applicant_name,content,outcome,concluded_date",
      "old-closed,2023-05-04,natural,甲,x,disclose,2023-06-01",
      "old-open-across,2023-12-20,natural,乙,x,disclose,2024-01-05",
      "old-closed-31dec,2023-12-01,natural,丙,x,disclose,2023-12-31",
      "this-year,2024-03-04,natural,丁,x,,",
      "next-year,2025-01-02,natural,戊,x,,",
    ]);
    await importRequestLedger(CLI_ACTOR, { agencyCode: "a", bytes: file, filename: "x.csv", today: TODAY });
    expect(listLedgerRecords(CLI_ACTOR, "a", 2024).map((r) => r.serial)).toEqual(["old-open-across", "this-year"]);
  });

  test("only a supervisor of the agency (or the CLI) imports and exports; the export is audited", async () => {
    const clerk = await makeUser("c", "clerk", "a");
    const supervisor = await makeUser("s", "supervisor", "a");
    const other = await makeUser("o", "supervisor", "b");
    await expect(importRequestLedger(clerk, { agencyCode: "a", bytes: FIXTURE, filename: "x.csv", today: TODAY })).rejects.toThrow(/无权导入/);
    await expect(exportRequestLedger(clerk, { agencyCode: "a", format: "csv" })).rejects.toThrow(/无权导出/);
    await expect(importRequestLedger(other, { agencyCode: "a", bytes: FIXTURE, filename: "x.csv", today: TODAY })).rejects.toThrow(/不存在或无权/);
    expect((await importRequestLedger(supervisor, { agencyCode: "a", bytes: FIXTURE, filename: "x.csv", today: TODAY })).ok).toBe(true);
    await exportRequestLedger(supervisor, { agencyCode: "a", format: "csv" });
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'ledger.export' AND actor_name = 's'")).toBe(1);
  });
});
