import { writeTableCsv } from "../ledger/write";
import { gridMatrix, reportGrids } from "./grid";
import type { Report } from "./types";

/**
 * The report as CSV (interfaces.md): the three tables in order, each after its title line, as
 * the one model lays them out (lib/reports/grid.ts) — every heading and label, the label
 * columns first, then the numbers, no thousands separators; merged cells as `gridMatrix` flattens them.
 */
export function reportCsv(report: Report): Buffer {
  const lines: string[][] = [];
  reportGrids(report).forEach((grid, i) => {
    if (i > 0) lines.push([]);
    lines.push([grid.title]);
    lines.push(...gridMatrix(grid));
  });
  const [header, ...rest] = lines;
  return writeTableCsv(header, rest);
}
