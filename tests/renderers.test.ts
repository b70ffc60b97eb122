import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parse } from "csv-parse/sync";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, test } from "vitest";
import { StatutoryTable } from "@/components/reports/tables";
import { createAgency } from "@/lib/agencies/mutations";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { reportCsv } from "@/lib/reports/csv";
import { reportDocx } from "@/lib/reports/docx";
import { computeReport } from "@/lib/reports/engine";
import { type CellRef, type Grid, placeCells, reportGrids } from "@/lib/reports/grid";
import { reportHtml } from "@/lib/reports/html";
import { APPEAL_GROUPS, APPLICATION_ROWS, PROACTIVE_BLOCKS } from "@/lib/reports/layout";
import format from "@/lib/reports/report-format.json";
import type { Report } from "@/lib/reports/types";
import { reportXlsx } from "@/lib/reports/xlsx";
import { freshDatabase } from "@/lib/testing/db";

/**
 * Issue 11: the statutory tables are one model (lib/reports/grid.ts) rendered five ways — the
 * page, HTML, DOCX, XLSX and CSV. Every number of the report is made distinct, each output is
 * read back in its own terms (HTML spans, Word's gridSpan/vMerge, Excel's merges, CSV's matrix)
 * and every cell — text, row, column and span — must stand where the model puts it.
 */

type Placed = { text: string; rowSpan: number; colSpan: number };
type Layout = Map<string, Placed>;
const key = (row: number, column: number) => `${row},${column}`;

let report: Report;
let grids: Grid[];

beforeAll(() => {
  freshDatabase();
  createAgency(CLI_ACTOR, { code: "r", name: "渲染测试局" });
  report = computeReport(CLI_ACTOR, { agencyCode: "r", year: 2024 });
  // Every number distinct, so a cell printed in a neighbour's place cannot go unnoticed.
  let n = 101;
  const proactive = report.proactive as unknown as Record<string, Record<string, number>>;
  for (const block of PROACTIVE_BLOCKS) for (const row of block.rows) for (const column of block.columns) proactive[row.code][column.code] = n++;
  for (const row of APPLICATION_ROWS) report.applications.rows[row.code] = report.applications.rows[row.code].map(() => n++);
  for (const group of APPEAL_GROUPS) report.appeals[group.code] = report.appeals[group.code].map(() => n++);
  grids = reportGrids(report);
});

function expected(grid: Grid): Layout {
  return new Map(placeCells(grid).map(({ row, column, cell }) => [key(row, column), { text: cell.text, rowSpan: cell.rowSpan, colSpan: cell.colSpan }]));
}

const decode = (s: string) =>
  s
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .trim();

/** The tables of an HTML text, each cell placed as a browser places it (rowspan covers the columns below). */
function htmlLayouts(html: string): Layout[] {
  return [...html.matchAll(/<table[^>]*>([\s\S]*?)<\/table>/g)].map(([, table]) => {
    const layout: Layout = new Map();
    const taken = new Set<string>();
    [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].forEach(([, tr], r) => {
      let c = 0;
      for (const [, , attrs, inner] of tr.matchAll(/<(th|td)([^>]*)>([\s\S]*?)<\/\1>/g)) {
        const colSpan = Number(/colspan="(\d+)"/i.exec(attrs)?.[1] ?? 1);
        const rowSpan = Number(/rowspan="(\d+)"/i.exec(attrs)?.[1] ?? 1);
        while (taken.has(key(r, c))) c++;
        layout.set(key(r, c), { text: decode(inner), rowSpan, colSpan });
        for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) taken.add(key(r + dr, c + dc));
        c += colSpan;
      }
    });
    return layout;
  });
}

/** The tables of a DOCX as Word lays them out: gridSpan widens a cell, vMerge continues the one above. */
async function docxLayouts(bytes: Buffer): Promise<Layout[]> {
  const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, table]) => {
    const layout: Layout = new Map();
    const startAt = new Map<number, string>(); // column → key of the cell a vMerge continues
    [...table.matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].forEach(([, tr], r) => {
      let c = 0;
      for (const [, tc] of tr.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)) {
        const colSpan = Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(tc)?.[1] ?? 1);
        const merge = /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(tc);
        if (merge && merge[1] !== "restart") {
          const above = layout.get(startAt.get(c) as string);
          if (!above) throw new Error(`vMerge continues nothing at row ${r}, column ${c}`);
          above.rowSpan++;
        } else {
          const text = [...tc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
          layout.set(key(r, c), { text: decode(text), rowSpan: 1, colSpan });
          startAt.set(c, key(r, c));
        }
        c += colSpan;
      }
    });
    return layout;
  });
}

/** Each sheet's table (below its title row) as Excel holds it: a value at its address, merges as spans. */
async function xlsxLayouts(bytes: Buffer): Promise<Layout[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook.worksheets.map((ws) => {
    const layout: Layout = new Map();
    const spans = new Map<string, { rowSpan: number; colSpan: number }>();
    for (const range of ws.model.merges) {
      const [from, to] = range.split(":").map((a) => ws.getCell(a));
      spans.set(from.address, { rowSpan: Number(to.row) - Number(from.row) + 1, colSpan: Number(to.col) - Number(from.col) + 1 });
    }
    ws.eachRow((row, r) => {
      if (r === 1) return; // the title row
      row.eachCell((cell, c) => {
        if (cell.isMerged && cell.master.address !== cell.address) return;
        layout.set(key(r - 2, c - 1), { text: String(cell.value), ...(spans.get(cell.address) ?? { rowSpan: 1, colSpan: 1 }) });
      });
    });
    return layout;
  });
}

function agree(name: string, got: Layout, grid: Grid) {
  const want = expected(grid);
  for (const [at, cell] of want) expect(got.get(at), `${name} ${grid.table} cell ${at} (${cell.text})`).toEqual(cell);
  expect([...got.keys()].filter((at) => !want.has(at)), `${name} ${grid.table}: cells the model does not have`).toEqual([]);
}

describe("the statutory tables: one model, five renderings that agree cell for cell", () => {
  test("the model holds every label of report-format.json and every number of the report, each once, where it belongs", () => {
    const texts = grids.flatMap((g) => g.rows.flatMap((r) => r.cells.filter((c) => c.role !== "value").map((c) => c.text)));
    const labels = [
      format.proactive.title,
      format.proactive.item_header,
      ...format.proactive.blocks.flatMap((b) => [b.heading, ...b.columns.map((c) => c.label), ...b.rows.map((r) => r.label)]),
      format.applications.title,
      format.applications.note,
      format.applications.column_header,
      ...format.applications.columns.flatMap((c) => [c.label, ...(c.group ? [c.group] : [])]),
      ...format.applications.rows.flatMap((r) => [("label" in r ? r.label : undefined) as string | undefined, r.group]).filter((t): t is string => !!t),
      format.appeals.title,
      ...format.appeals.columns.map((c) => c.label),
      ...format.appeals.groups.flatMap((g) => [g.label, ...("parent" in g && g.parent ? [g.parent] : [])]),
    ];
    for (const label of labels) expect([...texts, ...grids.map((g) => g.title)], label).toContain(label);

    const values = grids.flatMap((g) => g.rows.flatMap((r) => r.cells.filter((c) => c.role === "value")));
    const numbers = [
      ...PROACTIVE_BLOCKS.flatMap((b) => b.rows.flatMap((r) => b.columns.map((c) => (report.proactive as unknown as Record<string, Record<string, number>>)[r.code][c.code]))),
      ...Object.values(report.applications.rows).flat(),
      ...APPEAL_GROUPS.flatMap((g) => report.appeals[g.code]),
    ];
    expect(values.map((v) => Number(v.text)).sort((a, b) => a - b)).toEqual([...numbers].sort((a, b) => a - b));
    const at = (ref: CellRef) => {
      if (ref.table === "proactive") return (report.proactive as unknown as Record<string, Record<string, number>>)[ref.row][ref.column];
      if (ref.table === "applications") return report.applications.rows[ref.row][report.applications.columns.indexOf(ref.column)];
      return report.appeals[ref.row as "review"][report.appeals.columns.indexOf(ref.column)];
    };
    for (const v of values) expect(Number(v.text), JSON.stringify(v.ref)).toBe(at(v.ref as CellRef));
    // The outcome column 三、本年度办理结果 is one cell spanning every outcome row and the total.
    const applications = grids[1];
    const outcomes = placeCells(applications).find((p) => p.cell.text === "三、本年度办理结果");
    expect(outcomes?.cell.rowSpan).toBe(APPLICATION_ROWS.filter((r) => r.group).length);
  });

  test("the web page (StatutoryTable)", () => {
    const html = grids.map((grid) => renderToStaticMarkup(createElement(StatutoryTable, { grid, cellHref: (ref) => `/x?row=${ref.row}` }))).join("");
    const layouts = htmlLayouts(html);
    expect(layouts).toHaveLength(3);
    grids.forEach((grid, i) => agree("page", layouts[i], grid));
  });

  test("the HTML document", () => {
    const layouts = htmlLayouts(reportHtml(report));
    expect(layouts).toHaveLength(3);
    grids.forEach((grid, i) => agree("html", layouts[i], grid));
  });

  test("the DOCX document", async () => {
    const layouts = await docxLayouts(await reportDocx(report, { overview: "概述", problems: "问题", other: "其他" }));
    expect(layouts).toHaveLength(3);
    grids.forEach((grid, i) => agree("docx", layouts[i], grid));
  });

  test("the XLSX workbook", async () => {
    const layouts = await xlsxLayouts(await reportXlsx(report));
    expect(layouts).toHaveLength(3);
    grids.forEach((grid, i) => agree("xlsx", layouts[i], grid));
  });

  test("the CSV: each table after its title; a merged cell's text down its rows, a heading in its first column, a row's label in its last", () => {
    const lines = parse(reportCsv(report), { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
    const titles = grids.map((g) => lines.findIndex((l) => l[0] === g.title && l.length === 1));
    expect(titles.every((t) => t >= 0)).toBe(true);
    grids.forEach((grid, i) => {
      const rows = lines.slice(titles[i] + 1, titles[i] + 1 + grid.rows.length);
      for (const { row: r, column, cell } of placeCells(grid)) {
        const c = cell.role === "label" ? column + cell.colSpan - 1 : column;
        for (let dr = 0; dr < cell.rowSpan; dr++) expect(rows[r + dr][c], `csv ${grid.table} ${r + dr},${c}`).toBe(cell.text);
        for (let dc = column; dc < column + cell.colSpan; dc++) if (dc !== c) expect(rows[r][dc], `csv ${grid.table} ${r},${dc} lies under a span`).toBe("");
      }
      expect(rows.every((row) => row.length === grid.widths.length)).toBe(true);
    });
  });
});
