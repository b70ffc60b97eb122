import "server-only";
import { sql } from "drizzle-orm";
import { type Db, getDb, type Tx } from "../../db";
import { readCalendar } from "./store";
import type { Calendar } from "../deadlines/workdays";

let cached: { key: string; calendar: Calendar } | undefined;

/**
 * The working-day calendar as the database holds it now. Kept in memory until a year's notice
 * changes (any process: the key is read from the database each time, one small query).
 */
export function currentCalendar(db: Db | Tx = getDb()): Calendar {
  const key = db.get<{ k: string }>(sql`SELECT count(*) || '/' || coalesce(max(updated_at), '') || '/' || (SELECT count(*) FROM calendar_days) AS k FROM calendar_years`)?.k ?? "";
  if (cached?.key !== key) cached = { key, calendar: readCalendar(db) };
  return cached.calendar;
}
