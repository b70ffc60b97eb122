import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "../../db";
import { requestPauses, type RequestRow } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { recordAudit } from "../audit/record";
import { PAUSE_KIND_LABELS, REPLY_DELIVERY_LABELS } from "../calendar/codes";
import { clockOf, pauseStartProblem } from "../deadlines/clock";
import { supplementNoticeDue, type Calendar } from "../deadlines/workdays";
import { AppError } from "../errors";
import { assertNotFuture } from "../requests/mutations";
import { type Change, changeRequest, livePauses, type Work } from "../requests/unit-of-work";
import { nowIso } from "../time";
import type { DelayInput, DeliveryInput, ExtensionInput, PauseInput, SupplementNoticeInput } from "./schemas";

/**
 * Recording the facts that move a request's clock (domain.md A4): 补正, pauses, an approved
 * extension, an Art 35 later reply date and the delivery of the reply. Each is one change
 * through the unit of work (version checked and raised, audited, on the timeline, status and
 * due date derived again). `today` comes from the caller: nothing here reads the clock.
 */
function change(actor: Actor, id: string, version: number, apply: (work: Work) => Change): void {
  assertCan(actor, "requests.write", "无权登记办理期限事项");
  changeRequest(actor, id, version, apply);
}

/** The clock as it stands (pauses as recorded so far), with some facts overridden. */
function clockNow(tx: Tx, calendar: Calendar, row: RequestRow, today: string, overrides: Partial<RequestRow> = {}) {
  return clockOf(calendar, { ...row, ...overrides, pauses: livePauses(tx, [row.id]).get(row.id) ?? [] }, today);
}

function assertOpen(row: RequestRow, what: string) {
  if (row.outcome) throw new AppError("INVALID", `此申请已办结，不能再登记${what}`);
}

function notBefore(date: string, floor: string, field: string, label: string, floorLabel: string) {
  if (date < floor) throw new AppError("INVALID", `${label}（${date}）不能早于${floorLabel}（${floor}）`, field);
}

/** 补正 is asked once (一次性), within 7 working days of the receipt; the applicant gets a deadline date. */
export function recordSupplementNotice(actor: Actor, id: string, input: SupplementNoticeInput, today: string): void {
  change(actor, id, input.version, ({ calendar, before }) => {
    assertOpen(before, "补正告知");
    if (before.supplementNoticeDate) throw new AppError("INVALID", `已于 ${before.supplementNoticeDate} 告知补正；补正应一次性告知，不能再次告知`, "supplementNoticeDate");
    assertNotFuture(input.supplementNoticeDate, today, "supplementNoticeDate", "告知补正日期");
    notBefore(input.supplementNoticeDate, before.receivedDate, "supplementNoticeDate", "告知补正日期", "收到申请之日");
    if (input.supplementDeadline <= input.supplementNoticeDate) {
      throw new AppError("INVALID", `补正期限（${input.supplementDeadline}）应晚于告知补正日期（${input.supplementNoticeDate}）`, "supplementDeadline");
    }
    const due = supplementNoticeDue(calendar, before.receivedDate).date;
    const late = input.supplementNoticeDate > due ? `（超过 7 个工作日的告知期限 ${due}）` : "";
    return {
      patch: { supplementNoticeDate: input.supplementNoticeDate, supplementDeadline: input.supplementDeadline },
      event: { kind: "supplement_notice", summary: `告知补正（${input.supplementNoticeDate}），补正期限 ${input.supplementDeadline}${late}` },
      action: "request.supplement_notice",
    };
  });
}

/** The supplemented application arrived: the clock restarts from zero on that day. */
export function recordSupplemented(actor: Actor, id: string, input: { version: number; supplementedDate: string }, today: string): void {
  change(actor, id, input.version, ({ before }) => {
    assertOpen(before, "补正");
    if (!before.supplementNoticeDate) throw new AppError("INVALID", "尚未登记告知补正，不能登记收到补正", "supplementedDate");
    assertNotFuture(input.supplementedDate, today, "supplementedDate", "收到补正日期");
    notBefore(input.supplementedDate, before.supplementNoticeDate, "supplementedDate", "收到补正日期", "告知补正日期");
    return {
      patch: { supplementedDate: input.supplementedDate },
      event: { kind: "supplemented", summary: `收到补正后的申请（${input.supplementedDate}），答复期限重新起算` },
      action: "request.supplemented",
    };
  });
}

/**
 * A pause (A4): not before the receipt, not after today, and not beginning after the due date in
 * force (an overdue request cannot be made on time after the fact). Its days before a 补正
 * restart count for nothing (the deadline rules say so). One open pause of a kind at a time.
 */
export function addPause(actor: Actor, id: string, input: PauseInput, today: string): void {
  change(actor, id, input.version, ({ tx, calendar, before }) => {
    assertOpen(before, "中止计算");
    assertNotFuture(input.pauseFrom, today, "pauseFrom", "中止开始日期");
    assertNotFuture(input.pauseTo, today, "pauseTo", "中止结束日期");
    assertNotFuture(input.letterReceivedDate, today, "letterReceivedDate", "第三方收到征求意见函之日");
    notBefore(input.pauseFrom, before.receivedDate, "pauseFrom", "中止开始日期", "收到申请之日");
    if (input.pauseTo) notBefore(input.pauseTo, input.pauseFrom, "pauseTo", "中止结束日期", "开始日期");
    if (input.letterReceivedDate) notBefore(input.letterReceivedDate, input.pauseFrom, "letterReceivedDate", "第三方收到征求意见函之日", "中止开始日期");
    const current = livePauses(tx, [id]).get(id) ?? [];
    if (!input.pauseTo && current.some((p) => p.toDate === null && p.kind === input.pauseKind)) {
      throw new AppError("INVALID", `已有一项尚未结束的“${PAUSE_KIND_LABELS[input.pauseKind]}”，请先登记其结束日期`, "pauseKind");
    }
    const problem = pauseStartProblem(clockOf(calendar, { ...before, pauses: current }, today), input.pauseFrom);
    if (problem) throw new AppError("INVALID", problem, "pauseFrom");
    const pauseId = randomUUID();
    const row = {
      id: pauseId,
      requestId: id,
      kind: input.pauseKind,
      fromDate: input.pauseFrom,
      toDate: input.pauseTo ?? null,
      letterReceivedDate: input.pauseKind === "third_party" ? (input.letterReceivedDate ?? null) : null,
      note: input.pauseNote ?? null,
      createdBy: actor.id,
    };
    tx.insert(requestPauses).values(row).run();
    recordAudit(tx, actor, { action: "pause.create", objectType: "request_pause", objectId: pauseId, agencyId: before.agencyId, after: row });
    return {
      event: { kind: "paused", summary: `${PAUSE_KIND_LABELS[input.pauseKind]}：${input.pauseFrom} 起${input.pauseTo ? `至 ${input.pauseTo}` : "（尚未结束）"}中止计算答复期限`, data: { pauseId } },
      action: "request.pause",
    };
  });
}

function loadPause(tx: Tx, requestId: string, pauseId: string) {
  const pause = tx.select().from(requestPauses).where(and(eq(requestPauses.id, pauseId), eq(requestPauses.requestId, requestId), isNull(requestPauses.deletedAt))).get();
  if (!pause) throw new AppError("NOT_FOUND", "中止记录不存在或已撤销");
  return pause;
}

export function endPause(actor: Actor, id: string, input: { version: number; pauseId: string; pauseEnd: string }, today: string): void {
  change(actor, id, input.version, ({ tx, before }) => {
    const pause = loadPause(tx, id, input.pauseId);
    assertNotFuture(input.pauseEnd, today, "pauseEnd", "中止结束日期");
    notBefore(input.pauseEnd, pause.fromDate, "pauseEnd", "中止结束日期", "开始日期");
    tx.update(requestPauses).set({ toDate: input.pauseEnd, updatedAt: nowIso(), updatedBy: actor.id }).where(eq(requestPauses.id, pause.id)).run();
    recordAudit(tx, actor, { action: "pause.update", objectType: "request_pause", objectId: pause.id, agencyId: before.agencyId, before: pause, after: { ...pause, toDate: input.pauseEnd } });
    return {
      event: { kind: "pause_ended", summary: `${PAUSE_KIND_LABELS[pause.kind]}于 ${input.pauseEnd} 结束，恢复计算答复期限`, data: { pauseId: pause.id } },
      action: "request.pause_end",
    };
  });
}

/** A pause recorded by mistake is withdrawn (kept, marked deleted), with a reason. */
export function removePause(actor: Actor, id: string, input: { version: number; pauseId: string; removeReason: string }): void {
  change(actor, id, input.version, ({ tx, before }) => {
    const pause = loadPause(tx, id, input.pauseId);
    tx.update(requestPauses).set({ deletedAt: nowIso(), deletedBy: actor.id }).where(eq(requestPauses.id, pause.id)).run();
    recordAudit(tx, actor, { action: "pause.delete", objectType: "request_pause", objectId: pause.id, agencyId: before.agencyId, before: pause, detail: { reason: input.removeReason } });
    return {
      event: { kind: "pause_removed", summary: `撤销中止记录（${PAUSE_KIND_LABELS[pause.kind]} ${pause.fromDate} 起）：${input.removeReason}`, data: { pauseId: pause.id } },
      action: "request.pause_remove",
    };
  });
}

/** A handler never records the approval of their own request's extension (A8: nobody approves their own). */
function assertNotOwn(actor: Actor, before: RequestRow): void {
  if (before.handlerUserId && before.handlerUserId === actor.id) throw new AppError("FORBIDDEN", "本人承办的申请，须提交申请由其他负责人批准");
}

/** An approved extension as a change: days, who approved and when (no later than the unextended due date), the notice if given. */
export type ApprovedExtension = { extensionDays: number; approvedBy: string; approvedDate: string; noticeDate: string | null };

export function extensionChange({ tx, calendar, before }: Work, input: ApprovedExtension, today: string): Change {
  assertOpen(before, "延期");
  const clock = clockNow(tx, calendar, before, today, { extensionDays: 0, delayedReplyDate: null });
  if (!clock.due) throw new AppError("INVALID", "申请正在等待补正，答复期限尚未起算，不能延期", "extensionDays");
  const unextended = clock.due.date;
  assertNotFuture(input.approvedDate, today, "extensionApprovedDate", "批准日期");
  notBefore(input.approvedDate, before.receivedDate, "extensionApprovedDate", "批准日期", "收到申请之日");
  if (input.approvedDate > unextended) {
    throw new AppError("INVALID", `延期应在原答复期限（${unextended}）届满前批准；批准日期 ${input.approvedDate} 已晚于该期限`, "extensionApprovedDate");
  }
  if (input.noticeDate) {
    assertNotFuture(input.noticeDate, today, "extensionNoticeDate", "告知申请人日期");
    notBefore(input.noticeDate, input.approvedDate, "extensionNoticeDate", "告知申请人日期", "批准日期");
    if (input.noticeDate > unextended) throw new AppError("INVALID", `延期应在原答复期限（${unextended}）届满前告知申请人`, "extensionNoticeDate");
  }
  return {
    patch: { extensionDays: input.extensionDays, extensionApprovedBy: input.approvedBy, extensionApprovedDate: input.approvedDate, extensionNoticeDate: input.noticeDate },
    event: {
      kind: "extended",
      summary: `经 ${input.approvedBy} 于 ${input.approvedDate} 批准延长答复期限 ${input.extensionDays} 个工作日${input.noticeDate ? `，${input.noticeDate} 告知申请人` : ""}`,
    },
    action: "request.extension",
  };
}

/**
 * An extension approved outside the system (on paper, before the system was used), recorded as a
 * fact by someone who may approve extensions; in the system an extension is requested by the
 * handler and approved on the approval page (lib/work).
 */
export function recordExtension(actor: Actor, id: string, input: ExtensionInput, today: string): void {
  assertCan(actor, "extensions.approve", "延期须经审核负责人批准：请由承办人提交延期申请");
  change(actor, id, input.version, (work) => {
    assertNotOwn(actor, work.before);
    return extensionChange(work, { extensionDays: input.extensionDays, approvedBy: input.extensionApprovedBy, approvedDate: input.extensionApprovedDate, noticeDate: input.extensionNoticeDate }, today);
  });
}

/** Art 35: a later reply date, the applicant told (the notice date when given). */
export function delayChange({ tx, calendar, before }: Work, input: { delayedReplyDate: string; noticeDate: string | null }, today: string): Change {
  assertOpen(before, "确定延迟答复期限");
  const clock = clockNow(tx, calendar, before, today, { delayedReplyDate: null });
  if (!clock.due) throw new AppError("INVALID", "申请正在等待补正，答复期限尚未起算", "delayedReplyDate");
  if (input.delayedReplyDate <= clock.due.date) throw new AppError("INVALID", `延迟答复的期限应晚于现行答复期限（${clock.due.date}）`, "delayedReplyDate");
  if (input.noticeDate) {
    assertNotFuture(input.noticeDate, today, "delayedNoticeDate", "告知申请人日期");
    notBefore(input.noticeDate, before.receivedDate, "delayedNoticeDate", "告知申请人日期", "收到申请之日");
  }
  return {
    patch: { delayedReplyDate: input.delayedReplyDate, delayedNoticeDate: input.noticeDate },
    event: { kind: "delayed", summary: `依条例第三十五条确定延迟答复期限 ${input.delayedReplyDate}${input.noticeDate ? `，${input.noticeDate} 告知申请人` : ""}` },
    action: "request.delay",
  };
}

/** Art 35 recorded as a fact (decided outside the system); in the system it is approved like an extension. */
export function recordDelay(actor: Actor, id: string, input: DelayInput, today: string): void {
  assertCan(actor, "extensions.approve", "延迟答复须经审核负责人批准：请由承办人提交申请");
  change(actor, id, input.version, (work) => {
    assertNotOwn(actor, work.before);
    return delayChange(work, { delayedReplyDate: input.delayedReplyDate, noticeDate: input.delayedNoticeDate }, today);
  });
}

/** The reply reached the applicant: the day that counts depends on how it was delivered (A4). */
export function recordDelivery(actor: Actor, id: string, input: DeliveryInput, today: string): void {
  change(actor, id, input.version, ({ tx, calendar, before }) => {
    if (!before.outcome || !before.concludedDate) throw new AppError("INVALID", "申请尚未办结，请先登记办理结果再登记送达", "replyDeliveredDate");
    assertNotFuture(input.replyDeliveredDate, today, "replyDeliveredDate", "送达日期");
    notBefore(input.replyDeliveredDate, before.concludedDate, "replyDeliveredDate", "送达日期", "办结（答复）日期");
    const patch = { replyDelivery: input.replyDelivery, replyDeliveredDate: input.replyDeliveredDate };
    const clock = clockNow(tx, calendar, before, today, patch);
    return {
      patch,
      event: { kind: "delivered", summary: `答复${REPLY_DELIVERY_LABELS[input.replyDelivery]}（${input.replyDeliveredDate}）${clock.delivery ? `：${clock.delivery.onTime ? "按期" : "逾期"}` : ""}` },
      action: "request.delivery",
    };
  });
}
