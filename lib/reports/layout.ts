import format from "./report-format.json";
import type { AppealGroup } from "../appeals/codes";
import type { Report } from "./types";

/** The codes and labels of the statutory tables, from report-format.json (the one table of codes). */

export const APPLICATION_COLUMNS = format.applications.columns.map((c) => c.code) as readonly string[];
export const APPLICATION_COLUMN_LABELS = Object.fromEntries(format.applications.columns.map((c) => [c.code, c.label])) as Record<string, string>;
/** The column groups of table 三 (法人或其他组织), each with its columns in order. */
export const APPLICATION_COLUMN_GROUPS = [...new Set(format.applications.columns.flatMap((c) => (c.group ? [c.group] : [])))].map((group) => ({
  label: group,
  columns: format.applications.columns.filter((c) => c.group === group).map((c) => c.code),
}));

type Row = { code?: string; label?: string; group?: string };
/** Every row code of table 三 in the order of the format: new, carried_in, the 21 outcomes, total, carried_out. */
export const APPLICATION_ROWS = (format.applications.rows as Row[]).filter((r) => r.code).map((r) => ({ code: r.code as string, label: r.label as string, group: r.group ?? null }));
export const APPLICATION_ROW_CODES = APPLICATION_ROWS.map((r) => r.code);

export const APPEAL_COLUMNS = format.appeals.columns.map((c) => c.code) as readonly string[];
export const APPEAL_COLUMN_LABELS = Object.fromEntries(format.appeals.columns.map((c) => [c.code, c.label])) as Record<string, string>;
export const APPEAL_GROUPS = format.appeals.groups as { code: AppealGroup; label: string; parent?: string }[];
export const APPEAL_GROUP_CODES = APPEAL_GROUPS.map((g) => g.code);
export const APPEAL_GROUP_LABELS = Object.fromEntries(APPEAL_GROUPS.map((g) => [g.code, g.label])) as Record<AppealGroup, string>;

/** Cells are read by their codes, never by position (issue 11): one place knows the order. */
export function applicationCell(applications: Report["applications"], row: string, column: string): number {
  return applications.rows[row][APPLICATION_COLUMNS.indexOf(column)];
}
export function appealCell(appeals: Report["appeals"], group: AppealGroup, column: string): number {
  return appeals[group][APPEAL_COLUMNS.indexOf(column)];
}
/** The row of numbers of a table 四 group, by column code. */
export function appealRow(appeals: Report["appeals"], group: AppealGroup): Record<string, number> {
  return Object.fromEntries(APPEAL_COLUMNS.map((c, i) => [c, appeals[group][i]]));
}

export const PROACTIVE_BLOCKS = format.proactive.blocks as { heading: string; columns: { code: string; label: string }[]; rows: { code: string; label: string }[] }[];

export const TITLES = {
  proactive: format.proactive.title,
  applications: format.applications.title,
  appeals: format.appeals.title,
  applicationsNote: format.applications.note,
  applicationsColumnHeader: format.applications.column_header,
  proactiveItemHeader: format.proactive.item_header,
};
