import { expect, test } from "vitest";
import { parseAppeals } from "../appeals/parse";
import { parseLedger } from "./parse";

/** Both importers read cells through lib/ledger/cells.ts: the same dates, the same refusals, the same round trip. */
const table = (headers: string[], ...rows: string[][]) => ({ headers, rows: rows.map((cells, i) => ({ row: i + 2, cells })) });

test("an impossible or malformed date is refused in the same words by the ledger and the appeals file", () => {
  const ledger = parseLedger(table(["serial", "received_date", "applicant_type", "applicant_name", "content"], ["A-1", "2024-02-30", "natural", "张三", "某文件"]), { today: "2026-12-31" });
  const appeals = parseAppeals(table(["case_number", "request_serial", "kind", "filed_date", "result"], ["C-1", "A-1", "review", "2024-02-30", "pending"]));
  expect(ledger.errors.map((e) => e.zh)).toEqual(["第 2 行「received_date」：日期「2024-02-30」不存在"]);
  expect(appeals.errors.map((e) => e.zh)).toEqual(["第 2 行「filed_date」：日期「2024-02-30」不存在"]);
  const malformed = parseAppeals(table(["case_number", "request_serial", "kind", "filed_date", "result"], ["C-1", "A-1", "review", "24-3-1", "pending"]));
  expect(malformed.errors[0].zh).toContain("格式应为 YYYY-MM-DD");
});

test("a cell an export protected against formulas reads back as it was, in both files", () => {
  const ledger = parseLedger(table(["serial", "received_date", "applicant_type", "applicant_name", "content"], ["'=A-1", "2024-03-01", "natural", "张三", "'+某文件"]), { today: "2026-12-31" });
  expect(ledger.records[0].record).toMatchObject({ serial: "=A-1", content: "+某文件" });
  const appeals = parseAppeals(table(["case_number", "request_serial", "kind", "filed_date", "result", "decided_date"], ["'=C-1", "'=A-1", "行政复议", "2024-03-05", "结果维持", "2024-04-01"]));
  expect(appeals.errors).toEqual([]);
  expect(appeals.records[0].record).toMatchObject({ caseNumber: "=C-1", requestSerial: "=A-1", kind: "review", result: "upheld" });
});
