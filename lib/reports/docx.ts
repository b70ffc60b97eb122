import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from "docx";
import { APPEAL_COLUMN_LABELS, APPEAL_COLUMNS, APPEAL_GROUPS, APPLICATION_COLUMN_LABELS, APPLICATION_COLUMNS, APPLICATION_ROWS, PROACTIVE_BLOCKS, TITLES } from "./layout";
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

function proactiveTable(report: Report): Table {
  const figures = report.proactive as unknown as Record<string, Record<string, string | number>>;
  const rows: TableRow[] = [];
  for (const block of PROACTIVE_BLOCKS) {
    const span = block.columns.length === 1 ? 3 : 1;
    rows.push(new TableRow({ children: [cell(block.heading, { columnSpan: 4, bold: true })] }));
    rows.push(new TableRow({ children: [cell(TITLES.proactiveItemHeader), ...block.columns.map((c) => cell(c.label, { columnSpan: span }))] }));
    for (const row of block.rows) rows.push(new TableRow({ children: [cell(row.label), ...block.columns.map((c) => cell(figures[row.code][c.code], { columnSpan: span }))] }));
  }
  return table(rows, [28, 24, 24, 24]);
}

function applicationsTable(report: Report): Table {
  const others = APPLICATION_COLUMNS.filter((c) => c !== "natural" && c !== "total");
  const rows: TableRow[] = [
    new TableRow({ children: [cell(TITLES.applicationsNote, { columnSpan: 3, rowSpan: 3 }), cell(TITLES.applicationsColumnHeader, { columnSpan: 7 })] }),
    new TableRow({ children: [cell(APPLICATION_COLUMN_LABELS.natural, { rowSpan: 2 }), cell("法人或其他组织", { columnSpan: 5 }), cell(APPLICATION_COLUMN_LABELS.total, { rowSpan: 2 })] }),
    new TableRow({ children: others.map((c) => cell(APPLICATION_COLUMN_LABELS[c])) }),
  ];
  const outcomeRows = APPLICATION_ROWS.filter((r) => r.group);
  APPLICATION_ROWS.forEach((row, i) => {
    const labels: TableCell[] = [];
    if (!row.group) labels.push(cell(row.label, { columnSpan: 3 }));
    else {
      if (row === outcomeRows[0]) labels.push(cell(outcomeRows[0].group as string, { rowSpan: outcomeRows.length }));
      if (row.group.startsWith("（")) {
        if (APPLICATION_ROWS[i - 1]?.group !== row.group) labels.push(cell(row.group, { rowSpan: APPLICATION_ROWS.filter((r) => r.group === row.group).length }));
        labels.push(cell(row.label));
      } else labels.push(cell(row.label, { columnSpan: 2 }));
    }
    rows.push(new TableRow({ children: [...labels, ...report.applications.rows[row.code].map((v) => cell(v))] }));
  });
  return table(rows, [7, 8, 34, 7, 7, 7, 7, 7, 7, 7]);
}

function appealsTable(report: Report): Table {
  return table([
    new TableRow({ children: [cell("行政复议", { columnSpan: 5, rowSpan: 2 }), cell("行政诉讼", { columnSpan: 10 })] }),
    new TableRow({ children: APPEAL_GROUPS.filter((g) => g.parent).map((g) => cell(g.label, { columnSpan: 5 })) }),
    new TableRow({ children: APPEAL_GROUPS.flatMap(() => APPEAL_COLUMNS.map((c) => cell(APPEAL_COLUMN_LABELS[c]))) }),
    new TableRow({ children: APPEAL_GROUPS.flatMap((g) => report.appeals[g.code].map((v) => cell(v))) }),
  ], Array.from({ length: 15 }, () => 1));
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
          heading(TITLES.proactive),
          proactiveTable(report),
          heading(TITLES.applications),
          applicationsTable(report),
          heading(TITLES.appeals),
          appealsTable(report),
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
