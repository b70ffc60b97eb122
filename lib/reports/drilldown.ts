import { addDays } from "../dates";
import type { Period } from "./engine-period";

/**
 * The register filter that lists exactly the requests a cell of table 三 counts (issue 5
 * drill-down), by the same rules as the engine: new = received in the period; an outcome row =
 * concluded in it with that outcome; total = concluded in it; carried_in = received before it
 * and open at its start; carried_out = received by its end and open after it.
 */
export function applicationCellFilter(row: string, column: string, period: Period, agencyCode?: string): Record<string, string> {
  const filter: Record<string, string> = {};
  if (agencyCode) filter.agency = agencyCode;
  if (column !== "total") filter.type = column;
  const dayBefore = addDays(period.from, -1);
  if (row === "new") Object.assign(filter, { from: period.from, to: period.to });
  else if (row === "carried_in") Object.assign(filter, { to: dayBefore, openAfter: dayBefore });
  else if (row === "carried_out") Object.assign(filter, { to: period.to, openAfter: period.to });
  else if (row === "total") Object.assign(filter, { cfrom: period.from, cto: period.to });
  else Object.assign(filter, { cfrom: period.from, cto: period.to, outcome: row });
  return filter;
}

export function applicationCellHref(row: string, column: string, period: Period, agencyCode?: string): string {
  return `/requests?${new URLSearchParams(applicationCellFilter(row, column, period, agencyCode)).toString()}`;
}

/** The appeals filter for a cell of table 四: decided in the period under a result, or pending at its end. */
export function appealCellFilter(group: string, column: string, period: Period, agencyCode?: string): Record<string, string> {
  const filter: Record<string, string> = { group };
  if (agencyCode) filter.agency = agencyCode;
  if (column === "pending") filter.pendingAt = period.to;
  else if (column === "total") Object.assign(filter, { counted: "1", from: period.from, to: period.to });
  else Object.assign(filter, { result: column, from: period.from, to: period.to });
  return filter;
}

export function appealCellHref(group: string, column: string, period: Period, agencyCode?: string): string | null {
  return `/appeals?${new URLSearchParams(appealCellFilter(group, column, period, agencyCode)).toString()}`;
}
