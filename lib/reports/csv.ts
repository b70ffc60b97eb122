import { writeTableCsv } from "../ledger/write";
import { APPEAL_COLUMN_LABELS, APPEAL_COLUMNS, APPEAL_GROUPS, APPLICATION_COLUMN_LABELS, APPLICATION_COLUMNS, APPLICATION_ROWS, PROACTIVE_BLOCKS, TITLES } from "./layout";
import type { Report } from "./types";

/**
 * The report as CSV (interfaces.md): the three tables in order, each after its title line,
 * label columns first, then the numbers, no thousands separators.
 */
export function reportCsv(report: Report): Buffer {
  const lines: string[][] = [];
  lines.push([TITLES.proactive]);
  for (const block of PROACTIVE_BLOCKS) {
    lines.push([block.heading, TITLES.proactiveItemHeader, ...block.columns.map((c) => c.label)]);
    for (const row of block.rows) {
      const figures = (report.proactive as Record<string, Record<string, number | string>>)[row.code];
      lines.push([block.heading, row.label, ...block.columns.map((c) => String(figures[c.code]))]);
    }
  }
  lines.push([]);
  lines.push([TITLES.applications]);
  lines.push(["", TITLES.applicationsColumnHeader, ...APPLICATION_COLUMNS.map((c) => APPLICATION_COLUMN_LABELS[c])]);
  for (const row of APPLICATION_ROWS) lines.push([row.group ?? "", row.label, ...report.applications.rows[row.code].map(String)]);
  lines.push([]);
  lines.push([TITLES.appeals]);
  lines.push(["", "", ...APPEAL_COLUMNS.map((c) => APPEAL_COLUMN_LABELS[c])]);
  for (const group of APPEAL_GROUPS) lines.push([group.parent ?? group.label, group.parent ? group.label : "", ...report.appeals[group.code].map(String)]);
  const [header, ...rest] = lines;
  return writeTableCsv(header, rest);
}
