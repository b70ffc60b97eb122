import "server-only";
import { eq } from "drizzle-orm";
import { type Db, getDb, type Tx, writeTx } from "../../db";
import { agencies } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { assertCan, can } from "../auth/permissions";
import { recordAudit } from "../audit/record";
import { AppError } from "../errors";
import { now } from "../time";
import type { AgencySettingsInput } from "./schemas";

/** An agency's settings (domain.md A8), as lib/work and the pages use them. */
export type AgencySettings = {
  agencyId: string;
  agencyName: string;
  shortName: string | null;
  dueSoonDays: number;
  dueUrgentDays: number;
  approvalLevels: 1 | 2;
  clerkMayAssign: boolean;
  /** Raised by every change: the form's stale-edit check. */
  version: number;
};

export function agencySettings(agencyId: string, db: Db | Tx = getDb()): AgencySettings {
  const a = db.select().from(agencies).where(eq(agencies.id, agencyId)).get();
  if (!a) throw new AppError("NOT_FOUND", "机构不存在");
  return {
    agencyId: a.id,
    agencyName: a.name,
    shortName: a.shortName,
    dueSoonDays: a.dueSoonDays,
    dueUrgentDays: a.dueUrgentDays,
    approvalLevels: a.approvalLevels === 2 ? 2 : 1,
    clerkMayAssign: a.clerkMayAssign,
    version: a.updatedAt ? Date.parse(a.updatedAt) : 0,
  };
}

/** Who may change an agency's settings: an admin (who manages agencies) for any agency, a supervisor (`agency.settings`) for their own. */
function assertMaySet(actor: Actor, agencyId: string): void {
  if (actor.role === "system" || can(actor.role, "admin.agencies")) return;
  assertCan(actor, "agency.settings", "无权修改机构设置");
  if (actor.agencyId !== agencyId) throw new AppError("FORBIDDEN", "只能修改本机关的设置");
}

export function readAgencySettings(actor: Actor, agencyId: string): AgencySettings {
  assertMaySet(actor, agencyId);
  return agencySettings(agencyId);
}

export function updateAgencySettings(actor: Actor, agencyId: string, input: AgencySettingsInput): void {
  assertMaySet(actor, agencyId);
  writeTx((tx) => {
    const before = agencySettings(agencyId, tx);
    if (before.version !== input.version) throw new AppError("CONFLICT", "机构设置已被他人修改，您的修改没有保存，请刷新页面后重新操作。");
    const patch = {
      shortName: input.shortName ?? null,
      dueSoonDays: input.dueSoonDays,
      dueUrgentDays: input.dueUrgentDays,
      approvalLevels: input.approvalLevels,
      clerkMayAssign: input.clerkMayAssign,
    };
    // A new instant each change (the version), even twice in one millisecond.
    const at = new Date(Math.max(now().getTime(), before.version + 1)).toISOString();
    tx.update(agencies).set({ ...patch, updatedAt: at }).where(eq(agencies.id, agencyId)).run();
    recordAudit(tx, actor, { action: "agency.settings", objectType: "agency", objectId: agencyId, agencyId, before, after: { ...before, ...patch } });
  });
}
