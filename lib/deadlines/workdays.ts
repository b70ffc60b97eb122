import { addDays, weekday } from "../dates";
import { PAUSE_KIND_LABELS, type PauseKind, REPLY_DELIVERY_DAY, REPLY_DELIVERY_LABELS, type ReplyDelivery } from "../calendar/codes";
import { provisionalHolidays } from "../calendar/provisional";

/**
 * The statutory clock's arithmetic (domain.md A4), pure: every function takes the calendar and
 * returns the date together with the steps that produced it, in Chinese.
 *
 * Working day: Monday–Friday not listed as a holiday, plus the weekend days listed as 调休
 * make-up working days, from the State Council's notice of each year. A year with no notice is
 * provisional: the statutory holidays only (lunar ones converted), no make-up days, and every
 * date that depends on it says so (暂定).
 */
export type CalendarDay = { date: string; kind: "holiday" | "makeup"; name: string | null };
export type Calendar = { holidays: Map<string, string | null>; makeup: Map<string, string | null>; years: Set<number> };

/** Days listed by any notice (a notice may list a day of the year before, e.g. 31 December), and the years with a notice. */
export function buildCalendar(years: Record<string, CalendarDay[]>): Calendar {
  const calendar: Calendar = { holidays: new Map(), makeup: new Map(), years: new Set() };
  for (const [year, days] of Object.entries(years)) {
    calendar.years.add(Number(year));
    for (const day of days) (day.kind === "holiday" ? calendar.holidays : calendar.makeup).set(day.date, day.name);
  }
  return calendar;
}

export type DayKind = "makeup" | "holiday" | "weekend" | "weekday";
export type Day = { workday: boolean; provisional: boolean; reason: DayKind; name: string | null };

export function isWorkday(calendar: Calendar, date: string): Day {
  const weekend = weekday(date) === 0 || weekday(date) === 6;
  if (calendar.makeup.has(date)) return { workday: true, provisional: false, reason: "makeup", name: calendar.makeup.get(date) ?? null };
  if (calendar.holidays.has(date)) return { workday: false, provisional: false, reason: "holiday", name: calendar.holidays.get(date) ?? null };
  const year = Number(date.slice(0, 4));
  const provisional = !calendar.years.has(year);
  if (provisional) {
    const name = provisionalHolidays(year).get(date);
    if (name) return { workday: false, provisional, reason: "holiday", name };
  }
  return weekend ? { workday: false, provisional, reason: "weekend", name: null } : { workday: true, provisional, reason: "weekday", name: null };
}

/**
 * One stretch of the count: the days after the start are cut into consecutive segments of the
 * same kind (and holiday name); `counted` is the number of working days counted when it ends.
 */
export type Segment = { from: string; to: string; kind: DayKind; name: string | null; days: number; counted: number; provisional: boolean };
export type Step = { date: string; note: string };
export type DueResult = { date: string; provisional: boolean; steps: Step[]; segments: Segment[] };

const WEEKDAY_CN = ["日", "一", "二", "三", "四", "五", "六"];

/** "10月1日" — the month and day, as the explanation reads. */
export function monthDay(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

function span(from: string, to: string): string {
  if (from === to) return monthDay(from);
  if (from.slice(0, 7) === to.slice(0, 7)) return `${monthDay(from)}–${Number(to.slice(8, 10))}日`;
  return `${monthDay(from)}–${monthDay(to)}`;
}

/** A block's dates read as the notice prints them; the year is named when it is not the start's. */
function segmentNote(s: Segment, startYear: string): string | null {
  const mark = s.provisional ? "（暂定）" : "";
  const when = `${s.from.slice(0, 4) === startYear ? "" : `${Number(s.from.slice(0, 4))}年`}${span(s.from, s.to)}`;
  if (s.kind === "makeup") return `${when}（星期${WEEKDAY_CN[weekday(s.from)]}）${s.name ?? ""}调休上班，计入${mark}`;
  if (s.kind === "holiday") return `${when} ${s.name ?? "法定节假日"}放假，不计${mark}`;
  return null;
}

/**
 * For reading: a weekend next to a holiday is part of the holiday block as the notice states it
 * ("6月8日至10日放假"), even where the notice's list names only the weekday.
 */
function displayBlocks(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const last = out.at(-1);
    if (last && s.kind === "weekend" && last.kind === "holiday") last.to = s.to;
    else if (last && s.kind === "holiday" && last.kind === "weekend") out[out.length - 1] = { ...s, from: last.from };
    else out.push({ ...s });
  }
  return out;
}

/**
 * Results by calendar, start and count: an import derives 100 000 due dates from a few hundred
 * receipt days. A calendar is never changed once built (a notice builds a new one), so its
 * results hold; the arrays returned are shared and must not be changed by a caller.
 */
const computed = new WeakMap<Calendar, Map<string, DueResult>>();
const MEMO_LIMIT = 20_000;

/** The n-th working day after d; d itself never counts (民法典 Art 201), whether or not it is a working day. */
export function addWorkdays(calendar: Calendar, start: string, n: number): DueResult {
  let memo = computed.get(calendar);
  if (!memo) computed.set(calendar, (memo = new Map()));
  const key = `${start}+${n}`;
  const known = memo.get(key);
  if (known) return known;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  const result = countWorkdaysFrom(calendar, start, n);
  memo.set(key, result);
  return result;
}

function countWorkdaysFrom(calendar: Calendar, start: string, n: number): DueResult {
  const segments: Segment[] = [];
  let date = start;
  let counted = 0;
  let provisional = false;
  while (counted < n) {
    date = addDays(date, 1);
    const day = isWorkday(calendar, date);
    provisional ||= day.provisional;
    if (day.workday) counted++;
    const last = segments.at(-1);
    if (last && last.kind === day.reason && last.name === day.name && last.provisional === day.provisional) {
      last.to = date;
      last.days++;
      last.counted = counted;
    } else {
      segments.push({ from: date, to: date, kind: day.reason, name: day.name, days: 1, counted, provisional: day.provisional });
    }
  }
  const steps: Step[] = [{ date: start, note: `${start} 当日不计，次日起算` }];
  for (const s of displayBlocks(segments)) {
    const note = segmentNote(s, start.slice(0, 4));
    if (note) steps.push({ date: s.from, note });
  }
  steps.push({ date, note: `第 ${n} 个工作日：${date}${provisional ? "（暂定：该年放假安排尚未录入）" : ""}` });
  return { date, provisional, steps, segments };
}

export type Pause = { from: string; to: string; kind?: PauseKind };

/**
 * Working days inside the pause intervals — after each first day, up to and including its last;
 * overlaps once — counting only days after the clock start (A4 as amended): a pause before a
 * 补正 restart, or before the receipt, adds nothing. `each[i]` is what pause i adds, `cut[i]`
 * the working days it lost to the clock start.
 */
export function pausedWorkdays(calendar: Calendar, pauses: Pause[], clockStart: string): { days: number; provisional: boolean; each: number[]; cut: number[] } {
  const seen = new Set<string>();
  let provisional = false;
  const each: number[] = [];
  const cut: number[] = [];
  for (const { from, to } of pauses) {
    let mine = 0;
    let before = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
      const day = isWorkday(calendar, d);
      if (!day.workday) continue;
      if (d <= clockStart) {
        before++;
        continue;
      }
      provisional ||= day.provisional;
      if (seen.has(d)) continue;
      seen.add(d);
      mine++;
    }
    each.push(mine);
    cut.push(before);
  }
  return { days: seen.size, provisional, each, cut };
}

export type ReplyDueInput = {
  received: string;
  /** The day the supplemented application arrived: the clock restarts from it. */
  supplemented?: string | null;
  /** Approved extension, 0–20 working days. */
  extension?: number;
  pauses?: Pause[];
  /** Art 35: a later reply date the agency set, with the notice recorded. */
  delayedTo?: string | null;
};

/** The reply due date of A4: 20 working days from the clock start, plus the extension and the paused working days. */
export function replyDue(calendar: Calendar, input: ReplyDueInput): DueResult & { unextended: string } {
  const start = input.supplemented ?? input.received;
  const extension = input.extension ?? 0;
  const pauses = input.pauses ?? [];
  const paused = pausedWorkdays(calendar, pauses, start);
  const total = 20 + extension + paused.days;
  const head: Step[] = [
    input.supplemented
      ? { date: start, note: `收到申请 ${input.received}；补正后的申请于 ${start} 收到，期限自此重新起算` }
      : { date: start, note: `收到申请 ${start}` },
  ];
  pauses.forEach((p, i) => {
    const what = p.kind ? PAUSE_KIND_LABELS[p.kind] : "中止计算";
    const before = paused.cut[i] ? `（其中 ${paused.cut[i]} 个工作日在${input.supplemented ? "收到补正" : "收到申请"}之前，不计）` : "";
    const overlap = paused.each[i] + paused.cut[i] < countWorkdays(calendar, p.from, p.to) ? "（与其他中止期重叠的日子只计一次）" : "";
    head.push({ date: p.from, note: `${what} ${p.from} 至 ${p.to}：不计入 ${paused.each[i]} 个工作日${before}${overlap}` });
  });
  if (extension) head.push({ date: start, note: `经批准延长答复期限 ${extension} 个工作日` });
  head.push({
    date: start,
    note: total === 20 ? "答复期限为 20 个工作日" : `应计 20${extension ? ` + ${extension}（延长）` : ""}${paused.days ? ` + ${paused.days}（中止）` : ""} = ${total} 个工作日`,
  });
  const counted = addWorkdays(calendar, start, total);
  const unextended = extension ? addWorkdays(calendar, start, 20 + paused.days).date : counted.date;
  const steps = [...head, ...counted.steps];
  let date = counted.date;
  if (input.delayedTo && input.delayedTo > date) {
    date = input.delayedTo;
    steps.push({ date, note: `依条例第三十五条确定延迟答复的期限：${date}（已告知申请人）` });
  }
  return { date, unextended, provisional: counted.provisional || paused.provisional, steps, segments: counted.segments };
}

/** 补正: the notice is due within 7 working days of the receipt, given once (A4). */
export function supplementNoticeDue(calendar: Calendar, received: string): DueResult {
  return addWorkdays(calendar, received, 7);
}

/** On time means delivered by the due date (A4): signed for, posted, or sent on or before it. */
export function deliveryOnTime(due: string, delivery: ReplyDelivery, deliveredDate: string): { onTime: boolean; note: string } {
  const onTime = deliveredDate <= due;
  const note = `${REPLY_DELIVERY_LABELS[delivery]}，以${REPLY_DELIVERY_DAY[delivery]} ${deliveredDate} 计，${onTime ? "未超过" : "超过"}答复期限 ${due}：${onTime ? "按期答复" : "逾期答复"}`;
  return { onTime, note };
}

const sortedDays = new WeakMap<Calendar, { holidays: string[]; makeup: string[] }>();

function lowerBound(sorted: string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Monday–Friday in (from, to], by arithmetic. */
function weekdaysAfter(from: string, to: string): number {
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  if (days <= 0) return 0;
  let n = Math.floor(days / 7) * 5;
  let dow = weekday(from);
  for (let i = 0; i < days % 7; i++) {
    dow = (dow + 1) % 7;
    if (dow !== 0 && dow !== 6) n++;
  }
  return n;
}

/**
 * The number of working days d with from < d ≤ to, without walking the days: weekdays by
 * arithmetic, then the listed holidays and make-up days (and a provisional year's statutory
 * holidays) inside the range. Equal to counting with isWorkday day by day (a property test says so).
 */
export function countWorkdays(calendar: Calendar, from: string, to: string): number {
  if (to <= from) return 0;
  let sorted = sortedDays.get(calendar);
  if (!sorted) {
    sorted = { holidays: [...calendar.holidays.keys()].sort(), makeup: [...calendar.makeup.keys()].sort() };
    sortedDays.set(calendar, sorted);
  }
  let n = weekdaysAfter(from, to);
  const weekend = (d: string) => weekday(d) === 0 || weekday(d) === 6;
  for (let i = lowerBound(sorted.holidays, from); i < sorted.holidays.length && sorted.holidays[i] <= to; i++) {
    const d = sorted.holidays[i];
    if (!weekend(d) && !calendar.makeup.has(d)) n--;
  }
  for (let i = lowerBound(sorted.makeup, from); i < sorted.makeup.length && sorted.makeup[i] <= to; i++) {
    if (weekend(sorted.makeup[i])) n++;
  }
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    if (calendar.years.has(year)) continue;
    for (const d of provisionalHolidays(year).keys()) {
      if (d > from && d <= to && !weekend(d) && !calendar.holidays.has(d) && !calendar.makeup.has(d)) n--;
    }
  }
  return n;
}
