import { sql } from "drizzle-orm";
import type { Db } from "../../db";
import { calendarDays, calendarYears } from "../../db/schema";
import shipped from "./holidays-cn.json";
import { buildCalendar, type Calendar, type YearCalendar } from "./workdays";

/**
 * The calendar in the database: the shipped notices (2023 on, verified) are loaded into a new
 * or migrated database when that year is missing; an entered year is never overwritten.
 */
export function loadShippedCalendar(db: Db): void {
  const present = new Set(db.select({ year: calendarYears.year }).from(calendarYears).all().map((r) => r.year));
  const missing = Object.entries(shipped.years).filter(([year]) => !present.has(Number(year)));
  if (missing.length === 0) return;
  db.transaction(
    (tx) => {
      const now = new Date().toISOString();
      for (const [year, y] of missing) {
        tx.insert(calendarYears).values({ year: Number(year), source: y.source, updatedAt: now }).run();
        for (const date of y.holidays) tx.insert(calendarDays).values({ date, year: Number(year), kind: "holiday" }).onConflictDoNothing().run();
        for (const date of y.makeup_workdays) tx.insert(calendarDays).values({ date, year: Number(year), kind: "makeup" }).onConflictDoNothing().run();
      }
    },
    { behavior: "immediate" },
  );
}

export function readCalendar(db: Db): Calendar {
  const years: Record<string, YearCalendar> = {};
  for (const { year } of db.select({ year: calendarYears.year }).from(calendarYears).all()) years[year] = { holidays: [], makeupWorkdays: [] };
  for (const day of db.select().from(calendarDays).orderBy(sql`${calendarDays.date}`).all()) {
    const y = (years[day.year] ??= { holidays: [], makeupWorkdays: [] });
    (day.kind === "holiday" ? y.holidays : y.makeupWorkdays).push(day.date);
  }
  return buildCalendar(years);
}
