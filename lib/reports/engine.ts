import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "../../db";
import { proactiveFigures, reportBaselines } from "../../db/schema";
import { getAgencyByCode, subtreeIds } from "../agencies/queries";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { canReadAgency, canReadSubtree, canWriteAgency } from "../auth/scope";
import { AppError } from "../errors";
import { runChecks } from "./checks";
import { type Period, yearPeriod } from "./engine-period";
import { type AppealGroup, type AppealKind, appealGroupOf } from "../appeals/codes";
import { APPEAL_COLUMNS, APPEAL_GROUP_CODES, APPLICATION_COLUMNS, APPLICATION_ROW_CODES } from "./layout";
import { isZero, sumDecimals } from "../decimal";
import { EMPTY_PROACTIVE, type Proactive, proactiveSchema } from "./proactive";
import type { Report } from "./types";

/**
 * The statistical tables computed from the records by SQL aggregation (domain.md A1, A2, A5).
 * For a period [from, to]: new = received in it; outcome rows = concluded in it; carried_in =
 * received before it and open at its start; carried_out = received by its end and open after it.
 */

export { type Period, yearPeriod };

function inList(ids: string[]) {
  return sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
}

export function computeApplications(agencyIds: string[], { from, to }: Period): Report["applications"] {
  const rows = Object.fromEntries(APPLICATION_ROW_CODES.map((code) => [code, APPLICATION_COLUMNS.map(() => 0)])) as Record<string, number[]>;
  const live = sql`agency_id IN (${inList(agencyIds)}) AND voided_at IS NULL`;
  // Each branch reads one range of a covering index: open requests (concluded_date IS NULL)
  // apart from those concluded after a date, so no branch scans the years before the period.
  // The unary `+` keeps the planner off the received-date index where a concluded-date range
  // is the narrow one; a row concluded without an outcome (never written by this system) would
  // fall in no outcome row, and the outcome-sum check would show it.
  const result = getDb().all<{ row: string; col: string; n: number }>(sql`
    SELECT 'new' AS row, applicant_type AS col, count(*) AS n FROM requests
      WHERE ${live} AND received_date BETWEEN ${from} AND ${to} GROUP BY applicant_type
    UNION ALL
    SELECT outcome, applicant_type, count(*) FROM requests INDEXED BY requests_live_concluded_idx
      WHERE ${live} AND concluded_date BETWEEN ${from} AND ${to} GROUP BY outcome, applicant_type
    UNION ALL
    SELECT 'carried_in', applicant_type, count(*) FROM (
      SELECT applicant_type FROM requests WHERE ${live} AND concluded_date IS NULL AND received_date < ${from}
      UNION ALL
      SELECT applicant_type FROM requests WHERE ${live} AND concluded_date >= ${from} AND +received_date < ${from}
    ) GROUP BY applicant_type
    UNION ALL
    SELECT 'carried_out', applicant_type, count(*) FROM (
      SELECT applicant_type FROM requests WHERE ${live} AND concluded_date IS NULL AND received_date <= ${to}
      UNION ALL
      SELECT applicant_type FROM requests WHERE ${live} AND concluded_date > ${to} AND +received_date <= ${to}
    ) GROUP BY applicant_type`);
  const totalCol = APPLICATION_COLUMNS.indexOf("total");
  for (const { row, col, n } of result) {
    const c = APPLICATION_COLUMNS.indexOf(col);
    if (!rows[row] || c < 0) continue;
    rows[row][c] += n;
    rows[row][totalCol] += n;
    if (row !== "new" && row !== "carried_in" && row !== "carried_out") {
      rows.total[c] += n;
      rows.total[totalCol] += n;
    }
  }
  return { columns: [...APPLICATION_COLUMNS], rows };
}

export function computeAppeals(agencyIds: string[], { from, to }: Period): Report["appeals"] {
  const out = Object.fromEntries(APPEAL_GROUP_CODES.map((g) => [g, APPEAL_COLUMNS.map(() => 0)])) as Record<AppealGroup, number[]>;
  const totalCol = APPEAL_COLUMNS.indexOf("total");
  const live = sql`agency_id IN (${inList(agencyIds)}) AND deleted_at IS NULL`;
  const result = getDb().all<{ kind: string; after: number; result: string; n: number }>(sql`
    SELECT kind, after_review AS after, result, count(*) AS n FROM appeals
      WHERE ${live} AND result != 'pending' AND decided_date BETWEEN ${from} AND ${to} GROUP BY kind, after_review, result
    UNION ALL
    SELECT kind, after_review, 'pending', count(*) FROM appeals
      WHERE ${live} AND filed_date <= ${to} AND (decided_date IS NULL OR decided_date > ${to}) GROUP BY kind, after_review`);
  for (const { kind, after, result: column, n } of result) {
    const group = out[appealGroupOf(kind as AppealKind, Boolean(after))];
    const c = APPEAL_COLUMNS.indexOf(column);
    if (c < 0) continue;
    group[c] += n;
    group[totalCol] += n;
  }
  return { columns: [...APPEAL_COLUMNS], review: out.review, suit_direct: out.suit_direct, suit_after_review: out.suit_after_review };
}

/** Section 六 fees (A5): paid in the period, or with no payment date, concluded in it. */
export function computeFees(agencyIds: string[], { from, to }: Period): Report["fees"] {
  const live = sql`agency_id IN (${inList(agencyIds)}) AND voided_at IS NULL`;
  const rows = getDb().all<{ fee: string }>(sql`
    SELECT fee_yuan AS fee FROM requests WHERE ${live} AND fee_yuan IS NOT NULL AND (
      (fee_paid_date BETWEEN ${from} AND ${to}) OR (fee_paid_date IS NULL AND concluded_date BETWEEN ${from} AND ${to}))`);
  const charged = rows.map((r) => r.fee).filter((fee) => !isZero(fee));
  return { applications: charged.length, amount_yuan: sumDecimals(charged) };
}

/** The section 二 figures entered for each agency and year, summed over the agencies. */
export function sumProactive(agencyIds: string[], year: number): Proactive {
  const stored = getDb()
    .select({ data: proactiveFigures.data })
    .from(proactiveFigures)
    .where(and(sql`${proactiveFigures.agencyId} IN (${inList(agencyIds)})`, eq(proactiveFigures.year, year)))
    .all()
    .map((r) => proactiveSchema.parse(JSON.parse(r.data)));
  if (stored.length === 0) return structuredClone(EMPTY_PROACTIVE);
  const sum = structuredClone(EMPTY_PROACTIVE);
  for (const p of stored) {
    for (const key of ["rules", "normative_documents"] as const) {
      sum[key].issued += p[key].issued;
      sum[key].abolished += p[key].abolished;
      sum[key].in_force += p[key].in_force;
    }
    for (const key of ["licensing", "penalty", "enforcement"] as const) sum[key].decisions += p[key].decisions;
  }
  sum.admin_fees.amount_10k_yuan = sumDecimals(stored.map((p) => p.admin_fees.amount_10k_yuan));
  return sum;
}

function baselineOf(agencyIds: string[], year: number): Report["applications"] | undefined {
  const rows = getDb()
    .select({ data: reportBaselines.data })
    .from(reportBaselines)
    .where(and(sql`${reportBaselines.agencyId} IN (${inList(agencyIds)})`, eq(reportBaselines.year, year)))
    .all();
  if (rows.length === 0) return undefined;
  const sum = Object.fromEntries(APPLICATION_ROW_CODES.map((code) => [code, APPLICATION_COLUMNS.map(() => 0)])) as Record<string, number[]>;
  for (const r of rows) {
    const data = JSON.parse(r.data) as { applications?: { rows?: Record<string, number[]> } };
    for (const code of APPLICATION_ROW_CODES) (data.applications?.rows?.[code] ?? []).forEach((v, i) => (sum[code][i] += Number(v) || 0));
  }
  return { columns: [...APPLICATION_COLUMNS], rows: sum };
}

/**
 * The agencies a report covers, after checking the actor may read them: the agency itself (any
 * signed-in user reads its own agency's report, interfaces.md), and with `includeChildren`
 * every agency below it — only for an actor whose read scope holds them all (a clerk gets no
 * aggregate of its department's children).
 */
export function reportScope(actor: Actor, agencyCode: string, includeChildren: boolean) {
  assertCan(actor, "reports.read", "无权查看年度报告");
  const agency = getAgencyByCode(agencyCode);
  if (!agency) throw new AppError("NOT_FOUND", `机构代码 ${agencyCode} 不存在`, "agency", `agency ${agencyCode} not found`);
  if (agency.id !== actor.agencyId && !canReadAgency(actor, agency.id)) throw new AppError("NOT_FOUND", "机构不存在或无权查看", "agency", `agency ${agencyCode} not readable`);
  if (includeChildren && !canReadSubtree(actor, agency.id)) {
    throw new AppError("FORBIDDEN", "无权查看下级机关的汇总数据", "children", "the agencies below are not in your scope");
  }
  const ids = includeChildren ? subtreeIds(agency.id) : [agency.id];
  return { agency, ids };
}

/** Whether the report page offers the agency's sum with the agencies below it (it has some, and the actor reads them all). */
export function mayIncludeChildren(actor: Actor, agencyCode: string): boolean {
  const agency = getAgencyByCode(agencyCode);
  return agency !== undefined && subtreeIds(agency.id).length > 1 && canReadSubtree(actor, agency.id);
}

/** The same, for a change to the agency's report data (figures, baseline, narrative, finalize): its own agency only. */
export function writableReportAgency(actor: Actor, agencyCode: string) {
  const agency = getAgencyByCode(agencyCode);
  if (!agency || !canWriteAgency(actor, agency.id)) throw new AppError("NOT_FOUND", `机构代码 ${agencyCode} 不存在或无权操作`, "agency", `agency ${agencyCode} not found or not yours`);
  return agency;
}

export function computeReport(actor: Actor, input: { agencyCode: string; year: number; includeChildren?: boolean; period?: Period }): Report {
  const includeChildren = Boolean(input.includeChildren);
  const { agency, ids } = reportScope(actor, input.agencyCode, includeChildren);
  const period = input.period ?? yearPeriod(input.year);
  const applications = computeApplications(ids, period);
  const appeals = computeAppeals(ids, period);
  const fees = computeFees(ids, period);
  const proactive = sumProactive(ids, input.year);
  const isYear = period.from === `${input.year}-01-01` && period.to === `${input.year}-12-31`;

  let previous: Parameters<typeof runChecks>[1] = null;
  if (isYear) {
    const baseline = baselineOf(ids, input.year - 1);
    const lastProactive = getDb()
      .select({ n: sql<number>`count(*)` })
      .from(proactiveFigures)
      .where(and(sql`${proactiveFigures.agencyId} IN (${inList(ids)})`, eq(proactiveFigures.year, input.year - 1)))
      .get()?.n
      ? sumProactive(ids, input.year - 1)
      : undefined;
    if (baseline) previous = { applications: baseline, proactive: lastProactive, source: "baseline" };
    else previous = { applications: computeApplications(ids, yearPeriod(input.year - 1)), proactive: lastProactive, source: "computed" };
  }
  const checks = runChecks({ applications, appeals, proactive }, previous);
  return { agency: { code: agency.code, name: agency.name }, year: input.year, period, includeChildren, proactive, applications, appeals, fees, checks };
}
