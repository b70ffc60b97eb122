import ExcelJS from "exceljs";
import { stableZip } from "../ledger/write";
import { APPEAL_COLUMN_LABELS, APPEAL_COLUMNS, APPEAL_GROUPS, APPLICATION_COLUMN_LABELS, APPLICATION_COLUMNS, APPLICATION_ROWS, PROACTIVE_BLOCKS, TITLES } from "./layout";
import type { Report } from "./types";

/** The three tables as published, one sheet each, merged headers, set up to print on A4. */

const border: Partial<ExcelJS.Borders> = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } };

function sheet(workbook: ExcelJS.Workbook, name: string, title: string, widths: number[], landscape = false) {
  const ws = workbook.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: landscape ? "landscape" : "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 } },
  });
  ws.columns = widths.map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, widths.length);
  const cell = ws.getCell(1, 1);
  cell.value = title;
  cell.font = { bold: true, size: 14, name: "宋体" };
  cell.alignment = { horizontal: "center" };
  return ws;
}

function put(ws: ExcelJS.Worksheet, row: number, col: number, value: string | number, toRow = row, toCol = col) {
  if (toRow !== row || toCol !== col) ws.mergeCells(row, col, toRow, toCol);
  const cell = ws.getCell(row, col);
  cell.value = value;
  cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  cell.font = { name: "宋体", size: 10.5 };
  for (let r = row; r <= toRow; r++) for (let c = col; c <= toCol; c++) ws.getCell(r, c).border = border;
}

export async function reportXlsx(report: Report): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Gongkai";
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;

  const p = sheet(workbook, "二 主动公开", TITLES.proactive, [26, 18, 18, 18]);
  let r = 2;
  const figures = report.proactive as unknown as Record<string, Record<string, string | number>>;
  for (const block of PROACTIVE_BLOCKS) {
    put(p, r, 1, block.heading, r, 4);
    r++;
    put(p, r, 1, TITLES.proactiveItemHeader);
    if (block.columns.length === 1) put(p, r, 2, block.columns[0].label, r, 4);
    else block.columns.forEach((c, i) => put(p, r, 2 + i, c.label));
    r++;
    for (const row of block.rows) {
      put(p, r, 1, row.label);
      if (block.columns.length === 1) {
        const v = figures[row.code][block.columns[0].code];
        put(p, r, 2, typeof v === "string" ? Number(v) : v, r, 4);
      } else block.columns.forEach((c, i) => put(p, r, 2 + i, figures[row.code][c.code]));
      r++;
    }
  }

  const a = sheet(workbook, "三 依申请公开", TITLES.applications, [14, 10, 44, 9, 9, 9, 11, 11, 9, 9]);
  put(a, 2, 1, TITLES.applicationsNote, 4, 3);
  put(a, 2, 4, TITLES.applicationsColumnHeader, 2, 10);
  put(a, 3, 4, APPLICATION_COLUMN_LABELS.natural, 4, 4);
  put(a, 3, 5, "法人或其他组织", 3, 9);
  put(a, 3, 10, APPLICATION_COLUMN_LABELS.total, 4, 10);
  APPLICATION_COLUMNS.filter((c) => c !== "natural" && c !== "total").forEach((c, i) => put(a, 4, 5 + i, APPLICATION_COLUMN_LABELS[c]));
  const outcomeRows = APPLICATION_ROWS.filter((row) => row.group);
  let ar = 5;
  APPLICATION_ROWS.forEach((row, i) => {
    if (!row.group) put(a, ar, 1, row.label, ar, 3);
    else {
      if (row === outcomeRows[0]) put(a, ar, 1, outcomeRows[0].group as string, ar + outcomeRows.length - 1, 1);
      if (row.group.startsWith("（")) {
        if (APPLICATION_ROWS[i - 1]?.group !== row.group) put(a, ar, 2, row.group, ar + APPLICATION_ROWS.filter((x) => x.group === row.group).length - 1, 2);
        put(a, ar, 3, row.label);
      } else put(a, ar, 2, row.label, ar, 3);
    }
    report.applications.rows[row.code].forEach((v, c) => put(a, ar, 4 + c, v));
    a.getCell(ar, 3).alignment = { horizontal: "left", vertical: "middle", wrapText: true };
    ar++;
  });

  const q = sheet(workbook, "四 复议诉讼", TITLES.appeals, Array.from({ length: 15 }, () => 9), true);
  put(q, 2, 1, "行政复议", 3, 5);
  put(q, 2, 6, "行政诉讼", 2, 15);
  APPEAL_GROUPS.filter((g) => g.parent).forEach((g, i) => put(q, 3, 6 + i * 5, g.label, 3, 10 + i * 5));
  APPEAL_GROUPS.forEach((g, gi) =>
    APPEAL_COLUMNS.forEach((c, ci) => {
      put(q, 4, 1 + gi * 5 + ci, APPEAL_COLUMN_LABELS[c]);
      put(q, 5, 1 + gi * 5 + ci, report.appeals[g.code][ci]);
    }),
  );
  return stableZip(Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
}
