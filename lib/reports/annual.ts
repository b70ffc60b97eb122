import "server-only";
import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { getDb, writeTx } from "../../db";
import { reportNarratives, reportSnapshots } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { recordAudit } from "../audit/record";
import { AppError } from "../errors";
import { hardChecksPass } from "./checks";
import { nowIso } from "../time";
import { computeReport, reportScope, writableReportAgency } from "./engine";
import { reportJson } from "./json";
import { APPEAL_GROUP_CODES } from "./layout";
import { DEFAULT_NARRATIVE, firstUnknownPlaceholder, type Narrative, renderNarrativeSections } from "./narrative";

/** The narrative and the finalized snapshots of an agency's year (A6). */

export function getNarrative(actor: Actor, agencyCode: string, year: number): Narrative & { saved: boolean } {
  const { agency } = reportScope(actor, agencyCode, false);
  const row = getDb()
    .select()
    .from(reportNarratives)
    .where(and(eq(reportNarratives.agencyId, agency.id), eq(reportNarratives.year, year)))
    .get();
  return row ? { overview: row.overview, problems: row.problems, other: row.other, saved: true } : { ...DEFAULT_NARRATIVE, saved: false };
}

/** Refuses a narrative with a `{{…}}` that is not a placeholder, naming it and its section. */
function assertPlaceholdersKnown(narrative: Narrative, when: "save" | "finalize"): void {
  const unknown = firstUnknownPlaceholder(narrative);
  if (!unknown) return;
  const zh = `“${unknown.label}”中的占位符 {{${unknown.name}}} 不存在${when === "finalize" ? "，请先修改报告正文再定稿" : "，请改用页面列出的占位符"}`;
  throw new AppError("INVALID", zh, when === "save" ? unknown.section : undefined, `unknown placeholder {{${unknown.name}}} in ${unknown.section}`);
}

export function saveNarrative(actor: Actor, agencyCode: string, year: number, narrative: Narrative): void {
  assertCan(actor, "reports.edit", "无权编辑年度报告");
  const agency = writableReportAgency(actor, agencyCode);
  assertPlaceholdersKnown(narrative, "save");
  writeTx((tx) => {
    const where = and(eq(reportNarratives.agencyId, agency.id), eq(reportNarratives.year, year));
    const before = tx.select().from(reportNarratives).where(where).get();
    const row = { agencyId: agency.id, year, ...narrative, updatedAt: nowIso(), updatedBy: actor.id };
    if (before) tx.update(reportNarratives).set(row).where(where).run();
    else tx.insert(reportNarratives).values(row).run();
    recordAudit(tx, actor, { action: "report.narrative", objectType: "report", objectId: `${agency.code}/${year}`, agencyId: agency.id, before: before ?? null, after: row });
  });
}

export type Snapshot = { id: string; frozenAt: string; frozenBy: string; overrideReason: string | null; report: ReturnType<typeof reportJson>; narrative: Narrative };

export function latestSnapshot(actor: Actor, agencyCode: string, year: number, includeChildren: boolean): Snapshot | null {
  const { agency } = reportScope(actor, agencyCode, includeChildren);
  const row = getDb()
    .select()
    .from(reportSnapshots)
    .where(and(eq(reportSnapshots.agencyId, agency.id), eq(reportSnapshots.year, year), eq(reportSnapshots.includeChildren, includeChildren)))
    .orderBy(desc(reportSnapshots.frozenAt))
    .get();
  if (!row) return null;
  return { id: row.id, frozenAt: row.frozenAt, frozenBy: row.frozenBy, overrideReason: row.overrideReason, report: JSON.parse(row.data), narrative: JSON.parse(row.narrative) };
}

/**
 * Freezes the year: tables, checks and the narrative as rendered. A failing hard check blocks
 * it unless a written reason overrides (A6).
 */
export function finalizeReport(actor: Actor, input: { agencyCode: string; year: number; includeChildren: boolean; overrideReason?: string }): Snapshot {
  assertCan(actor, "reports.finalize", "无权定稿年度报告");
  writableReportAgency(actor, input.agencyCode);
  const report = computeReport(actor, input);
  const reason = input.overrideReason?.trim() || null;
  if (!hardChecksPass(report.checks) && !reason) {
    throw new AppError("INVALID", "勾稽检查有错误，不能定稿；确需定稿的，请填写理由", "overrideReason");
  }
  const { agency } = reportScope(actor, input.agencyCode, input.includeChildren);
  const texts = getNarrative(actor, input.agencyCode, input.year);
  // A text saved before placeholders were checked, or written to the file directly.
  assertPlaceholdersKnown(texts, "finalize");
  const narrative = renderNarrativeSections(texts, report);
  const snapshot = {
    id: randomUUID(),
    agencyId: agency.id,
    year: input.year,
    includeChildren: input.includeChildren,
    data: JSON.stringify(reportJson(report)),
    narrative: JSON.stringify(narrative),
    overrideReason: reason,
    frozenAt: nowIso(),
    frozenBy: actor.username,
  };
  writeTx((tx) => {
    tx.insert(reportSnapshots).values(snapshot).run();
    recordAudit(tx, actor, { action: "report.finalize", objectType: "report", objectId: `${agency.code}/${input.year}`, agencyId: agency.id, detail: { snapshot: snapshot.id, overrideReason: reason } });
  });
  return { id: snapshot.id, frozenAt: snapshot.frozenAt, frozenBy: snapshot.frozenBy, overrideReason: reason, report: reportJson(report), narrative };
}

export type CellDiff = { table: "applications" | "appeals"; row: string; column: string; frozen: number; now: number };

/** The cells whose live value differs from the frozen one. */
export function diffReport(frozen: Snapshot["report"], live: Snapshot["report"]): CellDiff[] {
  const out: CellDiff[] = [];
  for (const [row, values] of Object.entries(live.applications.rows)) {
    values.forEach((v, c) => {
      const before = frozen.applications.rows[row]?.[c] ?? 0;
      if (before !== v) out.push({ table: "applications", row, column: live.applications.columns[c], frozen: before, now: v });
    });
  }
  for (const group of APPEAL_GROUP_CODES) {
    live.appeals[group].forEach((v, c) => {
      const before = frozen.appeals[group][c];
      if (before !== v) out.push({ table: "appeals", row: group, column: live.appeals.columns[c], frozen: before, now: v });
    });
  }
  return out;
}
