import type { PauseKind, ReplyDelivery } from "../calendar/codes";
import { PAUSE_KIND_LABELS } from "../calendar/codes";
import { addWorkdays, type Calendar, countWorkdays, deliveryOnTime, type DueResult, replyDue, supplementNoticeDue } from "./workdays";

/**
 * A request's statutory clock (domain.md A4) from its recorded facts: whether it runs, the due
 * date with its explanation, the 补正 notice due date and, once delivered, on time or late.
 */
export type ClockFacts = {
  receivedDate: string;
  supplementNoticeDate: string | null;
  supplementDeadline: string | null;
  supplementedDate: string | null;
  extensionDays: number;
  delayedReplyDate: string | null;
  outcome: string | null;
  replyDelivery: ReplyDelivery | null;
  replyDeliveredDate: string | null;
  pauses: { kind: PauseKind; fromDate: string; toDate: string | null; letterReceivedDate?: string | null }[];
};

export type ClockState = "running" | "paused" | "awaiting_supplement" | "concluded";
export type Clock = {
  state: ClockState;
  /** The reply due date; while paused, the date if the clock resumed today. Null while 补正 is awaited. */
  due: (DueResult & { unextended: string }) | null;
  supplementNoticeDue: DueResult;
  /** What stands the clock, in Chinese. */
  stoppedNote: string | null;
  delivery: { onTime: boolean; note: string } | null;
  /** Open third-party consultations past their 15 working days (Art 32): the agency decides without the opinion. */
  consultationsOverdue: { fromDate: string; since: string; ended: string; note: string }[];
};

/** The working days a third party has to give its opinion (Art 32), from the day it received the letter. */
export const THIRD_PARTY_WORKDAYS = 15;

/**
 * Art 32: a third-party consultation still open after 15 working days from the day the third
 * party received the letter (the pause's first day when that is not recorded) is flagged.
 */
export function overdueConsultations(calendar: Calendar, pauses: ClockFacts["pauses"], today: string): Clock["consultationsOverdue"] {
  const out: Clock["consultationsOverdue"] = [];
  for (const p of pauses) {
    if (p.kind !== "third_party" || p.toDate !== null) continue;
    const since = p.letterReceivedDate ?? p.fromDate;
    const ended = addWorkdays(calendar, since, THIRD_PARTY_WORKDAYS).date;
    if (ended >= today) continue;
    const from = p.letterReceivedDate ? `第三方收到征求意见函之日 ${since}` : `征求意见之日 ${since}（未登记第三方收到日期）`;
    out.push({
      fromDate: p.fromDate,
      since,
      ended,
      note: `征求第三方意见已超过 ${THIRD_PARTY_WORKDAYS} 个工作日（自${from}起，${ended} 届满），第三方逾期未提出意见的，由本机关依照条例规定决定是否公开（条例第三十二条）：请登记中止结束`,
    });
  }
  return out;
}

export function clockOf(calendar: Calendar, facts: ClockFacts, today: string): Clock {
  const supplementNotice = supplementNoticeDue(calendar, facts.receivedDate);
  const concluded = facts.outcome !== null;
  if (facts.supplementNoticeDate && !facts.supplementedDate && !concluded) {
    return {
      state: "awaiting_supplement",
      due: null,
      supplementNoticeDue: supplementNotice,
      stoppedNote: `已于 ${facts.supplementNoticeDate} 告知补正${facts.supplementDeadline ? `，补正期限 ${facts.supplementDeadline}` : ""}；收到补正后的申请之日起重新计算 20 个工作日`,
      delivery: null,
      consultationsOverdue: [],
    };
  }
  const open = facts.pauses.find((p) => p.toDate === null);
  const pauses = facts.pauses.map((p) => ({ kind: p.kind, from: p.fromDate, to: p.toDate ?? (today > p.fromDate ? today : p.fromDate) }));
  const due = replyDue(calendar, {
    received: facts.receivedDate,
    supplemented: facts.supplementedDate,
    extension: facts.extensionDays,
    pauses,
    delayedTo: facts.delayedReplyDate,
  });
  const delivery = facts.replyDelivery && facts.replyDeliveredDate ? deliveryOnTime(due.date, facts.replyDelivery, facts.replyDeliveredDate) : null;
  if (concluded) return { state: "concluded", due, supplementNoticeDue: supplementNotice, stoppedNote: null, delivery, consultationsOverdue: [] };
  const consultationsOverdue = overdueConsultations(calendar, facts.pauses, today);
  if (open) {
    return {
      state: "paused",
      due,
      supplementNoticeDue: supplementNotice,
      stoppedNote: `${PAUSE_KIND_LABELS[open.kind]}自 ${open.fromDate} 起中止计算，尚未结束；若今日恢复计算，答复期限为 ${due.date}`,
      delivery,
      consultationsOverdue,
    };
  }
  return { state: "running", due, supplementNoticeDue: supplementNotice, stoppedNote: null, delivery, consultationsOverdue };
}

/**
 * A4: a pause cannot begin after the due date in force when it is recorded (an overdue request
 * cannot be made on time after the fact), nor while the clock has not started (补正 awaited).
 * `current` is the clock as it stands before the pause is added.
 */
export function pauseStartProblem(current: Clock, from: string): string | null {
  if (current.state === "awaiting_supplement") return "申请正在等待补正，答复期限尚未起算，不能登记中止计算（收到补正后期限重新起算）";
  if (current.due && from > current.due.date) return `中止开始日期（${from}）晚于现行答复期限（${current.due.date}）：已逾期的申请不能登记中止计算`;
  return null;
}

/**
 * What is stored on the request for the register: the due date of a running clock. It never
 * depends on today — a running clock's date comes from closed pauses only, and an open pause
 * (or a 补正 awaited) stands the clock, stored as stopped — so it is computed without one.
 */
export function storedDue(calendar: Calendar, facts: ClockFacts): { dueDate: string | null; dueProvisional: boolean; clockStopped: boolean } {
  const clock = clockOf(calendar, facts, facts.receivedDate);
  if (clock.state === "running" && clock.due) return { dueDate: clock.due.date, dueProvisional: clock.due.provisional, clockStopped: false };
  return { dueDate: null, dueProvisional: false, clockStopped: clock.state === "paused" || clock.state === "awaiting_supplement" };
}

/**
 * Working days from today to the due date: positive = left (the due date itself counts as the
 * last day), 0 = due today, negative = working days overdue.
 */
export function workdaysLeft(calendar: Calendar, today: string, due: string): number {
  return due >= today ? countWorkdays(calendar, today, due) : -countWorkdays(calendar, due, today);
}

/** The last day that is "due within n working days" of today (the register's due-soon filters). */
export function dueSoonLimit(calendar: Calendar, today: string, n: number): string {
  return addWorkdays(calendar, today, n).date;
}
