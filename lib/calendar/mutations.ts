import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { type Db, type Tx, writeTx } from "../../db";
import { calendarChanges, calendarDays, calendarYears } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import { type MovedDue, recomputeOpenRequests } from "../requests/unit-of-work";
import { nowIso } from "../time";
import { readCalendar, readYearDays } from "./queries";
import type { CalendarDay } from "../deadlines/workdays";

/**
 * Enters (or corrects) a year's notice. In the same transaction every open request's due date
 * is recomputed; those that moved are returned and kept with the change for the admin.
 */
export function saveCalendarYear(actor: Actor, input: { year: number; source: string; days: CalendarDay[] }): { moved: MovedDue[] } {
  assertCan(actor, "admin.calendar", "无权维护节假日安排");
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) throw new AppError("INVALID", "年份应在 2000 至 2100 之间", "year");
  if (!input.source.trim()) throw new AppError("INVALID", "请填写通知名称（文号或标题）", "source");
  if (input.source.trim().length > 300) throw new AppError("INVALID", "通知名称不超过 300 个字", "source");
  return writeTx((tx) => {
    for (const day of input.days) {
      const other = tx.select().from(calendarDays).where(and(eq(calendarDays.date, day.date), ne(calendarDays.year, input.year))).get();
      if (other && other.kind !== day.kind) {
        throw new AppError("INVALID", `${day.date} 在 ${other.year} 年的安排中是${other.kind === "holiday" ? "放假日" : "调休上班日"}，与本次填写矛盾`, "_form");
      }
    }
    const beforeYear = tx.select().from(calendarYears).where(eq(calendarYears.year, input.year)).get();
    const beforeDays = readYearDays(tx, input.year);
    const now = nowIso();
    // The days are reference data replaced as a whole; the audit row keeps the previous list.
    tx.delete(calendarDays).where(eq(calendarDays.year, input.year)).run();
    if (beforeYear) tx.update(calendarYears).set({ source: input.source.trim(), updatedAt: now, enteredBy: actor.id }).where(eq(calendarYears.year, input.year)).run();
    else tx.insert(calendarYears).values({ year: input.year, source: input.source.trim(), updatedAt: now, enteredBy: actor.id }).run();
    insertYearDays(tx, input.year, input.days);
    const moved = recomputeOpenRequests(tx, readCalendar(tx));
    tx.insert(calendarChanges).values({ year: input.year, actorId: actor.id, moved: JSON.stringify(moved) }).run();
    recordAudit(tx, actor, {
      action: beforeYear ? "calendar.update" : "calendar.create",
      objectType: "calendar",
      objectId: String(input.year),
      agencyId: null,
      before: beforeYear ? { source: beforeYear.source, days: beforeDays } : undefined,
      after: { source: input.source.trim(), days: input.days },
      detail: { moved: moved.length },
    });
    return { moved };
  });
}

/** Writes one year's days (the caller holds the transaction and has removed the old ones). */
export function insertYearDays(tx: Tx | Db, year: number, days: CalendarDay[]): void {
  for (const day of days) tx.insert(calendarDays).values({ date: day.date, year, kind: day.kind, name: day.name }).onConflictDoNothing().run();
}

