import "server-only";
import { type Db, getDb, type Tx } from "../../db";
import { subtreeIds } from "../agencies/queries";
import type { Actor } from "./actor";
import { agencyScopeOf } from "./permissions";

/**
 * The one scope function (issue 10): for an actor, the agencies whose records it may read and
 * those it may write. A clerk reads and writes its own agency; a supervisor or auditor also
 * reads the agencies below its own, but writes its own only — a parent agency supervises a
 * department, it does not edit the department's records. An admin manages agencies and users
 * everywhere (the admin.* permissions) and reads reports of any agency; the command line acts
 * for the operator on every agency. Every query, export, upload, appeal, report and
 * drill-down asks this.
 */
export type AgencySet = "all" | readonly string[];
export type Scope = { read: AgencySet; write: AgencySet };

export function scopeOf(actor: Actor, db: Db | Tx = getDb()): Scope {
  if (actor.role === "system") return { read: "all", write: "all" };
  if (!actor.agencyId) return { read: [], write: [] };
  const reach = agencyScopeOf(actor.role);
  if (reach === "all") return { read: "all", write: [] };
  const read = reach === "subtree" ? subtreeIds(actor.agencyId, db) : [actor.agencyId];
  return { read, write: actor.role === "auditor" ? [] : [actor.agencyId] };
}

export function inSet(set: AgencySet, agencyId: string): boolean {
  return set === "all" || set.includes(agencyId);
}

export function canReadAgency(actor: Actor, agencyId: string, db: Db | Tx = getDb()): boolean {
  return inSet(scopeOf(actor, db).read, agencyId);
}

export function canWriteAgency(actor: Actor, agencyId: string, db: Db | Tx = getDb()): boolean {
  return inSet(scopeOf(actor, db).write, agencyId);
}

/** Whether the actor may read the agency and every agency below it (a report with `children=1`). */
export function canReadSubtree(actor: Actor, agencyId: string, db: Db | Tx = getDb()): boolean {
  const { read } = scopeOf(actor, db);
  return read === "all" || subtreeIds(agencyId, db).every((id) => read.includes(id));
}
