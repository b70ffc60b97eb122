import "server-only";
import { and, eq } from "drizzle-orm";
import { writeTx } from "../../db";
import { proactiveFigures, reportBaselines } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { recordAudit } from "../audit/record";
import { AppError } from "../errors";
import { nowIso } from "../time";
import { writableReportAgency } from "./engine";
import { APPLICATION_COLUMNS, APPLICATION_ROW_CODES } from "./layout";
import type { Proactive } from "./proactive";

function editableAgency(actor: Actor, agencyCode: string) {
  assertCan(actor, "reports.edit", "无权修改年度报告数据");
  return writableReportAgency(actor, agencyCode);
}

/** Stores the section 二 figures of an agency and year (replacing what was there). */
export function setProactive(actor: Actor, agencyCode: string, year: number, figures: Proactive): void {
  const agency = editableAgency(actor, agencyCode);
  writeTx((tx) => {
    const where = and(eq(proactiveFigures.agencyId, agency.id), eq(proactiveFigures.year, year));
    const before = tx.select().from(proactiveFigures).where(where).get();
    const data = JSON.stringify(figures);
    if (before?.data === data) return;
    const row = { agencyId: agency.id, year, data, updatedAt: nowIso(), updatedBy: actor.id };
    if (before) tx.update(proactiveFigures).set(row).where(where).run();
    else tx.insert(proactiveFigures).values(row).run();
    recordAudit(tx, actor, {
      action: "report.proactive",
      objectType: "report",
      objectId: `${agency.code}/${year}`,
      agencyId: agency.id,
      before: before ? JSON.parse(before.data) : null,
      after: figures,
    });
  });
}

export type BaselineInput = { applications: { rows: Record<string, unknown[]> } };

/** The published tables of the year before the records begin (report JSON shape; `applications` is what is used). */
export function setBaseline(actor: Actor, agencyCode: string, year: number, input: unknown): void {
  const agency = editableAgency(actor, agencyCode);
  const rows = (input as BaselineInput)?.applications?.rows;
  if (!rows || typeof rows !== "object") throw new AppError("INVALID", "缺少 applications.rows（与报告 JSON 相同的结构）", "applications", "applications.rows is missing");
  const clean: Record<string, number[]> = {};
  for (const code of APPLICATION_ROW_CODES) {
    const values = rows[code] ?? APPLICATION_COLUMNS.map(() => 0);
    if (!Array.isArray(values) || values.length !== APPLICATION_COLUMNS.length || values.some((v) => !Number.isInteger(Number(v)) || Number(v) < 0)) {
      throw new AppError("INVALID", `applications.rows.${code} 应为 ${APPLICATION_COLUMNS.length} 个非负整数`, code, `applications.rows.${code} must be ${APPLICATION_COLUMNS.length} non-negative integers`);
    }
    clean[code] = values.map(Number);
  }
  writeTx((tx) => {
    const where = and(eq(reportBaselines.agencyId, agency.id), eq(reportBaselines.year, year));
    const before = tx.select().from(reportBaselines).where(where).get();
    const row = { agencyId: agency.id, year, data: JSON.stringify({ applications: { columns: APPLICATION_COLUMNS, rows: clean } }), updatedAt: nowIso(), updatedBy: actor.id };
    if (before) tx.update(reportBaselines).set(row).where(where).run();
    else tx.insert(reportBaselines).values(row).run();
    recordAudit(tx, actor, { action: "report.baseline", objectType: "report", objectId: `${agency.code}/${year}`, agencyId: agency.id, detail: { year } });
  });
}
