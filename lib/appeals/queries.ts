import "server-only";
import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { getDb } from "../../db";
import { agencies, appeals, type AppealRow, requests } from "../../db/schema";
import { getAgencyByCode } from "../agencies/queries";
import type { Actor } from "../auth/actor";
import { assertCan, can } from "../auth/permissions";
import { canReadAgency, canWriteAgency, scopeOf } from "../auth/scope";
import { AppError } from "../errors";
import { APPEAL_RESULTS } from "./codes";

/** The agency of an appeals file the actor may read or write, or NOT_FOUND (never another agency's). */
export function appealAgency(actor: Actor, agencyCode: string, permission: "appeals.write" | "appeals.read") {
  assertCan(actor, permission, "无权操作复议诉讼案件");
  const agency = getAgencyByCode(agencyCode);
  const allowed = agency && (permission === "appeals.write" ? canWriteAgency(actor, agency.id) : canReadAgency(actor, agency.id));
  if (!agency || !allowed) throw new AppError("NOT_FOUND", `机构代码 ${agencyCode} 不存在或无权操作`, "agency", `agency ${agencyCode} not found or not yours`);
  return agency;
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
    if (filter.result && (APPEAL_RESULTS as readonly string[]).includes(filter.result)) where.push(eq(appeals.result, filter.result as AppealRow["result"]));
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

