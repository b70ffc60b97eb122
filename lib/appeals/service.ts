import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { type Db, getDb, type Tx, writeTx } from "../../db";
import { agencies, appeals, type AppealRow, requests } from "../../db/schema";
import { getAgencyByCode } from "../agencies/queries";
import type { Actor } from "../auth/actor";
import { assertCan, can } from "../auth/permissions";
import { canReadAgency, canWriteAgency, scopeOf } from "../auth/scope";
import { recordAudit } from "../audit/record";
import { AppError } from "../errors";
import type { LedgerIssue } from "../ledger/parse";
import { readImportTable } from "../ledger/read";
import { neutralizeFormula, writeTableCsv, writeTableXlsx } from "../ledger/write";
import { changeRequestIn } from "../requests/unit-of-work";
import { nowIso } from "../time";
import { APPEAL_COLUMNS, type AppealRecord, parseAppeals } from "./parse";
import type { AppealInput } from "./schemas";

export type AppealImportSummary = { ok: boolean; dryRun: boolean; rows: number; inserted: number; updated: number; unchanged: number; errors: LedgerIssue[] };

function resolveAgency(actor: Actor, agencyCode: string, permission: "appeals.write" | "appeals.read") {
  assertCan(actor, permission, "无权操作复议诉讼案件");
  const agency = getAgencyByCode(agencyCode);
  const allowed = agency && (permission === "appeals.write" ? canWriteAgency(actor, agency.id) : canReadAgency(actor, agency.id));
  if (!agency || !allowed) throw new AppError("NOT_FOUND", `机构代码 ${agencyCode} 不存在或无权操作`, "agency", `agency ${agencyCode} not found or not yours`);
  return agency;
}

const FIELDS = ["requestId", "kind", "afterReview", "filedDate", "result", "decision", "decidedDate"] as const;

/** Imports cases, upserted by case number (interfaces.md); all-or-nothing like the request ledger. */
export async function importAppealFile(actor: Actor, input: { agencyCode: string; bytes: Uint8Array; filename: string; dryRun?: boolean }): Promise<AppealImportSummary> {
  const agency = resolveAgency(actor, input.agencyCode, "appeals.write");
  const summary: AppealImportSummary = { ok: false, dryRun: Boolean(input.dryRun), rows: 0, inserted: 0, updated: 0, unchanged: 0, errors: [] };
  const read = await readImportTable(input.bytes, input.filename);
  if ("error" in read) {
    summary.errors.push(read.error);
    return summary;
  }
  const { table } = read;
  const parsed = parseAppeals(table);
  summary.rows = parsed.records.length;
  if (parsed.errors.length > 0) {
    summary.errors = parsed.errors;
    return summary;
  }
  const run = (db: Db | Tx) => {
    const serials = [...new Set(parsed.records.map((r) => r.record.requestSerial))];
    const byserial = new Map(
      db
        .select({ id: requests.id, serial: requests.serial, receivedDate: requests.receivedDate })
        .from(requests)
        .where(and(eq(requests.agencyId, agency.id), inArray(requests.serial, serials.length ? serials : [""])))
        .all()
        .map((r) => [r.serial, r]),
    );
    const existing = new Map(
      db
        .select()
        .from(appeals)
        .where(eq(appeals.agencyId, agency.id))
        .all()
        .map((a) => [a.caseNumber, a]),
    );
    const plan: { record: AppealRecord; requestId: string; current?: AppealRow }[] = [];
    for (const { row, record } of parsed.records) {
      const request = byserial.get(record.requestSerial);
      if (!request) {
        summary.errors.push({ row, field: "request_serial", zh: `第 ${row} 行「申请编号」：本机关没有编号为 ${record.requestSerial} 的申请`, en: `row ${row}, request_serial: no request ${record.requestSerial}` });
        continue;
      }
      if (record.filedDate < request.receivedDate) {
        summary.errors.push({ row, field: "filed_date", zh: `第 ${row} 行「收案日期」：${record.filedDate} 早于该申请的收到日期 ${request.receivedDate}`, en: `row ${row}, filed_date: before the request's receipt date` });
        continue;
      }
      plan.push({ record, requestId: request.id, current: existing.get(record.caseNumber) });
    }
    return plan;
  };
  const apply = (plan: ReturnType<typeof run>) => {
    for (const { record, requestId, current } of plan) {
      const values = { requestId, kind: record.kind, afterReview: record.afterReview, filedDate: record.filedDate, result: record.result, decision: record.decision, decidedDate: record.decidedDate };
      if (!current) summary.inserted++;
      else if (FIELDS.every((k) => (current[k] ?? null) === (values[k] ?? null))) summary.unchanged++;
      else summary.updated++;
    }
  };
  if (summary.dryRun) {
    const plan = run(getDb());
    apply(plan);
    summary.ok = summary.errors.length === 0;
    return summary;
  }
  return writeTx((tx) => {
    const plan = run(tx);
    if (summary.errors.length > 0) return summary;
    const now = nowIso();
    for (const { record, requestId, current } of plan) {
      const values = { requestId, kind: record.kind, afterReview: record.afterReview, filedDate: record.filedDate, result: record.result, decision: record.decision, decidedDate: record.decidedDate };
      if (!current) {
        const id = randomUUID();
        tx.insert(appeals).values({ ...values, id, agencyId: agency.id, caseNumber: record.caseNumber, createdBy: actor.id }).run();
        recordAudit(tx, actor, { action: "appeal.import", objectType: "appeal", objectId: id, agencyId: agency.id, after: { caseNumber: record.caseNumber, ...values } });
        changeRequestIn(tx, actor, requestId, "current", () => ({
          event: { kind: "appeal", summary: `${APPEAL_LABEL[record.kind]}案件 ${record.caseNumber} 导入` },
          action: "request.appeal",
          detail: { caseNumber: record.caseNumber },
        }));
        summary.inserted++;
      } else if (FIELDS.every((k) => (current[k] ?? null) === (values[k] ?? null))) {
        summary.unchanged++;
      } else {
        tx.update(appeals).set({ ...values, version: current.version + 1, updatedAt: now, updatedBy: actor.id }).where(eq(appeals.id, current.id)).run();
        recordAudit(tx, actor, { action: "appeal.update", objectType: "appeal", objectId: current.id, agencyId: agency.id, before: current, after: { ...current, ...values } });
        summary.updated++;
      }
    }
    summary.ok = true;
    return summary;
  });
}

export type AppealView = AppealRow & { requestSerial: string; agencyName: string };

export type AppealFilter = { kind?: string; result?: string; group?: string; from?: string; to?: string; pendingAt?: string; agency?: string; counted?: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The cases the actor may read. `group` with `from`/`to` lists the cases decided in that span
 * under `result`; with `pendingAt`, those filed by that day and undecided on it — exactly what
 * a cell of table 四 counts (lib/reports/engine.ts).
 */
export function listAppeals(actor: Actor, filter: AppealFilter = {}): AppealView[] {
  assertCan(actor, "appeals.read", "无权查看复议诉讼案件");
  const ids = scopeOf(actor).read;
  const where: (SQL | undefined)[] = [isNull(appeals.deletedAt)];
  if (ids !== "all") where.push(inArray(appeals.agencyId, ids.length ? [...ids] : [""]));
  if (filter.agency) where.push(eq(appeals.agencyId, getAgencyByCode(filter.agency)?.id ?? ""));
  if (filter.kind === "review" || filter.kind === "suit") where.push(eq(appeals.kind, filter.kind));
  if (filter.group === "review") where.push(eq(appeals.kind, "review"));
  if (filter.group === "suit_direct") where.push(and(eq(appeals.kind, "suit"), eq(appeals.afterReview, false)));
  if (filter.group === "suit_after_review") where.push(and(eq(appeals.kind, "suit"), eq(appeals.afterReview, true)));
  if (filter.counted === "1" && filter.from && filter.to && DATE.test(filter.from) && DATE.test(filter.to)) {
    // Everything the period's table 四 counts: decided in it, or still pending at its end.
    where.push(
      sql`((${appeals.result} != 'pending' AND ${appeals.decidedDate} BETWEEN ${filter.from} AND ${filter.to}) OR (${appeals.filedDate} <= ${filter.to} AND (${appeals.decidedDate} IS NULL OR ${appeals.decidedDate} > ${filter.to})))`,
    );
  } else if (filter.pendingAt && DATE.test(filter.pendingAt)) {
    where.push(sql`${appeals.filedDate} <= ${filter.pendingAt} AND (${appeals.decidedDate} IS NULL OR ${appeals.decidedDate} > ${filter.pendingAt})`);
  } else {
    if (filter.result && ["upheld", "corrected", "other", "pending"].includes(filter.result)) where.push(eq(appeals.result, filter.result as AppealRow["result"]));
    if (filter.from && DATE.test(filter.from)) where.push(sql`${appeals.decidedDate} >= ${filter.from}`);
    if (filter.to && DATE.test(filter.to)) where.push(sql`${appeals.decidedDate} <= ${filter.to}`);
  }
  return getDb()
    .select({ appeal: appeals, requestSerial: requests.serial, agencyName: agencies.name })
    .from(appeals)
    .innerJoin(requests, eq(appeals.requestId, requests.id))
    .innerJoin(agencies, eq(appeals.agencyId, agencies.id))
    .where(and(...where))
    .orderBy(desc(appeals.filedDate), asc(appeals.caseNumber))
    .limit(1000)
    .all()
    .map((r) => ({ ...r.appeal, requestSerial: r.requestSerial, agencyName: r.agencyName }));
}

/** The cases in the import format, ordered by case number. */
export async function exportAppealFile(actor: Actor, input: { agencyCode: string; format: "csv" | "xlsx" }): Promise<Buffer> {
  const agency = resolveAgency(actor, input.agencyCode, "appeals.read");
  const rows = getDb()
    .select({ appeal: appeals, serial: requests.serial })
    .from(appeals)
    .innerJoin(requests, eq(appeals.requestId, requests.id))
    .where(and(eq(appeals.agencyId, agency.id), isNull(appeals.deletedAt)))
    .orderBy(asc(appeals.caseNumber))
    .all()
    .map(({ appeal: a, serial }) =>
      [a.caseNumber, serial, a.kind, a.kind === "suit" ? String(a.afterReview) : "", a.filedDate, a.result, a.decision ?? "", a.decidedDate ?? ""].map(neutralizeFormula),
    );
  const headers = APPEAL_COLUMNS.map((c) => c.code);
  return input.format === "xlsx" ? writeTableXlsx("复议诉讼案件", headers, rows, new Set(["filed_date", "decided_date"])) : writeTableCsv(headers, rows);
}

/** The cases of one request (for its page). */
export function listAppealsOfRequest(actor: Actor, requestId: string): AppealRow[] {
  if (actor.role !== "system" && !can(actor.role, "appeals.read")) return [];
  const request = getDb().select({ agencyId: requests.agencyId }).from(requests).where(eq(requests.id, requestId)).get();
  if (!request || !canReadAgency(actor, request.agencyId)) throw new AppError("NOT_FOUND", "申请不存在或无权查看");
  return getDb()
    .select()
    .from(appeals)
    .where(and(eq(appeals.requestId, requestId), isNull(appeals.deletedAt)))
    .orderBy(asc(appeals.filedDate))
    .all();
}

/**
 * Records a case against a request, or updates the case with that number (one record per case,
 * A2). Its effect on the request — the event on its timeline — goes through the unit of work,
 * which also checks the request is in the actor's write scope.
 */
export function saveAppeal(actor: Actor, requestId: string, input: AppealInput): void {
  assertCan(actor, "appeals.write", "无权登记复议诉讼案件");
  writeTx((tx) => {
    changeRequestIn(tx, actor, requestId, "current", ({ before: request }) => {
      if (input.filedDate < request.receivedDate) throw new AppError("INVALID", `收案日期不能早于申请的收到日期 ${request.receivedDate}`, "filedDate");
      const current = tx
        .select()
        .from(appeals)
        .where(and(eq(appeals.agencyId, request.agencyId), eq(appeals.caseNumber, input.caseNumber)))
        .get();
      if (current && current.requestId !== requestId) throw new AppError("CONFLICT", `案号 ${input.caseNumber} 已登记在其他申请下`, "caseNumber");
      const values = {
        kind: input.kind,
        afterReview: input.afterReview,
        filedDate: input.filedDate,
        decidingBody: input.decidingBody ?? null,
        decision: input.decision ?? null,
        result: input.result,
        decidedDate: input.decidedDate ?? null,
      };
      if (current) {
        tx.update(appeals).set({ ...values, version: current.version + 1, updatedAt: nowIso(), updatedBy: actor.id }).where(eq(appeals.id, current.id)).run();
        recordAudit(tx, actor, { action: "appeal.update", objectType: "appeal", objectId: current.id, agencyId: request.agencyId, before: current, after: { ...current, ...values } });
      } else {
        const id = randomUUID();
        tx.insert(appeals).values({ ...values, id, agencyId: request.agencyId, requestId, caseNumber: input.caseNumber, createdBy: actor.id }).run();
        recordAudit(tx, actor, { action: "appeal.create", objectType: "appeal", objectId: id, agencyId: request.agencyId, after: { caseNumber: input.caseNumber, ...values } });
      }
      return {
        event: { kind: "appeal", summary: `${current ? "更新" : "登记"}${APPEAL_LABEL[input.kind]}案件 ${input.caseNumber}` },
        action: "request.appeal",
        detail: { caseNumber: input.caseNumber },
      };
    });
  });
}

const APPEAL_LABEL = { review: "行政复议", suit: "行政诉讼" } as const;
