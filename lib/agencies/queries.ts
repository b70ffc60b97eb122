import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { type Db, getDb, type Tx } from "../../db";
import { agencies, type Agency } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { AppError } from "../errors";

/** The agency and every agency below it (recursive over parent_id). */
export function subtreeIds(rootId: string, db: Db | Tx = getDb()): string[] {
  const rows = db.all<{ id: string }>(sql`
    WITH RECURSIVE tree(id) AS (
      SELECT ${rootId}
      UNION
      SELECT a.id FROM agencies a JOIN tree t ON a.parent_id = t.id WHERE a.deleted_at IS NULL
    )
    SELECT id FROM tree`);
  return rows.map((r) => r.id);
}

export function getAgencyByCode(code: string, db: Db | Tx = getDb()): Agency | undefined {
  return db
    .select()
    .from(agencies)
    .where(and(eq(agencies.code, code), isNull(agencies.deletedAt)))
    .get();
}

export type AgencyNode = Agency & { depth: number; path: string };

/** Every agency as a depth-first tree (for the admin page and pickers). */
export function listAgencyTree(actor: Actor): AgencyNode[] {
  if (actor.role !== "system" && !can(actor.role, "admin.agencies") && !can(actor.role, "admin.users")) {
    throw new AppError("FORBIDDEN", "无权查看机构设置");
  }
  const all = getDb().select().from(agencies).where(isNull(agencies.deletedAt)).orderBy(asc(agencies.code)).all();
  const children = new Map<string | null, Agency[]>();
  for (const a of all) {
    const key = a.parentId && all.some((p) => p.id === a.parentId) ? a.parentId : null;
    children.set(key, [...(children.get(key) ?? []), a]);
  }
  const out: AgencyNode[] = [];
  const walk = (parent: string | null, depth: number, prefix: string) => {
    for (const a of children.get(parent) ?? []) {
      const path = prefix ? `${prefix} / ${a.name}` : a.name;
      out.push({ ...a, depth, path });
      walk(a.id, depth + 1, path);
    }
  };
  walk(null, 0, "");
  return out;
}
