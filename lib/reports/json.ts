import type { Report } from "./types";

/** The report JSON of interfaces.md, key order as there; `period` and `include_children` extend it. */
export function reportJson(report: Report) {
  return {
    agency: report.agency,
    year: report.year,
    proactive: report.proactive,
    applications: report.applications,
    appeals: report.appeals,
    fees: report.fees,
    checks: report.checks,
    period: report.period,
    include_children: report.includeChildren,
  };
}
