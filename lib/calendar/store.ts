import { eq, sql } from "drizzle-orm";
import cd from "chinese-days/dist/chinese-days.json";
import type { Db, Tx } from "../../db";
import { calendarDays, calendarYears } from "../../db/schema";
import verified from "./holidays-cn.json";
import { buildCalendar, type Calendar, type CalendarDay } from "../deadlines/workdays";
import { nowIso } from "../time";

/**
 * The calendar in the database (domain.md A4). Shipped years are loaded into a new or migrated
 * database when missing: 2023–2026 from the verified copy of the State Council notices
 * (holidays-cn.json), 2004–2022 from the chinese-days package. A year an admin entered is never
 * overwritten by a shipped one.
 */
export type NoticeYear = { year: number; source: string; days: CalendarDay[] };

const NAMES: Record<string, string> = { 清明: "清明节", 端午: "端午节", 中秋: "中秋节" };
const chineseDays = cd as { holidays: Record<string, string>; workdays: Record<string, string> };

/** The holiday's name as chinese-days gives it ("National Day,国庆节,3" → 国庆节). */
function nameIn(map: Record<string, string>, date: string): string | null {
  const raw = map[date]?.split(",")[1];
  return raw ? (NAMES[raw] ?? raw) : null;
}

export function shippedYears(): NoticeYear[] {
  const years = new Map<number, NoticeYear>();
  for (const [date] of Object.entries(chineseDays.holidays)) {
    const year = Number(date.slice(0, 4));
    const entry = years.get(year) ?? { year, source: "chinese-days 1.5.7", days: [] };
    entry.days.push({ date, kind: "holiday", name: nameIn(chineseDays.holidays, date) });
    years.set(year, entry);
  }
  for (const [date] of Object.entries(chineseDays.workdays)) {
    const year = Number(date.slice(0, 4));
    years.get(year)?.days.push({ date, kind: "makeup", name: nameIn(chineseDays.workdays, date) });
  }
  for (const [y, notice] of Object.entries(verified.years)) {
    const year = Number(y);
    years.set(year, {
      year,
      source: notice.source,
      days: [
        ...notice.holidays.map((date) => ({ date, kind: "holiday" as const, name: nameIn(chineseDays.holidays, date) })),
        ...notice.makeup_workdays.map((date) => ({ date, kind: "makeup" as const, name: nameIn(chineseDays.workdays, date) })),
      ],
    });
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}

/** Writes one year's days (the caller holds the transaction and has removed the old ones). */
export function insertYearDays(tx: Tx | Db, year: number, days: CalendarDay[]): void {
  for (const day of days) tx.insert(calendarDays).values({ date: day.date, year, kind: day.kind, name: day.name }).onConflictDoNothing().run();
}

export function loadShippedCalendar(db: Db): void {
  const present = new Set(db.select({ year: calendarYears.year }).from(calendarYears).all().map((r) => r.year));
  const shipped = shippedYears();
  const missing = shipped.filter((y) => !present.has(y.year));
  const unnamed = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM calendar_days WHERE name IS NULL AND year IN (SELECT year FROM calendar_years WHERE entered_by IS NULL)`)?.n ?? 0;
  if (missing.length === 0 && unnamed === 0) return;
  db.transaction(
    (tx) => {
      const now = nowIso();
      for (const y of missing) {
        tx.insert(calendarYears).values({ year: y.year, source: y.source, updatedAt: now }).run();
        insertYearDays(tx, y.year, y.days);
      }
      // Databases loaded before the days had names: name them from the shipped data.
      if (unnamed) {
        for (const y of shipped) for (const d of y.days) if (d.name) tx.update(calendarDays).set({ name: d.name }).where(sql`${calendarDays.date} = ${d.date} AND ${calendarDays.name} IS NULL`).run();
      }
    },
    { behavior: "immediate" },
  );
}

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
