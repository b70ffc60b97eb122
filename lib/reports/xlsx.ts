import ExcelJS from "exceljs";
import { stableZip } from "../ledger/write";
import { type Grid, placeCells, reportGrids } from "./grid";
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

/** Each table's sheet: its name and the width, in characters, its columns share. */
const SHEETS: Record<Grid["table"], { name: string; chars: number; landscape: boolean }> = {
  proactive: { name: "二 主动公开", chars: 80, landscape: false },
  applications: { name: "三 依申请公开", chars: 134, landscape: false },
  appeals: { name: "四 复议诉讼", chars: 135, landscape: true },
};

/** One statutory table from the model (lib/reports/grid.ts) on its own sheet, below the title row. */
function gridSheet(workbook: ExcelJS.Workbook, grid: Grid) {
  const { name, chars, landscape } = SHEETS[grid.table];
  const total = grid.widths.reduce((a, b) => a + b, 0);
  const ws = sheet(workbook, name, grid.title, grid.widths.map((w) => Math.round((w / total) * chars * 10) / 10), landscape);
  for (const { row, column, cell } of placeCells(grid)) {
    const r = 2 + row;
    const c = 1 + column;
    put(ws, r, c, cell.role === "value" ? Number(cell.text) : cell.text, r + cell.rowSpan - 1, c + cell.colSpan - 1);
    if (cell.role === "label" && cell.rowSpan === 1) ws.getCell(r, c).alignment = { horizontal: "left", vertical: "middle", wrapText: true };
  }
}

export async function reportXlsx(report: Report): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Gongkai";
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  for (const grid of reportGrids(report)) gridSheet(workbook, grid);
  return stableZip(Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
}
