import type { PauseKind, ReplyDelivery } from "../calendar/codes";
import { PAUSE_KIND_LABELS } from "../calendar/codes";
import { addWorkdays, type Calendar, countWorkdays, deliveryOnTime, type DueResult, replyDue, supplementNoticeDue } from "../calendar/workdays";

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
  pauses: { kind: PauseKind; fromDate: string; toDate: string | null }[];
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
};

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
  if (concluded) return { state: "concluded", due, supplementNoticeDue: supplementNotice, stoppedNote: null, delivery };
  if (open) {
    return {
      state: "paused",
      due,
      supplementNoticeDue: supplementNotice,
      stoppedNote: `${PAUSE_KIND_LABELS[open.kind]}自 ${open.fromDate} 起中止计算，尚未结束；若今日恢复计算，答复期限为 ${due.date}`,
      delivery,
    };
  }
  return { state: "running", due, supplementNoticeDue: supplementNotice, stoppedNote: null, delivery };
}

/** What is stored on the request for the register: the due date of a running clock. */
export function storedDue(clock: Clock): { dueDate: string | null; dueProvisional: boolean; clockStopped: boolean } {
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
