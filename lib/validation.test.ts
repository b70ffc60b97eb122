import { describe, expect, test } from "vitest";
import { auditQuerySchema } from "./audit/schemas";
import { appealFilterSchema } from "./appeals/schemas";
import { uploadFileName } from "./ledger/file-name";
import { reportQuerySchema } from "./reports/schemas";
import { listFilterSchema } from "./requests/schemas";
import { firstValues, MAX_PAGE, pageNumberSchema, queryText, stripControlCharacters, yearSchema } from "./validation";

/** Issue 13, item 5: what crafted query strings and file names become (never an exception). */

describe("page numbers are clamped, never an error", () => {
  test.each([
    ["1e308", MAX_PAGE],
    ["1e5", MAX_PAGE],
    ["99999999999999999999", MAX_PAGE],
    ["Infinity", 1],
    ["-5", 1],
    ["0", 1],
    ["2.7", 2],
    ["abc", 1],
    ["", 1],
    [undefined, 1],
    ["3", 3],
  ])("%j → %i", (raw, page) => {
    expect(pageNumberSchema.parse(raw)).toBe(page);
    expect(auditQuerySchema.parse({ page: raw }).page).toBe(page);
    expect(listFilterSchema.parse({ page: raw }).page).toBe(page);
  });
});

describe("query-string text: control characters dropped, bounded, blank is absent", () => {
  test.each([
    ["\u0000abc", "abc"],
    ["a\u0000b", "ab"],
    ["abc\u0000", "abc"],
    ["\u0000", undefined],
    ["\r\n\t 申请人 \u007f\u0085", "申请人"],
    ["x".repeat(500), "x".repeat(100)],
    [undefined, undefined],
  ])("q=%j → %j", (raw, q) => {
    expect(listFilterSchema.parse({ q: raw }).q).toBe(q);
  });

  test("every text filter of /requests and /appeals goes through it", () => {
    const crafted = "\u0000x\n";
    expect(listFilterSchema.parse({ handler: crafted, agency: crafted })).toMatchObject({ handler: "x", agency: "x" });
    expect(appealFilterSchema.parse({ kind: crafted, from: crafted, agency: crafted, group: crafted })).toMatchObject({ kind: "x", from: "x", agency: "x", group: "x" });
    expect(reportQuerySchema.parse({ children: "1\u0000", period: "Q1\n" })).toEqual({ children: true, period: "Q1" });
    expect(queryText(3).parse(42)).toBeUndefined();
  });

  test("firstValues keeps the first of repeated parameters", () => {
    expect(firstValues({ a: ["1", "2"], b: "3", c: undefined })).toEqual({ a: "1", b: "3", c: undefined });
  });

  test("stripControlCharacters keeps everything printable", () => {
    expect(stripControlCharacters("编号 A-1（二）\u0000\u001b[31m")).toBe("编号 A-1（二）[31m");
  });
});

describe("years: a whole number 2000–2100, as a number or four digits", () => {
  test.each([2024, "2024", 2000, 2100])("%j is accepted", (year) => {
    expect(yearSchema.parse(year)).toBe(Number(year));
  });
  test.each(["2024' OR 1=1", "2024 ", 1999, 2101, 2024.5, "1e3", Number.NaN, null, true, {}, ["2024"]])("%j is refused", (year) => {
    const result = yearSchema.safeParse(year);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("年份应为 2000 至 2100 之间的整数");
  });
});

describe("uploaded file names", () => {
  test.each([
    ["a\u0000b.csv", "ab.csv"],
    ["台账\r\n2024.xlsx", "台账2024.xlsx"],
    ["../../etc/passwd", "passwd"],
    ["C:\\Users\\clerk\\台账.csv", "台账.csv"],
    ["\u0000", "未命名文件"],
    ["", "未命名文件"],
    [undefined, "未命名文件"],
    [`${"长".repeat(300)}.xlsx`, `${"长".repeat(195)}.xlsx`],
  ])("%j → %j", (raw, name) => {
    expect(uploadFileName(raw)).toBe(name);
  });
});
