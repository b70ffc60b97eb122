import "server-only";
import { desc, inArray, sql } from "drizzle-orm";
import { getDb } from "../../db";
import { auditLog } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { scopeOf } from "../auth/scope";

export const AUDIT_PAGE_SIZE = 100;

/** The newest audit rows the actor may read: all for an admin, its agencies' rows otherwise. */
export function listAuditRows(actor: Actor, page = 1) {
  assertCan(actor, "audit.read", "无权查看审计日志");
  const ids = scopeOf(actor).read;
  const where = ids === "all" ? undefined : inArray(auditLog.agencyId, ids.length ? [...ids] : [""]);
  const db = getDb();
  const rows = db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((Math.max(1, page) - 1) * AUDIT_PAGE_SIZE)
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(auditLog).where(where).get()?.n ?? 0;
  return { rows, total };
}
