import { addDays, weekday } from "../dates";

/**
 * Working days (domain.md A4): Monday–Friday not listed as a holiday, plus the weekend days
 * listed as 调休 make-up working days, from the State Council's notice of each year. A year
 * with no notice loaded is provisional: weekends and the fixed-date statutory holidays only
 * (元旦, 劳动节 1–2 May, 国庆 1–3 October), and every date that depends on it says so.
 */
export type YearCalendar = { holidays: string[]; makeupWorkdays: string[] };
/** Days listed by any notice (a notice may list a day of the year before, e.g. 31 December), and the years with a notice. */
export type Calendar = { holidays: Set<string>; makeup: Set<string>; years: Set<number> };

export function buildCalendar(years: Record<string, YearCalendar>): Calendar {
  const calendar: Calendar = { holidays: new Set(), makeup: new Set(), years: new Set() };
  for (const [year, y] of Object.entries(years)) {
    calendar.years.add(Number(year));
    y.holidays.forEach((d) => calendar.holidays.add(d));
    y.makeupWorkdays.forEach((d) => calendar.makeup.add(d));
  }
  return calendar;
}

const PROVISIONAL_FIXED = ["01-01", "05-01", "05-02", "10-01", "10-02", "10-03"];

export function isWorkday(calendar: Calendar, date: string): { workday: boolean; provisional: boolean; reason: "makeup" | "holiday" | "weekend" | "weekday" } {
  const dow = weekday(date);
  if (calendar.makeup.has(date)) return { workday: true, provisional: false, reason: "makeup" };
  if (calendar.holidays.has(date)) return { workday: false, provisional: false, reason: "holiday" };
  if (calendar.years.has(Number(date.slice(0, 4)))) {
    return dow === 0 || dow === 6 ? { workday: false, provisional: false, reason: "weekend" } : { workday: true, provisional: false, reason: "weekday" };
  }
  if (PROVISIONAL_FIXED.includes(date.slice(5))) return { workday: false, provisional: true, reason: "holiday" };
  return dow === 0 || dow === 6 ? { workday: false, provisional: true, reason: "weekend" } : { workday: true, provisional: true, reason: "weekday" };
}

export type Step = { date: string; note: string };
export type DueResult = { date: string; provisional: boolean; steps: Step[] };

/** The n-th working day after d; d itself never counts (民法典 Art 201). */
export function addWorkdays(calendar: Calendar, start: string, n: number): DueResult {
  const steps: Step[] = [{ date: start, note: `${start} 当日不计，次日起算` }];
  let date = start;
  let counted = 0;
  let provisional = false;
  while (counted < n) {
    date = addDays(date, 1);
    const day = isWorkday(calendar, date);
    provisional ||= day.provisional;
    if (day.workday) {
      counted++;
      if (day.reason === "makeup") steps.push({ date, note: `${date} 调休上班，计入（第 ${counted} 个工作日）` });
    } else if (day.reason === "holiday") steps.push({ date, note: `${date} 法定节假日，不计${day.provisional ? "（暂定）" : ""}` });
  }
  steps.push({ date, note: `第 ${n} 个工作日：${date}${provisional ? "（暂定）" : ""}` });
  return { date, provisional, steps };
}

/** Working days inside the pause intervals — after each first day, up to and including its last; overlaps once. */
export function pausedWorkdays(calendar: Calendar, pauses: { from: string; to: string }[]): { days: number; provisional: boolean } {
  const seen = new Set<string>();
  let provisional = false;
  for (const { from, to } of pauses) {
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
      if (seen.has(d)) continue;
      const day = isWorkday(calendar, d);
      provisional ||= day.provisional;
      if (day.workday) seen.add(d);
    }
  }
  return { days: seen.size, provisional };
}

/** The reply due date of A4: 20 working days from the clock start, plus extension and paused days. */
export function replyDue(calendar: Calendar, input: { received: string; supplemented?: string; extension?: number; pauses?: { from: string; to: string }[] }): DueResult {
  const start = input.supplemented ?? input.received;
  const extension = input.extension ?? 0;
  const paused = pausedWorkdays(calendar, input.pauses ?? []);
  const total = 20 + extension + paused.days;
  const result = addWorkdays(calendar, start, total);
  const head: Step[] = [
    { date: start, note: input.supplemented ? `补正后收到申请 ${start}，期限重新起算` : `收到申请 ${start}` },
    { date: start, note: `20 个工作日${extension ? ` + 延长 ${extension} 个工作日` : ""}${paused.days ? ` + 中止计算 ${paused.days} 个工作日` : ""} = ${total} 个工作日` },
  ];
  return { date: result.date, provisional: result.provisional || paused.provisional, steps: [...head, ...result.steps] };
}
