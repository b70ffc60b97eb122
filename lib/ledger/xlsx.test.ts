import ExcelJS from "exceljs";
import { strToU8, Zip, ZipDeflate, zipSync } from "fflate";
import { describe, expect, test } from "vitest";
import { readImportTable } from "./read";
import { IMPORT_LIMITS, readXlsx } from "./xlsx";

/** A workbook of the given sheet XML, zipped by hand (the parts Excel needs, nothing else). */
function workbook(sheetXml: string | Uint8Array, extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    "xl/workbook.xml": strToU8(
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    "xl/worksheets/sheet1.xml": typeof sheetXml === "string" ? strToU8(sheetXml) : sheetXml,
    ...extra,
  });
}

const sheet = (rows: string) => `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>serial</t></is></c></row>';
const oneCellAt = (ref: string) => workbook(sheet(`${header}<row r="${ref.replace(/^[A-Z]+/, "")}"><c r="${ref}" t="inlineStr"><is><t>x</t></is></c></row>`));

async function refusal(bytes: Uint8Array): Promise<string> {
  const result = await readImportTable(bytes, "ledger.xlsx");
  if (!("error" in result)) throw new Error("the file was read");
  return `${result.error.zh} | ${result.error.en}`;
}

/** A sheet of `size` bytes of XML (a run of blank rows), deflated as it is made: the bomb itself stays small. */
function bomb(size: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  const add = (name: string, chunks: Iterable<Uint8Array>) => {
    const file = new ZipDeflate(name, { level: 9 });
    zip.add(file);
    let last: Uint8Array | null = null;
    for (const c of chunks) {
      if (last) file.push(last);
      last = c;
    }
    file.push(last ?? new Uint8Array(), true);
  };
  add("_rels/.rels", [strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="xl/workbook.xml"/></Relationships>')]);
  add("xl/workbook.xml", [strToU8('<workbook xmlns:r="r"><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>')]);
  add("xl/_rels/workbook.xml.rels", [strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')]);
  const block = strToU8(" ".repeat(1024 * 1024));
  add("xl/worksheets/sheet1.xml", (function* () {
    yield strToU8("<worksheet><sheetData>");
    for (let i = 0; i < size / block.length; i++) yield block;
    yield strToU8("</sheetData></worksheet>");
  })());
  zip.end();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Rewrites the uncompressed size the central directory declares for `name` (a bomb that lies). */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  const target = strToU8(name);
  for (let i = 0; i < out.length - 46; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(i + 28, true);
    const found = out.subarray(i + 46, i + 46 + nameLength);
    if (found.length === target.length && found.every((b, k) => b === target[k])) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe("the XLSX reader cannot be blown up", () => {
  test("one far cell costs nothing but its refusal: XFD2000, XFD1048576", async () => {
    expect(await refusal(oneCellAt("XFD2000"))).toMatch(/第 2000 行 XFD 列有内容：导入文件最多 200 列/);
    expect(await refusal(oneCellAt("XFD1048576"))).toMatch(/最多 200 列/);
  });

  test("a cell far down is one row, not a hundred thousand", async () => {
    const result = await readImportTable(oneCellAt("Z100000"), "ledger.xlsx");
    expect("table" in result && result.table).toEqual({ headers: ["serial"], rows: [{ row: 100000, cells: [...Array(25).fill(""), "x"] }] });
  });

  test("more row elements than the limit, numbered or not, are refused", async () => {
    const rows = header + "<row/>".repeat(IMPORT_LIMITS.rowElements);
    expect(await refusal(workbook(sheet(rows)))).toMatch(/工作表超过 1000000 行/);
  });

  test("a decompression bomb is refused by its declared size, and when it lies about it, as soon as it outgrows the lie", async () => {
    const big = bomb(IMPORT_LIMITS.sheetBytes + 8 * 1024 * 1024);
    expect(big.length).toBeLessThan(2 * 1024 * 1024);
    expect(await refusal(big)).toMatch(/工作表解压后超过 200 MB/);
    expect(await refusal(declareSize(big, "xl/worksheets/sheet1.xml", 4096))).toMatch(/工作表无法解压（文件损坏）/);
  });

  test("broken files are named in Chinese: not a zip, no workbook, malformed XML", async () => {
    expect(await refusal(strToU8("PK\u0003\u0004 not really a zip"))).toMatch(/不是有效的 XLSX 文件/);
    expect(await refusal(zipSync({ "a.txt": strToU8("x") }))).toMatch(/缺少工作簿/);
    expect(await refusal(workbook("<worksheet><sheetData><row><c><v>1</v></row></sheetData>"))).toMatch(/工作表不是有效的 XML/);
  });

  test("a 120 000-column CSV is refused", async () => {
    const csv = `${Array.from({ length: 120_000 }, (_, i) => `h${i}`).join(",")}\n1,2\n`;
    const result = await readImportTable(strToU8(csv), "ledger.csv");
    expect("error" in result && result.error.zh).toMatch(/第 1 行第 120000 列有内容：导入文件最多 200 列/);
  });
});

describe("what a workbook holds is read as Excel shows it", () => {
  test("shared and rich strings, numbers, date cells of either date system, booleans, formulas' results", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("台账");
    ws.addRow(["编号", "收到日期", "延期工作日", "申请人"]);
    ws.addRow(["2025-0001", new Date(Date.UTC(2025, 5, 3)), 10, { richText: [{ text: "张" }, { text: "三", font: { bold: true } }] }]);
    ws.addRow(["2025-0002", new Date(Date.UTC(2024, 1, 29)), { formula: "1+2", result: 3 }, true]);
    ws.getColumn(2).numFmt = "yyyy\"年\"m\"月\"d\"日\"";
    book.addWorksheet("填写说明").addRow(["只读第一个工作表"]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    expect(await readXlsx(bytes)).toEqual({
      headers: ["编号", "收到日期", "延期工作日", "申请人"],
      rows: [
        { row: 2, cells: ["2025-0001", "2025-06-03", "10", "张三"] },
        { row: 3, cells: ["2025-0002", "2024-02-29", "3", "TRUE"] },
      ],
    });
  });

  test("the 1904 date system and a blank row between data rows", async () => {
    const xml = sheet(`${header}<row r="2"><c r="A2" s="1"><v>0</v></c></row><row r="3"/><row r="4"><c r="A4" s="1"><v>44715</v></c></row>`);
    const styles = strToU8('<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>');
    const rels =
      '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="styles.xml"/></Relationships>';
    const bytes = workbook(xml, {
      "xl/styles.xml": styles,
      "xl/_rels/workbook.xml.rels": strToU8(rels),
      "xl/workbook.xml": strToU8('<workbook xmlns:r="r"><workbookPr date1904="1"/><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    });
    const table = await readXlsx(bytes);
    expect(table.rows).toEqual([
      { row: 2, cells: ["0"] },
      { row: 4, cells: ["2026-06-04"] },
    ]);
  });
});
