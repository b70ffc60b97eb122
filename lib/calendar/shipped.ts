import { sql } from "drizzle-orm";
import cd from "chinese-days/dist/chinese-days.json";
import type { Db } from "../../db";
import { calendarDays, calendarYears } from "../../db/schema";
import type { CalendarDay } from "../deadlines/workdays";
import { nowIso } from "../time";
import verified from "./holidays-cn.json";
import { insertYearDays } from "./mutations";

/**
 * The calendars shipped with the app (domain.md A4). Shipped years are loaded into a new or migrated
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

/** The start-up step: loads the shipped years a database lacks (lib/lifecycle.ts). */
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

