import { addDays, isIsoDate, weekday } from "../dates";
import type { CalendarDay } from "../deadlines/workdays";

/**
 * A year's State Council notice as an admin enters it: for each holiday, the days off (from–to)
 * and the 调休 make-up working days, as the notice reads ("10月1日至7日放假调休，共7天。9月29日
 * （星期日）、10月12日（星期六）上班").
 */
export const NOTICE_HOLIDAYS = [
  ["newyear", "元旦"],
  ["spring", "春节"],
  ["qingming", "清明节"],
  ["labour", "劳动节"],
  ["dragon", "端午节"],
  ["midautumn", "中秋节"],
  ["national", "国庆节"],
] as const;
export type NoticeHolidayKey = (typeof NOTICE_HOLIDAYS)[number][0];
export type NoticeEntry = { from?: string; to?: string; makeup?: string };
export type NoticeForm = Record<NoticeHolidayKey, NoticeEntry>;

const MAX_BLOCK = 12;

/** The notice as the form posts it: `<holiday>From`, `<holiday>To`, `<holiday>Makeup` for each holiday. */
export function noticeFormFrom(field: (name: string) => string): NoticeForm {
  return Object.fromEntries(NOTICE_HOLIDAYS.map(([key]) => [key, { from: field(`${key}From`), to: field(`${key}To`), makeup: field(`${key}Makeup`) }])) as NoticeForm;
}

/** Splits "2027-02-06 2027-02-20" / "2027-02-06，2027-02-20" into dates. */
export function splitDates(text: string | undefined): string[] {
  return (text ?? "").split(/[\s,，、;；]+/).filter(Boolean);
}

export function noticeDays(year: number, form: NoticeForm): { days: CalendarDay[] } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const days = new Map<string, CalendarDay>();
  const first = `${year - 1}-12-01`;
  const last = `${year + 1}-01-31`;
  const inWindow = (d: string) => d >= first && d <= last;
  let filled = 0;
  for (const [key, name] of NOTICE_HOLIDAYS) {
    const entry = form[key] ?? {};
    const from = entry.from?.trim();
    const to = entry.to?.trim() || from;
    const makeup = splitDates(entry.makeup);
    if (!from && !entry.to?.trim() && makeup.length === 0) continue;
    filled++;
    if (!from) {
      errors[`${key}From`] = `${name}：请填写放假开始日期`;
      continue;
    }
    if (!isIsoDate(from) || !inWindow(from)) errors[`${key}From`] = `${name}：放假开始日期「${from}」应为 ${year} 年前后的有效日期（YYYY-MM-DD）`;
    if (!to || !isIsoDate(to) || !inWindow(to)) errors[`${key}To`] = `${name}：放假结束日期「${to ?? ""}」应为有效日期（YYYY-MM-DD）`;
    if (errors[`${key}From`] || errors[`${key}To`]) continue;
    if ((to as string) < from) {
      errors[`${key}To`] = `${name}：放假结束日期早于开始日期`;
      continue;
    }
    let n = 0;
    for (let d = from; d <= (to as string); d = addDays(d, 1)) {
      if (++n > MAX_BLOCK) {
        errors[`${key}To`] = `${name}：放假不应超过 ${MAX_BLOCK} 天，请核对日期`;
        break;
      }
      if (days.get(d)?.kind === "makeup") errors[`${key}From`] = `${name}：${d} 已作为调休上班日填写`;
      days.set(d, { date: d, kind: "holiday", name });
    }
    for (const d of makeup) {
      if (!isIsoDate(d) || !inWindow(d)) {
        errors[`${key}Makeup`] = `${name}：调休上班日「${d}」应为有效日期（YYYY-MM-DD）`;
        break;
      }
      if (weekday(d) !== 0 && weekday(d) !== 6) {
        errors[`${key}Makeup`] = `${name}：调休上班日 ${d} 不是星期六或星期日（工作日本来就上班）`;
        break;
      }
      if (days.get(d)?.kind === "holiday") {
        errors[`${key}Makeup`] = `${name}：${d} 同时被填为放假日和调休上班日`;
        break;
      }
      days.set(d, { date: d, kind: "makeup", name });
    }
  }
  if (filled === 0) errors._form = "请至少填写一个节日的放假安排";
  if (Object.keys(errors).length) return { errors };
  return { days: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)) };
}

/** The stored days of a year back into the form (for correcting an entered notice). */
export function noticeFormOf(days: CalendarDay[]): NoticeForm {
  const form = Object.fromEntries(NOTICE_HOLIDAYS.map(([key]) => [key, {}])) as NoticeForm;
  const keyOf = (name: string | null) => NOTICE_HOLIDAYS.find(([, n]) => name && name.includes(n.replace("节", "")))?.[0];
  for (const day of days) {
    const key = keyOf(day.name);
    if (!key) continue;
    const entry = form[key];
    if (day.kind === "holiday") {
      entry.from = entry.from && entry.from < day.date ? entry.from : day.date;
      entry.to = entry.to && entry.to > day.date ? entry.to : day.date;
    } else entry.makeup = [entry.makeup, day.date].filter(Boolean).join(" ");
  }
  return form;
}
