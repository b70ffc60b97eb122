import "server-only";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { type Tx, writeTx } from "../../db";
import { agencies, type Agency } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { recordAudit } from "../audit/record";
import { AppError } from "../errors";
import { getAgencyByCode, subtreeIds } from "./queries";
import type { AgencyInput } from "./schemas";
import { nowIso } from "../time";

function assertAdmin(actor: Actor) {
  assertCan(actor, "admin.agencies", "无权管理机构");
}

export function insertAgency(tx: Tx, actor: Actor, input: { code: string; name: string; parentId: string | null }): Agency {
  const row = { id: randomUUID(), code: input.code, name: input.name, parentId: input.parentId };
  tx.insert(agencies).values(row).run();
  recordAudit(tx, actor, { action: "agency.create", objectType: "agency", objectId: row.id, agencyId: row.id, after: row });
  return tx.select().from(agencies).where(eq(agencies.id, row.id)).get() as Agency;
}

/**
 * Adds an agency; idempotent on the code (interfaces.md `agency add`): for an existing code the
 * name and parent are brought to what was given, and nothing changes when they already match.
 */
export function createAgency(actor: Actor, input: AgencyInput): { agency: Agency; created: boolean } {
  assertAdmin(actor);
  return writeTx((tx) => {
    let parentId: string | null = null;
    if (input.parentCode) {
      const parent = getAgencyByCode(input.parentCode, tx);
      if (!parent) throw new AppError("INVALID", `上级机构代码 ${input.parentCode} 不存在`, "parentCode", `parent agency ${input.parentCode} does not exist`);
      parentId = parent.id;
    }
    const existing = getAgencyByCode(input.code, tx);
    if (!existing) return { agency: insertAgency(tx, actor, { code: input.code, name: input.name, parentId }), created: true };
    const patch = { name: input.name, parentId: input.parentCode ? parentId : existing.parentId };
    if (patch.parentId && subtreeIds(existing.id, tx).includes(patch.parentId)) {
      throw new AppError("INVALID", "上级机构不能是本机构或其下级机构", "parentCode", "the parent cannot be the agency itself or below it");
    }
    if (patch.name === existing.name && patch.parentId === existing.parentId) return { agency: existing, created: false };
    tx.update(agencies).set({ ...patch, updatedAt: nowIso() }).where(eq(agencies.id, existing.id)).run();
    const after = { ...existing, ...patch };
    recordAudit(tx, actor, { action: "agency.update", objectType: "agency", objectId: existing.id, agencyId: existing.id, before: existing, after });
    return { agency: after, created: false };
  });
}

export function renameAgency(actor: Actor, id: string, name: string): void {
  assertAdmin(actor);
  writeTx((tx) => {
    const before = tx.select().from(agencies).where(eq(agencies.id, id)).get();
    if (!before || before.deletedAt) throw new AppError("NOT_FOUND", "机构不存在");
    if (before.name === name) return;
    tx.update(agencies).set({ name, updatedAt: nowIso() }).where(eq(agencies.id, id)).run();
    recordAudit(tx, actor, { action: "agency.rename", objectType: "agency", objectId: id, agencyId: id, before, after: { ...before, name } });
  });
}
