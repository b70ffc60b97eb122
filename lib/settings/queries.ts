import { eq } from "drizzle-orm";
import { type Db, getDb, type Tx } from "../../db";
import { settings } from "../../db/schema";

/**
 * The system settings (an admin's): each key with its default. Read where they apply; written
 * by lib/settings/mutations.ts.
 */
export const SETTINGS = {
  /** 等保's 定期更换: a password older than this must be changed at the next login; 0 = never. */
  passwordMaxAgeDays: { key: "password_max_age_days", default: 90, min: 0, max: 3650, label: "密码有效期（天）" },
} as const;
export type SettingName = keyof typeof SETTINGS;

export function readSetting(name: SettingName, db: Db | Tx = getDb()): number {
  const { key, default: fallback } = SETTINGS[name];
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get();
  const value = row ? Number(row.value) : Number.NaN;
  return Number.isInteger(value) ? value : fallback;
}
