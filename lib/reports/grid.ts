import { APPEAL_COLUMN_LABELS, APPEAL_COLUMNS, APPEAL_GROUPS, APPLICATION_COLUMN_GROUPS, APPLICATION_COLUMN_LABELS, APPLICATION_COLUMNS, APPLICATION_ROWS, PROACTIVE_BLOCKS, TITLES } from "./layout";
import type { Report } from "./types";

/**
 * The one model of the statutory tables (issue 11): each table as the national layout prints it
 * — rows of cells with their spans, headers, labels and values — built once from
 * report-format.json and the report. The page, the HTML, the DOCX, the XLSX and the CSV render
 * this model and nothing else, so they cannot disagree on a label or a cell's place.
 */
export type CellRef = { table: "proactive" | "applications" | "appeals"; row: string; column: string };
export type GridCell = {
  text: string;
  colSpan: number;
  rowSpan: number;
  /** header: column headings; label: row headings; value: a number of the report (with `ref`). */
  role: "header" | "label" | "value";
  ref?: CellRef;
};
/** A row lists the cells that begin in it (as HTML does); `code` names the report row it shows. */
export type GridRow = { code?: string; cells: GridCell[] };
export type Grid = {
  table: CellRef["table"];
  title: string;
  /** Relative column widths, as the documents print them. */
  widths: number[];
  /** How many of the first rows are column headings. */
  headerRows: number;
  rows: GridRow[];
};

const header = (text: string, colSpan = 1, rowSpan = 1): GridCell => ({ text, colSpan, rowSpan, role: "header" });
const label = (text: string, colSpan = 1, rowSpan = 1): GridCell => ({ text, colSpan, rowSpan, role: "label" });
const value = (v: number | string, ref: CellRef, colSpan = 1): GridCell => ({ text: String(v), colSpan, rowSpan: 1, role: "value", ref });

function proactiveGrid(report: Report): Grid {
  const figures = report.proactive as unknown as Record<string, Record<string, string | number>>;
  const rows: GridRow[] = [];
  for (const block of PROACTIVE_BLOCKS) {
    // A block with one figure spreads it over the three number columns.
    const span = block.columns.length === 1 ? 3 : 1;
    rows.push({ cells: [header(block.heading, 4)] });
    rows.push({ cells: [header(TITLES.proactiveItemHeader), ...block.columns.map((c) => header(c.label, span))] });
    for (const row of block.rows) {
      rows.push({ code: row.code, cells: [label(row.label), ...block.columns.map((c) => value(figures[row.code][c.code], { table: "proactive", row: row.code, column: c.code }, span))] });
    }
  }
  return { table: "proactive", title: TITLES.proactive, widths: [28, 24, 24, 24], headerRows: 0, rows };
}

function applicationsGrid(report: Report): Grid {
  // A column in a group (法人或其他组织) sits under the group's heading; one outside spans both heading rows.
  const second: GridCell[] = [];
  const third: GridCell[] = [];
  for (const code of APPLICATION_COLUMNS) {
    const group = APPLICATION_COLUMN_GROUPS.find((g) => g.columns.includes(code));
    if (!group) second.push(header(APPLICATION_COLUMN_LABELS[code], 1, 2));
    else {
      if (group.columns[0] === code) second.push(header(group.label, group.columns.length));
      third.push(header(APPLICATION_COLUMN_LABELS[code]));
    }
  }
  const rows: GridRow[] = [{ cells: [header(TITLES.applicationsNote, 3, 3), header(TITLES.applicationsColumnHeader, APPLICATION_COLUMNS.length)] }, { cells: second }, { cells: third }];
  const outcomeRows = APPLICATION_ROWS.filter((r) => r.group);
  APPLICATION_ROWS.forEach((row, i) => {
    const cells: GridCell[] = [];
    if (!row.group) cells.push(label(row.label, 3));
    else {
      // 三、本年度办理结果 spans every outcome row and the total; （三）…（六） span their own rows.
      if (row === outcomeRows[0]) cells.push(label(outcomeRows[0].group as string, 1, outcomeRows.length));
      if (row.group.startsWith("（")) {
        if (APPLICATION_ROWS[i - 1]?.group !== row.group) cells.push(label(row.group, 1, APPLICATION_ROWS.filter((r) => r.group === row.group).length));
        cells.push(label(row.label));
      } else cells.push(label(row.label, 2));
    }
    const values = report.applications.rows[row.code];
    cells.push(...APPLICATION_COLUMNS.map((column, c) => value(values[c], { table: "applications", row: row.code, column })));
    rows.push({ code: row.code, cells });
  });
  return { table: "applications", title: TITLES.applications, widths: [7, 8, 34, 7, 7, 7, 7, 7, 7, 7], headerRows: 3, rows };
}

function appealsGrid(report: Report): Grid {
  const width = APPEAL_COLUMNS.length;
  const top = APPEAL_GROUPS.filter((g) => !g.parent);
  const parents = [...new Set(APPEAL_GROUPS.flatMap((g) => (g.parent ? [g.parent] : [])))];
  const rows: GridRow[] = [
    {
      cells: [
        ...top.map((g) => header(g.label, width, 2)),
        ...parents.map((p) => header(p, width * APPEAL_GROUPS.filter((g) => g.parent === p).length)),
      ],
    },
    { cells: APPEAL_GROUPS.filter((g) => g.parent).map((g) => header(g.label, width)) },
    { cells: APPEAL_GROUPS.flatMap(() => APPEAL_COLUMNS.map((c) => header(APPEAL_COLUMN_LABELS[c]))) },
    { cells: APPEAL_GROUPS.flatMap((g) => APPEAL_COLUMNS.map((column, c) => value(report.appeals[g.code][c], { table: "appeals", row: g.code, column }))) },
  ];
  return { table: "appeals", title: TITLES.appeals, widths: Array.from({ length: width * APPEAL_GROUPS.length }, () => 1), headerRows: 3, rows };
}

/** The three tables of sections 二, 三 and 四, in their order. */
export function reportGrids(report: Report): Grid[] {
  return [proactiveGrid(report), applicationsGrid(report), appealsGrid(report)];
}

export function reportGrid(report: Report, table: CellRef["table"]): Grid {
  return reportGrids(report).find((g) => g.table === table) as Grid;
}

/**
 * Every cell at its place: row and column from the top left, spans resolved the way HTML
 * resolves them (a cell takes the first column not yet covered by a cell spanning from above).
 */
export type Placed = { row: number; column: number; cell: GridCell };
export function placeCells(grid: Grid): Placed[] {
  const taken = new Set<string>();
  const out: Placed[] = [];
  grid.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (taken.has(`${r},${c}`)) c++;
      out.push({ row: r, column: c, cell });
      for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) taken.add(`${r + dr},${c + dc}`);
      c += cell.colSpan;
    }
  });
  return out;
}

/**
 * The grid as a full matrix of texts, the CSV form: a spanned cell's text is repeated down the
 * rows it spans; a heading stands in the first column it spans, a row's label in the last (beside
 * its numbers, so `一、本年新收…,28,…` reads as one line of the table).
 */
export function gridMatrix(grid: Grid): string[][] {
  const matrix = grid.rows.map(() => Array.from({ length: grid.widths.length }, () => ""));
  for (const { row, column, cell } of placeCells(grid)) {
    const at = cell.role === "label" ? column + cell.colSpan - 1 : column;
    for (let dr = 0; dr < cell.rowSpan; dr++) matrix[row + dr][at] = cell.text;
  }
  return matrix;
}
