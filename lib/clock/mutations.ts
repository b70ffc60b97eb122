import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { type Tx, writeTx } from "../../db";
import { requestPauses, type RequestRow } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { PAUSE_KIND_LABELS, REPLY_DELIVERY_LABELS } from "../calendar/codes";
import { currentCalendar } from "../calendar/queries";
import { supplementNoticeDue } from "../calendar/workdays";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import { applyChange, loadForChange, recordEvent } from "../requests/mutations";
import { todayInChina } from "../dates";
import { livePauses, refreshClock } from "./store";
import type { DelayInput, DeliveryInput, ExtensionInput, PauseInput, SupplementNoticeInput } from "./schemas";
import { clockOf } from "./view";

/**
 * Recording the facts that move a request's clock (domain.md A4): 补正, pauses, an approved
 * extension, an Art 35 later reply date and the delivery of the reply. Each is one transaction:
 * the request's version is checked and raised, the change audited and put on the timeline, and
 * the stored due date recomputed.
 */
type Change = { tx: Tx; before: RequestRow };

function change(actor: Actor, id: string, version: number, body: (c: Change) => void): void {
  assertCan(actor, "requests.write", "无权登记办理期限事项");
  writeTx((tx) => {
    const before = loadForChange(tx, actor, id, version);
    body({ tx, before });
    refreshClock(tx, currentCalendar(tx), id);
  });
}

function clockNow(tx: Tx, row: RequestRow, overrides: Partial<RequestRow> = {}) {
  return clockOf(currentCalendar(tx), { ...row, ...overrides, pauses: livePauses(tx, [row.id]).get(row.id) ?? [] }, todayInChina());
}

function assertOpen(row: RequestRow, what: string) {
  if (row.outcome) throw new AppError("INVALID", `此申请已办结，不能再登记${what}`);
}

/** What is recorded here has happened: a date after today (in Beijing) is a typing mistake. */
function notFuture(date: string | undefined, field: string, label: string) {
  const today = todayInChina();
  if (date && date > today) throw new AppError("INVALID", `${label}（${date}）不能晚于今天（${today}）`, field);
}

function notBefore(date: string, floor: string, field: string, label: string, floorLabel: string) {
  if (date < floor) throw new AppError("INVALID", `${label}（${date}）不能早于${floorLabel}（${floor}）`, field);
}

/** 补正 is asked once (一次性), within 7 working days of the receipt; the applicant gets a deadline date. */
export function recordSupplementNotice(actor: Actor, id: string, input: SupplementNoticeInput): void {
  change(actor, id, input.version, ({ tx, before }) => {
    assertOpen(before, "补正告知");
    if (before.supplementNoticeDate) throw new AppError("INVALID", `已于 ${before.supplementNoticeDate} 告知补正；补正应一次性告知，不能再次告知`, "supplementNoticeDate");
    notFuture(input.supplementNoticeDate, "supplementNoticeDate", "告知补正日期");
    notBefore(input.supplementNoticeDate, before.receivedDate, "supplementNoticeDate", "告知补正日期", "收到申请之日");
    if (input.supplementDeadline <= input.supplementNoticeDate) {
      throw new AppError("INVALID", `补正期限（${input.supplementDeadline}）应晚于告知补正日期（${input.supplementNoticeDate}）`, "supplementDeadline");
    }
    const due = supplementNoticeDue(currentCalendar(tx), before.receivedDate).date;
    applyChange(tx, actor, before, { supplementNoticeDate: input.supplementNoticeDate, supplementDeadline: input.supplementDeadline }, "request.supplement_notice");
    const late = input.supplementNoticeDate > due ? `（超过 7 个工作日的告知期限 ${due}）` : "";
    recordEvent(tx, actor, id, "supplement_notice", `告知补正（${input.supplementNoticeDate}），补正期限 ${input.supplementDeadline}${late}`);
  });
}

/** The supplemented application arrived: the clock restarts from zero on that day. */
export function recordSupplemented(actor: Actor, id: string, input: { version: number; supplementedDate: string }): void {
  change(actor, id, input.version, ({ tx, before }) => {
    assertOpen(before, "补正");
    if (!before.supplementNoticeDate) throw new AppError("INVALID", "尚未登记告知补正，不能登记收到补正", "supplementedDate");
    notFuture(input.supplementedDate, "supplementedDate", "收到补正日期");
    notBefore(input.supplementedDate, before.supplementNoticeDate, "supplementedDate", "收到补正日期", "告知补正日期");
    applyChange(tx, actor, before, { supplementedDate: input.supplementedDate }, "request.supplemented");
    recordEvent(tx, actor, id, "supplemented", `收到补正后的申请（${input.supplementedDate}），答复期限重新起算`);
  });
}

export function addPause(actor: Actor, id: string, input: PauseInput): void {
  change(actor, id, input.version, ({ tx, before }) => {
    assertOpen(before, "中止计算");
    const start = before.supplementedDate ?? before.receivedDate;
    notFuture(input.pauseFrom, "pauseFrom", "中止开始日期");
    notFuture(input.pauseTo, "pauseTo", "中止结束日期");
    notBefore(input.pauseFrom, start, "pauseFrom", "中止开始日期", before.supplementedDate ? "收到补正之日" : "收到申请之日");
    if (input.pauseTo) notBefore(input.pauseTo, input.pauseFrom, "pauseTo", "中止结束日期", "开始日期");
    if (!input.pauseTo && livePauses(tx, [id]).get(id)?.some((p) => p.toDate === null && p.kind === input.pauseKind)) {
      throw new AppError("INVALID", `已有一项尚未结束的“${PAUSE_KIND_LABELS[input.pauseKind]}”，请先登记其结束日期`, "pauseKind");
    }
    const pauseId = randomUUID();
    const row = { id: pauseId, requestId: id, kind: input.pauseKind, fromDate: input.pauseFrom, toDate: input.pauseTo ?? null, note: input.pauseNote ?? null, createdBy: actor.id };
    tx.insert(requestPauses).values(row).run();
    applyChange(tx, actor, before, {}, "request.pause");
    recordAudit(tx, actor, { action: "pause.create", objectType: "request_pause", objectId: pauseId, agencyId: before.agencyId, after: row });
    recordEvent(tx, actor, id, "paused", `${PAUSE_KIND_LABELS[input.pauseKind]}：${input.pauseFrom} 起${input.pauseTo ? `至 ${input.pauseTo}` : "（尚未结束）"}中止计算答复期限`, { pauseId });
  });
}

function loadPause(tx: Tx, requestId: string, pauseId: string) {
  const pause = tx.select().from(requestPauses).where(and(eq(requestPauses.id, pauseId), eq(requestPauses.requestId, requestId), isNull(requestPauses.deletedAt))).get();
  if (!pause) throw new AppError("NOT_FOUND", "中止记录不存在或已撤销");
  return pause;
}

export function endPause(actor: Actor, id: string, input: { version: number; pauseId: string; pauseEnd: string }): void {
  change(actor, id, input.version, ({ tx, before }) => {
    const pause = loadPause(tx, id, input.pauseId);
    notFuture(input.pauseEnd, "pauseEnd", "中止结束日期");
    notBefore(input.pauseEnd, pause.fromDate, "pauseEnd", "中止结束日期", "开始日期");
    const now = new Date().toISOString();
    tx.update(requestPauses).set({ toDate: input.pauseEnd, updatedAt: now, updatedBy: actor.id }).where(eq(requestPauses.id, pause.id)).run();
    applyChange(tx, actor, before, {}, "request.pause_end");
    recordAudit(tx, actor, { action: "pause.update", objectType: "request_pause", objectId: pause.id, agencyId: before.agencyId, before: pause, after: { ...pause, toDate: input.pauseEnd } });
    recordEvent(tx, actor, id, "pause_ended", `${PAUSE_KIND_LABELS[pause.kind]}于 ${input.pauseEnd} 结束，恢复计算答复期限`, { pauseId: pause.id });
  });
}

/** A pause recorded by mistake is withdrawn (kept, marked deleted), with a reason. */
export function removePause(actor: Actor, id: string, input: { version: number; pauseId: string; removeReason: string }): void {
  change(actor, id, input.version, ({ tx, before }) => {
    const pause = loadPause(tx, id, input.pauseId);
    const now = new Date().toISOString();
    tx.update(requestPauses).set({ deletedAt: now, deletedBy: actor.id }).where(eq(requestPauses.id, pause.id)).run();
    applyChange(tx, actor, before, {}, "request.pause_remove");
    recordAudit(tx, actor, { action: "pause.delete", objectType: "request_pause", objectId: pause.id, agencyId: before.agencyId, before: pause, detail: { reason: input.removeReason } });
    recordEvent(tx, actor, id, "pause_removed", `撤销中止记录（${PAUSE_KIND_LABELS[pause.kind]} ${pause.fromDate} 起）：${input.removeReason}`, { pauseId: pause.id });
  });
}

/** An extension of up to 20 working days, approved before the unextended due date, the applicant notified. */
export function recordExtension(actor: Actor, id: string, input: ExtensionInput): void {
  change(actor, id, input.version, ({ tx, before }) => {
    assertOpen(before, "延期");
    const clock = clockNow(tx, before, { extensionDays: 0, delayedReplyDate: null });
    if (!clock.due) throw new AppError("INVALID", "申请正在等待补正，答复期限尚未起算，不能登记延期", "extensionDays");
    const unextended = clock.due.date;
    notFuture(input.extensionApprovedDate, "extensionApprovedDate", "批准日期");
    notFuture(input.extensionNoticeDate, "extensionNoticeDate", "告知申请人日期");
    notBefore(input.extensionApprovedDate, before.receivedDate, "extensionApprovedDate", "批准日期", "收到申请之日");
    if (input.extensionApprovedDate > unextended) {
      throw new AppError("INVALID", `延期应在原答复期限（${unextended}）届满前批准；批准日期 ${input.extensionApprovedDate} 已晚于该期限`, "extensionApprovedDate");
    }
    notBefore(input.extensionNoticeDate, input.extensionApprovedDate, "extensionNoticeDate", "告知申请人日期", "批准日期");
    if (input.extensionNoticeDate > unextended) throw new AppError("INVALID", `延期应在原答复期限（${unextended}）届满前告知申请人`, "extensionNoticeDate");
    applyChange(
      tx,
      actor,
      before,
      { extensionDays: input.extensionDays, extensionApprovedBy: input.extensionApprovedBy, extensionApprovedDate: input.extensionApprovedDate, extensionNoticeDate: input.extensionNoticeDate },
      "request.extension",
    );
    recordEvent(tx, actor, id, "extended", `经 ${input.extensionApprovedBy} 于 ${input.extensionApprovedDate} 批准延长答复期限 ${input.extensionDays} 个工作日，${input.extensionNoticeDate} 告知申请人`);
  });
}

/** Art 35: the agency sets a later reply date and tells the applicant. */
export function recordDelay(actor: Actor, id: string, input: DelayInput): void {
  change(actor, id, input.version, ({ tx, before }) => {
    assertOpen(before, "确定延迟答复期限");
    const clock = clockNow(tx, before, { delayedReplyDate: null });
    if (!clock.due) throw new AppError("INVALID", "申请正在等待补正，答复期限尚未起算", "delayedReplyDate");
    if (input.delayedReplyDate <= clock.due.date) throw new AppError("INVALID", `延迟答复的期限应晚于现行答复期限（${clock.due.date}）`, "delayedReplyDate");
    notFuture(input.delayedNoticeDate, "delayedNoticeDate", "告知申请人日期");
    notBefore(input.delayedNoticeDate, before.receivedDate, "delayedNoticeDate", "告知申请人日期", "收到申请之日");
    applyChange(tx, actor, before, { delayedReplyDate: input.delayedReplyDate, delayedNoticeDate: input.delayedNoticeDate }, "request.delay");
    recordEvent(tx, actor, id, "delayed", `依条例第三十五条确定延迟答复期限 ${input.delayedReplyDate}，${input.delayedNoticeDate} 告知申请人`);
  });
}

/** The reply reached the applicant: the day that counts depends on how it was delivered (A4). */
export function recordDelivery(actor: Actor, id: string, input: DeliveryInput): void {
  change(actor, id, input.version, ({ tx, before }) => {
    if (!before.outcome || !before.concludedDate) throw new AppError("INVALID", "申请尚未办结，请先登记办理结果再登记送达", "replyDeliveredDate");
    notFuture(input.replyDeliveredDate, "replyDeliveredDate", "送达日期");
    notBefore(input.replyDeliveredDate, before.concludedDate, "replyDeliveredDate", "送达日期", "办结（答复）日期");
    applyChange(tx, actor, before, { replyDelivery: input.replyDelivery, replyDeliveredDate: input.replyDeliveredDate }, "request.delivery");
    const clock = clockNow(tx, { ...before, replyDelivery: input.replyDelivery, replyDeliveredDate: input.replyDeliveredDate });
    recordEvent(tx, actor, id, "delivered", `答复${REPLY_DELIVERY_LABELS[input.replyDelivery]}（${input.replyDeliveredDate}）${clock.delivery ? `：${clock.delivery.onTime ? "按期" : "逾期"}` : ""}`);
  });
}
