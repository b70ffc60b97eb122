import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from "docx";
import { type Grid, reportGrids } from "./grid";
import type { Narrative } from "./narrative";
import type { Report } from "./types";

/**
 * The whole report as an official document (GB/T 9704-2012): A4, margins 37 mm top, 28 mm
 * left; title in 方正小标宋简体 二号 (22 pt), body in 仿宋_GB2312 三号 (16 pt), headings in 黑体;
 * tables in 仿宋 五号. Chinese font names are set for the East Asian range so Word and WPS
 * render them as intended.
 */
const MM = 56.7; // twips per millimetre
const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
const BODY = font("仿宋_GB2312");
const TITLE = font("方正小标宋简体");
const HEADING = font("黑体");

const body = (text: string) => new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560, lineRule: "exact" }, children: [new TextRun({ text, font: BODY, size: 32 })] });
const heading = (text: string) => new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560, lineRule: "exact" }, children: [new TextRun({ text, font: HEADING, size: 32 })] });

function cell(text: string | number, options: { columnSpan?: number; rowSpan?: number; bold?: boolean } = {}) {
  return new TableCell({
    columnSpan: options.columnSpan,
    rowSpan: options.rowSpan,
    verticalAlign: VerticalAlign.CENTER,
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: String(text), font: BODY, size: 21, bold: options.bold })] })],
  });
}

/** The text width between the margins (210 − 28 − 26 mm), shared out in fixed column widths. */
const TEXT_WIDTH = Math.round(156 * MM);
const table = (rows: TableRow[], columnWidths: number[]) => {
  const scale = TEXT_WIDTH / columnWidths.reduce((a, b) => a + b, 0);
  const widths = columnWidths.map((w) => Math.floor(w * scale));
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows });
};

/** One statutory table from the model (lib/reports/grid.ts): merged cells as published, fixed column widths. */
function gridTable(grid: Grid): Table {
  const full = grid.widths.length;
  const rows = grid.rows.map(
    (row) => new TableRow({ children: row.cells.map((c) => cell(c.text, { columnSpan: c.colSpan > 1 ? c.colSpan : undefined, rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined, bold: c.role === "header" && c.colSpan === full })) }),
  );
  return table(rows, grid.widths);
}

const lines = (text: string) =>
  text
    .split(/\n+/)
    .filter((l) => l.trim())
    .map(body);

export async function reportDocx(report: Report, narrative: Narrative): Promise<Buffer> {
  const title = `${report.agency.name}${report.year}年政府信息公开工作年度报告`;
  const document = new Document({
    creator: "Gongkai",
    title,
    styles: { default: { document: { run: { font: BODY, size: 32 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) },
          },
        },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [new TextRun({ text: title, font: TITLE, size: 44 })] }),
          body(`本报告所列数据的统计期限自${report.period.from.slice(0, 4)}年1月1日起至${report.period.to.slice(0, 4)}年12月31日止。`),
          heading("一、总体情况"),
          ...lines(narrative.overview),
          ...reportGrids(report).flatMap((grid) => [heading(grid.title), gridTable(grid)]),
          heading("五、存在的主要问题及改进情况"),
          ...lines(narrative.problems),
          heading("六、其他需要报告的事项"),
          ...lines(narrative.other),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
