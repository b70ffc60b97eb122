import "server-only";
import { writeTx } from "../../db";
import { settings } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { recordAudit } from "../audit/record";
import { AppError } from "../errors";
import { nowIso } from "../time";
import { readSetting, type SettingName, SETTINGS } from "./queries";

/** Sets a system setting (admins only), audited with the value before and after. */
export function saveSetting(actor: Actor, name: SettingName, value: number): void {
  assertCan(actor, "admin.users", "无权修改系统设置");
  const { key, min, max, label } = SETTINGS[name];
  if (!Number.isInteger(value) || value < min || value > max) throw new AppError("INVALID", `${label}应为 ${min} 至 ${max} 之间的整数`, name);
  writeTx((tx) => {
    const before = readSetting(name, tx);
    tx.insert(settings)
      .values({ key, value: String(value), updatedAt: nowIso(), updatedBy: actor.id })
      .onConflictDoUpdate({ target: settings.key, set: { value: String(value), updatedAt: nowIso(), updatedBy: actor.id } })
      .run();
    recordAudit(tx, actor, { action: "settings.update", objectType: "settings", objectId: key, agencyId: null, before: { [key]: before }, after: { [key]: value } });
  });
}
