import "server-only";
import { desc, inArray, sql } from "drizzle-orm";
import { getDb } from "../../db";
import { auditLog } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { scopeOf } from "../auth/scope";
import { auditReaderOf, visibleChanges } from "./view";

export const AUDIT_PAGE_SIZE = 100;

/**
 * The newest audit rows the actor may read — all for an admin, its agencies' rows otherwise —
 * each with the change set this reader may see (lib/audit/view.ts); hash columns left out.
 */
export function listAuditRows(actor: Actor, page = 1) {
  assertCan(actor, "audit.read", "无权查看审计日志");
  const ids = scopeOf(actor).read;
  const where = ids === "all" ? undefined : inArray(auditLog.agencyId, ids.length ? [...ids] : [""]);
  const db = getDb();
  const reader = auditReaderOf(actor);
  const rows = db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorName: auditLog.actorName,
      actorRole: auditLog.actorRole,
      action: auditLog.action,
      objectType: auditLog.objectType,
      objectId: auditLog.objectId,
      result: auditLog.result,
      changes: auditLog.changes,
    })
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((Math.max(1, page) - 1) * AUDIT_PAGE_SIZE)
    .all()
    .map((row) => ({ ...row, ...visibleChanges(reader, row.objectType, row.changes) }));
  const total = db.select({ n: sql<number>`count(*)` }).from(auditLog).where(where).get()?.n ?? 0;
  return { rows, total };
}
