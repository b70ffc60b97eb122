import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { type Db, getDb, type Tx } from "../../db";
import { agencies, calendarChanges, calendarDays, calendarYears, users } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { buildCalendar, type Calendar, type CalendarDay } from "../deadlines/workdays";
import type { MovedDue } from "../requests/unit-of-work";
import { provisionalHolidays } from "./provisional";

/** The working-day calendar as the database holds it (domain.md A4), and the admin's view of its years. */

export function readYearDays(db: Db | Tx, year: number): CalendarDay[] {
  return db.select({ date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name }).from(calendarDays).where(eq(calendarDays.year, year)).orderBy(calendarDays.date).all();
}

export function readCalendar(db: Db | Tx): Calendar {
  const years: Record<string, CalendarDay[]> = {};
  for (const { year } of db.select({ year: calendarYears.year }).from(calendarYears).all()) years[year] = [];
  for (const day of db.select().from(calendarDays).orderBy(sql`${calendarDays.date}`).all()) {
    (years[day.year] ??= []).push({ date: day.date, kind: day.kind, name: day.name });
  }
  return buildCalendar(years);
}

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

function assertAdmin(actor: Actor) {
  assertCan(actor, "admin.calendar", "无权维护节假日安排");
}

export type CalendarYearSummary = { year: number; source: string; enteredBy: string | null; updatedAt: string; holidays: number; makeup: number };

function yearSummaries(year?: number): CalendarYearSummary[] {
  return getDb()
    .select({
      year: calendarYears.year,
      source: calendarYears.source,
      updatedAt: calendarYears.updatedAt,
      enteredBy: users.username,
      holidays: sql<number>`(SELECT count(*) FROM calendar_days d WHERE d.year = ${calendarYears.year} AND d.kind = 'holiday')`,
      makeup: sql<number>`(SELECT count(*) FROM calendar_days d WHERE d.year = ${calendarYears.year} AND d.kind = 'makeup')`,
    })
    .from(calendarYears)
    .leftJoin(users, eq(calendarYears.enteredBy, users.id))
    .where(year === undefined ? undefined : eq(calendarYears.year, year))
    .orderBy(desc(calendarYears.year))
    .all();
}

/** The years in the database, newest first. */
export function listCalendarYears(actor: Actor): CalendarYearSummary[] {
  assertAdmin(actor);
  return yearSummaries();
}

export type CalendarYearView = {
  year: number;
  entered: CalendarYearSummary | null;
  /** The entered days, or for a provisional year the statutory holidays the clock assumes. */
  days: CalendarDay[];
  lastChange: { at: string; actor: string | null; moved: (MovedDue & { agencyName: string })[] } | null;
};

export function calendarYearView(actor: Actor, year: number): CalendarYearView {
  assertAdmin(actor);
  const db = getDb();
  const entered = yearSummaries(year)[0] ?? null;
  const days = entered ? readYearDays(db, year) : [...provisionalHolidays(year)].map(([date, name]) => ({ date, kind: "holiday" as const, name }));
  const change = db
    .select({ at: calendarChanges.at, moved: calendarChanges.moved, actor: users.username })
    .from(calendarChanges)
    .leftJoin(users, eq(calendarChanges.actorId, users.id))
    .where(eq(calendarChanges.year, year))
    .orderBy(desc(calendarChanges.id))
    .limit(1)
    .get();
  let lastChange: CalendarYearView["lastChange"] = null;
  if (change) {
    const names = new Map(db.select({ id: agencies.id, name: agencies.name }).from(agencies).all().map((a) => [a.id, a.name]));
    const moved = (JSON.parse(change.moved) as MovedDue[]).map((m) => ({ ...m, agencyName: names.get(m.agencyId) ?? "" }));
    lastChange = { at: change.at, actor: change.actor, moved };
  }
  return { year, entered, days: days.sort((a, b) => a.date.localeCompare(b.date)), lastChange };
}
